package org.hotline12345.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checklist #32: no template writes unescaped text. {@code th:utext} (and its data- and inline forms {@code [(...)]})
 * would put whatever a citizen typed into the page as HTML; every template uses {@code th:text} / {@code [[...]]}.
 * A test rather than a CI grep, so that it runs wherever the tests run.
 */
class TemplateEscapingTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** th:utext, data-th-utext, and Thymeleaf's unescaped inline expression [( ... )]. */
	static final Pattern UNESCAPED = Pattern.compile("(?:th:|data-th-)utext\\b|\\[\\(");

	@Test
	void noTemplateWritesUnescapedText() throws IOException {
		List<Path> templates;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			templates = files.filter((p) -> p.toString().endsWith(".html")).toList();
		}
		assertThat(templates).as("the templates were found").hasSizeGreaterThan(20);
		List<String> offenders = new ArrayList<>();
		for (Path template : templates) {
			List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				if (UNESCAPED.matcher(lines.get(i)).find()) {
					offenders.add(TEMPLATES.relativize(template) + ":" + (i + 1) + ": " + lines.get(i).strip());
				}
			}
		}
		assertThat(offenders).as("unescaped output in templates").isEmpty();
	}

	@Test
	void thePatternCatchesEveryForm() {
		assertThat(UNESCAPED.matcher("<p th:utext=\"${t.description}\">").find()).isTrue();
		assertThat(UNESCAPED.matcher("<p data-th-utext=\"${x}\">").find()).isTrue();
		assertThat(UNESCAPED.matcher("<p>[(${x})]</p>").find()).isTrue();
		assertThat(UNESCAPED.matcher("<p th:text=\"${x}\">[[${y}]]</p>").find()).isFalse();
	}

}
