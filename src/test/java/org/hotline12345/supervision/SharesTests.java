package org.hotline12345.supervision;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How the city prints shares and periods. */
class SharesTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/**
	 * The published week of DOMAIN.md, 26893 main-line tickets. The rule (two decimals, half up, trailing zeros
	 * dropped) reproduces 22.4%, 6.11% and 4.21% exactly. Two of the city's figures differ from it: 3224/26893 is
	 * 11.988…%, which the rule prints as 11.99% where the paper printed 12%, and 1639/26893 is 6.0945…%, which the rule
	 * prints as 6.09% where the paper printed 6.1%. No single rounding rule gives all five printed figures (12% would
	 * need rounding to whole numbers, 6.11% two decimals), so the city's numbers were rounded by hand; we print what
	 * the counts give.
	 */
	@ParameterizedTest(name = "{0}/{1} -> {2}")
	@CsvSource({ "6024, 26893, 22.4%", "3224, 26893, 11.99%", "1642, 26893, 6.11%", "1639, 26893, 6.09%",
			"1131, 26893, 4.21%", "1, 4, 25%", "1, 3, 33.33%", "2, 3, 66.67%", "3, 3, 100%", "0, 5, 0%", "1, 8, 12.5%",
			"1, 200, 0.5%", "1, 1000, 0.1%", "1, 100000, 0%" })
	void sharesHaveAtMostTwoDecimalsWithoutTrailingZeros(long count, long total, String expected) {
		assertThat(Shares.percent(count, total)).isEqualTo(expected);
	}

	@Test
	void aRateWithoutDenominatorIsADash() {
		assertThat(Shares.percent(0, 0)).isEqualTo("—");
	}

	@Test
	void weekOnWeekChangeIsSignedAndUndefinedFromNothing() {
		assertThat(Shares.change(120, 100)).isEqualTo("+20%");
		assertThat(Shares.change(75, 100)).isEqualTo("-25%");
		assertThat(Shares.change(100, 100)).isEqualTo("0%");
		assertThat(Shares.change(5, 0)).isNull();
	}

	@Test
	void periodsAreNamedTheWayTheReportNamesThem() {
		assertThat(new Period(LocalDate.of(2025, 2, 11), LocalDate.of(2025, 2, 18), SHANGHAI).label())
			.isEqualTo("2月11日至18日");
		assertThat(new Period(LocalDate.of(2025, 1, 27), LocalDate.of(2025, 2, 2), SHANGHAI).label())
			.isEqualTo("1月27日至2月2日");
		assertThat(new Period(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 5), SHANGHAI).label())
			.isEqualTo("2024年12月30日至2025年1月5日");
	}

	@Test
	void lastWeekIsMondayToSundayBeforeThisWeek() {
		Period week = Period.lastWeek(LocalDate.of(2025, 2, 19), SHANGHAI);
		assertThat(week.from()).isEqualTo(LocalDate.of(2025, 2, 10));
		assertThat(week.to()).isEqualTo(LocalDate.of(2025, 2, 16));
		assertThat(Period.lastWeek(LocalDate.of(2025, 2, 17), SHANGHAI).from()).isEqualTo(LocalDate.of(2025, 2, 10));
		assertThat(week.previous().from()).isEqualTo(LocalDate.of(2025, 2, 3));
		assertThat(week.previous().to()).isEqualTo(LocalDate.of(2025, 2, 9));
		assertThat(week.start().toString()).isEqualTo("2025-02-09T16:00:00Z");
	}

	@Test
	void spreadsheetTextThatWouldRunAsAFormulaIsDefused() {
		assertThat(Spreadsheet.defuse("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(Spreadsheet.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(Spreadsheet.defuse("-25%")).isEqualTo("-25%");
		assertThat(Spreadsheet.defuse("社会保险")).isEqualTo("社会保险");
	}

}
