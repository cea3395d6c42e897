package org.hotline12345.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetSafeTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '~', value = { "=HYPERLINK(\"x\")|'=HYPERLINK(\"x\")", "+1+2|'+1+2", "-2+3|'-2+3",
			"@SUM(A1)|'@SUM(A1)", "市民来电|市民来电", "a=b|a=b" })
	void formulaStartsAreDefused(String value, String expected) {
		assertThat(SpreadsheetSafe.cell(value)).isEqualTo(expected);
	}

	@Test
	void tabsCarriageReturnsNullsAndQuotes() {
		assertThat(SpreadsheetSafe.cell("\tcmd")).isEqualTo("'\tcmd");
		assertThat(SpreadsheetSafe.cell("\rcmd")).isEqualTo("'\rcmd");
		assertThat(SpreadsheetSafe.cell(null)).isEmpty();
		assertThat(SpreadsheetSafe.csv("=1+\"2\"")).isEqualTo("\"'=1+\"\"2\"\"\"");
	}

}
