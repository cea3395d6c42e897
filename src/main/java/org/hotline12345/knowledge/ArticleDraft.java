package org.hotline12345.knowledge;

import java.time.LocalDate;

/** What a supervisor writes into an article; checked by the form, the codes again by {@link KnowledgeBase}. */
record ArticleDraft(String question, String answer, String categoryCode, String sourceUnitCode, LocalDate validFrom,
		LocalDate validTo, String keywords) {
}
