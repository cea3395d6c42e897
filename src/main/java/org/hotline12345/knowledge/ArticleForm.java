package org.hotline12345.knowledge;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The article form as typed; {@code version} is the one the supervisor opened. */
record ArticleForm(@NotBlank(message = "{knowledge.error.question}") @Size(max = 300, message = "{knowledge.error.questionLength}") String question,
		@NotBlank(message = "{knowledge.error.answer}") @Size(max = 8000, message = "{knowledge.error.answerLength}") String answer,
		@Size(max = 32) String categoryCode, @Size(max = 32) String sourceUnitCode,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
		@Size(max = 500, message = "{knowledge.error.keywordsLength}") String keywords, Long version) {

	static ArticleForm empty() {
		return new ArticleForm("", "", "", "", null, null, "", null);
	}

	static ArticleForm of(KnowledgeArticle article) {
		return new ArticleForm(article.question(), article.answer(), article.categoryCode(), article.sourceUnitCode(),
				article.validFrom(), article.validTo(), article.keywords(), article.version());
	}

	ArticleDraft draft() {
		return new ArticleDraft(this.question, this.answer, this.categoryCode, this.sourceUnitCode, this.validFrom,
				this.validTo, this.keywords);
	}

}
