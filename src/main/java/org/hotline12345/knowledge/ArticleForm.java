package org.hotline12345.knowledge;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;


/**
 * The article form as typed; {@code version} is the one the supervisor opened. Dates and version stay text so that a
 * tampered value is a field error, not a failed binding.
 */
record ArticleForm(@NotBlank(message = "{knowledge.error.question}") @Size(max = 300, message = "{knowledge.error.questionLength}") String question,
		@NotBlank(message = "{knowledge.error.answer}") @Size(max = 8000, message = "{knowledge.error.answerLength}") String answer,
		@Size(max = 32) String categoryCode, @Size(max = 32) String sourceUnitCode,
		@Size(max = 10) String validFrom, @Size(max = 10) String validTo,
		@Size(max = 500, message = "{knowledge.error.keywordsLength}") String keywords, @Size(max = 20) String version) {

	static ArticleForm empty() {
		return new ArticleForm("", "", "", "", "", "", "", "");
	}

	static ArticleForm of(KnowledgeArticle article) {
		return new ArticleForm(article.question(), article.answer(), article.categoryCode(), article.sourceUnitCode(),
				text(article.validFrom()), text(article.validTo()), article.keywords(), String.valueOf(article.version()));
	}

	ArticleDraft draft() {
		return new ArticleDraft(this.question, this.answer, this.categoryCode, this.sourceUnitCode,
				date(this.validFrom), date(this.validTo), this.keywords);
	}

	Long versionValue() {
		try {
			return (this.version == null || this.version.isBlank()) ? null : Long.valueOf(this.version.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** {@code null} for an empty or malformed date; {@link #validDate(String)} tells them apart. */
	static LocalDate date(String text) {
		try {
			return (text == null || text.isBlank()) ? null : LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	static boolean validDate(String text) {
		return text == null || text.isBlank() || date(text) != null;
	}

	private static String text(LocalDate day) {
		return (day != null) ? day.toString() : "";
	}

}
