package org.hotline12345.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A knowledge-base article as screens read it.
 *
 * @param id the article's id
 * @param question the question as a caller would ask it
 * @param answer the answer an operator reads out or pastes into the direct answer
 * @param categoryCode the ticket category it answers, may be {@code null}
 * @param sourceUnitCode the unit that gave the answer and vouches for it, may be {@code null}
 * @param validFrom first day the answer holds, {@code null} for always
 * @param validTo last day the answer holds, {@code null} for until further notice
 * @param keywords words an operator would type, separated by single spaces
 * @param active {@code false} once a supervisor retired it
 * @param version optimistic-lock version
 * @param updatedBy who last changed it
 * @param updatedAt when
 * @param score the search score when the article came from a search, otherwise 0
 */
public record KnowledgeArticle(long id, String question, String answer, String categoryCode, String sourceUnitCode,
		LocalDate validFrom, LocalDate validTo, String keywords, boolean active, long version, String updatedBy,
		Instant updatedAt, double score) {

	/** The keywords as a list, for badges. */
	public List<String> keywordList() {
		return (this.keywords == null || this.keywords.isBlank()) ? List.of()
				: Arrays.stream(this.keywords.split(" ")).filter((k) -> !k.isBlank()).toList();
	}

	/** Whether the answer holds on the given day. */
	public boolean validOn(LocalDate day) {
		return (this.validFrom == null || !day.isBefore(this.validFrom))
				&& (this.validTo == null || !day.isAfter(this.validTo));
	}

}
