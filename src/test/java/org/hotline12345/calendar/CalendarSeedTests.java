package org.hotline12345.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded calendar against the State Council notices: 国办发明电〔2024〕12号 (12 November 2024) for 2025 and
 * the notice of 4 November 2025 for 2026.
 */
class CalendarSeedTests {

	/**
	 * One line per sentence of the notices: from, to, kind, name, and the weekdays the notice prints for from
	 * and to, which java.time must confirm.
	 */
	static final String NOTICES = """
			2025-01-01, 2025-01-01, HOLIDAY, 元旦,                   WEDNESDAY, WEDNESDAY
			2025-01-28, 2025-02-04, HOLIDAY, 春节,                   TUESDAY,   TUESDAY
			2025-01-26, 2025-01-26, WORKDAY, 春节调休上班,           SUNDAY,    SUNDAY
			2025-02-08, 2025-02-08, WORKDAY, 春节调休上班,           SATURDAY,  SATURDAY
			2025-04-04, 2025-04-06, HOLIDAY, 清明节,                 FRIDAY,    SUNDAY
			2025-05-01, 2025-05-05, HOLIDAY, 劳动节,                 THURSDAY,  MONDAY
			2025-04-27, 2025-04-27, WORKDAY, 劳动节调休上班,         SUNDAY,    SUNDAY
			2025-05-31, 2025-06-02, HOLIDAY, 端午节,                 SATURDAY,  MONDAY
			2025-10-01, 2025-10-08, HOLIDAY, 国庆节、中秋节,         WEDNESDAY, WEDNESDAY
			2025-09-28, 2025-09-28, WORKDAY, 国庆节、中秋节调休上班, SUNDAY,    SUNDAY
			2025-10-11, 2025-10-11, WORKDAY, 国庆节、中秋节调休上班, SATURDAY,  SATURDAY
			2026-01-01, 2026-01-03, HOLIDAY, 元旦,                   THURSDAY,  SATURDAY
			2026-01-04, 2026-01-04, WORKDAY, 元旦调休上班,           SUNDAY,    SUNDAY
			2026-02-15, 2026-02-23, HOLIDAY, 春节,                   SUNDAY,    MONDAY
			2026-02-14, 2026-02-14, WORKDAY, 春节调休上班,           SATURDAY,  SATURDAY
			2026-02-28, 2026-02-28, WORKDAY, 春节调休上班,           SATURDAY,  SATURDAY
			2026-04-04, 2026-04-06, HOLIDAY, 清明节,                 SATURDAY,  MONDAY
			2026-05-01, 2026-05-05, HOLIDAY, 劳动节,                 FRIDAY,    TUESDAY
			2026-05-09, 2026-05-09, WORKDAY, 劳动节调休上班,         SATURDAY,  SATURDAY
			2026-06-19, 2026-06-21, HOLIDAY, 端午节,                 FRIDAY,    SUNDAY
			2026-09-25, 2026-09-27, HOLIDAY, 中秋节,                 FRIDAY,    SUNDAY
			2026-10-01, 2026-10-07, HOLIDAY, 国庆节,                 THURSDAY,  WEDNESDAY
			2026-09-20, 2026-09-20, WORKDAY, 国庆节调休上班,         SUNDAY,    SUNDAY
			2026-10-10, 2026-10-10, WORKDAY, 国庆节调休上班,         SATURDAY,  SATURDAY
			""";

	@ParameterizedTest(name = "{3} {0}..{1}")
	@CsvSource(textBlock = NOTICES)
	void eachSentenceOfTheNoticesIsSeededOnTheWeekdaysItNames(LocalDate from, LocalDate to, DayKind kind,
			String name, DayOfWeek fromWeekday, DayOfWeek toWeekday) {
		assertThat(from.getDayOfWeek()).as("weekday of " + from).isEqualTo(fromWeekday);
		assertThat(to.getDayOfWeek()).as("weekday of " + to).isEqualTo(toWeekday);
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			assertThat(CalendarSeed.rows()).contains(new CalendarSeed.Row(day, kind, name));
		}
	}

	@Test
	void theMigrationSeedsNothingBeyondTheNotices() {
		long noticedDays = NOTICES.lines().map(line -> line.split(",\\s*")).mapToLong(cells -> ChronoUnit.DAYS
			.between(LocalDate.parse(cells[0].strip()), LocalDate.parse(cells[1].strip())) + 1).sum();

		assertThat(noticedDays).isEqualTo(72);
		assertThat(CalendarSeed.rows()).hasSize(72);
	}

	@Test
	void everyMakeUpWorkingDayIsASaturdayOrSunday() {
		assertThat(CalendarSeed.rows()).filteredOn(row -> row.kind() == DayKind.WORKDAY)
			.hasSize(11)
			.allSatisfy(row -> assertThat(row.day().getDayOfWeek()).as(row.day() + " " + row.name())
				.isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
	}

	@Test
	void everyDateIsSeededOnce() {
		Set<LocalDate> seen = new HashSet<>();
		assertThat(CalendarSeed.rows()).allSatisfy(row -> assertThat(seen.add(row.day())).as(row.day().toString()).isTrue());
	}

	@Test
	void everyValuesLineOfTheMigrationIsRead() {
		// A row the parser misses (a quoting typo) would escape every other check here.
		long valuesLines = CalendarSeed.migration().lines().filter(line -> line.strip().startsWith("('")).count();
		assertThat(CalendarSeed.rows()).hasSize((int) valuesLines);
	}

}
