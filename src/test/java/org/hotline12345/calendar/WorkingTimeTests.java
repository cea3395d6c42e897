package org.hotline12345.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The deadline arithmetic on the seeded 2025 and 2026 calendar with the default working hours
 * (09:00–12:00, 13:30–17:30, Asia/Shanghai). Times in the tables are local Shanghai times.
 */
class WorkingTimeTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final WorkingTime calendar = CalendarSeed.workingTime();

	@ParameterizedTest(name = "{0} working day: {1} ({2})")
	@CsvSource(delimiter = '|', textBlock = """
			2025-01-24 | true  | Friday before 春节
			2025-01-26 | true  | Sunday, 春节 make-up working day
			2025-01-27 | true  | Monday, 除夕 eve
			2025-01-28 | false | Tuesday, 除夕, first day of 春节
			2025-01-31 | false | Friday inside 春节
			2025-02-04 | false | Tuesday, last day of 春节
			2025-02-05 | true  | Wednesday, first working day after 春节
			2025-02-08 | true  | Saturday, 春节 make-up working day
			2025-02-09 | false | ordinary Sunday
			2025-04-27 | true  | Sunday, 劳动节 make-up working day
			2025-05-05 | false | Monday inside 劳动节
			2025-06-02 | false | Monday, 端午节
			2025-09-28 | true  | Sunday, 国庆节 make-up working day
			2025-10-01 | false | 国庆节
			2025-10-06 | false | Monday, 中秋节 inside 国庆节
			2025-10-08 | false | Wednesday, last day of 国庆节
			2025-10-09 | true  | Thursday after 国庆节
			2025-10-11 | true  | Saturday, 国庆节 make-up working day
			2025-10-12 | false | ordinary Sunday
			2026-01-02 | false | Friday, 元旦
			2026-01-04 | true  | Sunday, 元旦 make-up working day
			2026-02-14 | true  | Saturday, 春节 make-up working day
			2026-02-16 | false | Monday inside 春节
			2026-02-23 | false | Monday, last day of 春节
			2026-02-24 | true  | Tuesday after 春节
			2026-02-28 | true  | Saturday, 春节 make-up working day
			2026-05-09 | true  | Saturday, 劳动节 make-up working day
			2026-09-20 | true  | Sunday, 国庆节 make-up working day
			2026-09-25 | false | Friday, 中秋节
			2026-10-07 | false | Wednesday, last day of 国庆节
			2026-10-08 | true  | Thursday after 国庆节
			2026-10-10 | true  | Saturday, 国庆节 make-up working day
			2027-01-04 | true  | Monday in a year not yet seeded
			2027-01-09 | false | Saturday in a year not yet seeded
			""")
	void workingDays(LocalDate date, boolean working, String why) {
		assertThat(this.calendar.isWorkingDay(date)).isEqualTo(working);
	}

	@ParameterizedTest(name = "{0} + {1} working days = {2} ({3})")
	@CsvSource(delimiter = '|', textBlock = """
			2025-03-05T10:00 | 0 | 2025-03-05T10:00 | zero days is the start
			2025-03-05T10:00 | 1 | 2025-03-06T10:00 | ordinary Wednesday to Thursday
			2025-03-07T15:00 | 1 | 2025-03-10T15:00 | Friday afternoon to Monday
			2025-03-07T15:00 | 5 | 2025-03-14T15:00 | a full week
			2025-03-05T09:00 | 1 | 2025-03-06T09:00 | at the start of the day
			2025-03-05T12:30 | 1 | 2025-03-06T13:30 | lunch break counts from 13:30
			2025-03-05T12:00 | 1 | 2025-03-06T13:30 | 12:00 is already the lunch break
			2025-03-05T07:30 | 1 | 2025-03-06T09:00 | early morning counts from 09:00
			2025-03-05T17:30 | 1 | 2025-03-07T09:00 | 17:30 counts from 09:00 next working day
			2025-03-05T20:00 | 1 | 2025-03-07T09:00 | night counts from 09:00 next working day
			2025-03-07T20:00 | 1 | 2025-03-11T09:00 | Friday night counts from Monday 09:00
			2025-03-08T10:00 | 1 | 2025-03-11T09:00 | Saturday counts from Monday 09:00
			2025-01-24T16:00 | 1 | 2025-01-26T16:00 | Friday to the make-up Sunday before 春节
			2025-01-24T16:00 | 3 | 2025-02-05T16:00 | across 春节 2025
			2025-01-27T10:00 | 1 | 2025-02-05T10:00 | eve of 春节 2025 to the first day back
			2025-01-27T10:00 | 3 | 2025-02-07T10:00 | 3 days across 春节 2025
			2025-01-27T10:00 | 5 | 2025-02-10T10:00 | 5 days across 春节 2025, via make-up Saturday
			2025-01-27T18:00 | 1 | 2025-02-06T09:00 | evening before 春节 2025 counts from 5 February
			2025-01-30T10:00 | 1 | 2025-02-06T09:00 | start inside 春节 counts from the first day back
			2025-02-07T15:00 | 1 | 2025-02-08T15:00 | Friday to the make-up Saturday
			2025-09-26T16:00 | 1 | 2025-09-28T16:00 | Friday to the make-up Sunday before 国庆节
			2025-09-30T11:00 | 1 | 2025-10-09T11:00 | across 国庆节 2025 (1-8 October)
			2025-09-30T11:00 | 3 | 2025-10-11T11:00 | 3 days across 国庆节 2025, to the make-up Saturday
			2025-09-30T11:00 | 5 | 2025-10-14T11:00 | 5 days across 国庆节 2025
			2025-10-10T16:00 | 1 | 2025-10-11T16:00 | Friday to the make-up Saturday after 国庆节
			2026-02-13T14:00 | 1 | 2026-02-14T14:00 | Friday to the make-up Saturday before 春节
			2026-02-13T14:00 | 2 | 2026-02-24T14:00 | across 春节 2026 (15-23 February)
			2026-02-13T14:00 | 5 | 2026-02-27T14:00 | 5 days across 春节 2026
			2026-02-13T14:00 | 6 | 2026-02-28T14:00 | to the make-up Saturday after 春节
			2026-02-14T18:00 | 1 | 2026-02-25T09:00 | evening of the make-up Saturday counts from 24 February
			2026-09-18T15:00 | 1 | 2026-09-20T15:00 | Friday to the make-up Sunday before 国庆节
			2026-09-24T15:00 | 1 | 2026-09-28T15:00 | across 中秋节 2026
			2026-09-30T10:00 | 1 | 2026-10-08T10:00 | across 国庆节 2026 (1-7 October)
			2026-09-30T10:00 | 3 | 2026-10-10T10:00 | 3 days across 国庆节 2026, to the make-up Saturday
			2026-09-30T10:00 | 5 | 2026-10-13T10:00 | 5 days across 国庆节 2026
			2025-12-31T10:00 | 1 | 2026-01-04T10:00 | New Year's Eve to the 元旦 make-up Sunday
			""")
	void plusWorkingDays(LocalDateTime start, int days, LocalDateTime deadline, String why) {
		assertThat(this.calendar.plusWorkingDays(at(start), days)).isEqualTo(at(deadline));
	}

	@ParameterizedTest(name = "{0} + {1} working time = {2} ({3})")
	@CsvSource(delimiter = '|', textBlock = """
			2025-03-05T10:00 | PT0S    | 2025-03-05T10:00 | zero is the start
			2025-03-05T10:00 | PT1H    | 2025-03-05T11:00 | inside the morning
			2025-03-05T11:00 | PT2H    | 2025-03-05T14:30 | over the lunch break
			2025-03-05T10:00 | PT2H30M | 2025-03-05T14:00 | over the lunch break, half hours
			2025-03-05T12:15 | PT1H    | 2025-03-05T14:30 | start in the lunch break
			2025-03-05T06:00 | PT1H    | 2025-03-05T10:00 | start before work
			2025-03-05T15:30 | PT2H    | 2025-03-05T17:30 | ends exactly at the end of the day
			2025-03-05T17:00 | PT1H    | 2025-03-06T09:30 | over the night
			2025-03-05T09:00 | PT7H    | 2025-03-05T17:30 | a full working day
			2025-03-07T16:30 | PT2H    | 2025-03-10T10:00 | over the weekend
			2025-03-07T15:00 | PT7H    | 2025-03-10T15:00 | a working day's worth over the weekend
			2025-03-07T22:00 | PT30M   | 2025-03-10T09:30 | Friday night
			2025-01-27T16:00 | PT4H    | 2025-02-05T11:30 | across 春节 2025
			2025-02-07T17:00 | PT1H    | 2025-02-08T09:30 | into the make-up Saturday
			2026-02-13T17:00 | PT1H    | 2026-02-14T09:30 | into the make-up Saturday before 春节 2026
			2026-02-14T17:00 | PT1H    | 2026-02-24T09:30 | across 春节 2026
			2025-09-30T17:00 | PT1H    | 2025-10-09T09:30 | across 国庆节 2025
			2026-09-30T16:30 | PT24H   | 2026-10-12T11:00 | 24 working hours across 国庆节 2026
			""")
	void plusWorkingHours(LocalDateTime start, Duration amount, LocalDateTime deadline, String why) {
		assertThat(this.calendar.plusWorkingHours(at(start), amount)).isEqualTo(at(deadline));
	}

	@ParameterizedTest(name = "{0} .. {1} = {2} ({3})")
	@CsvSource(delimiter = '|', textBlock = """
			2025-03-05T09:00 | 2025-03-05T17:30 | PT7H     | a full working day
			2025-03-05T11:00 | 2025-03-05T14:00 | PT1H30M  | the lunch break does not count
			2025-03-05T12:10 | 2025-03-05T13:20 | PT0S     | inside the lunch break
			2025-03-05T20:00 | 2025-03-06T08:00 | PT0S     | over the night
			2025-03-07T15:00 | 2025-03-10T15:00 | PT7H     | over the weekend
			2025-03-03T00:00 | 2025-03-10T00:00 | PT35H    | an ordinary week
			2025-01-27T09:00 | 2025-02-05T09:00 | PT7H     | 春节 2025 does not count
			2025-01-28T00:00 | 2025-02-05T00:00 | PT0S     | all of 春节 2025
			2025-02-08T00:00 | 2025-02-09T00:00 | PT7H     | the make-up Saturday counts
			2025-09-28T00:00 | 2025-10-13T00:00 | PT42H    | 国庆节 2025: six working days in fifteen
			2025-03-05T14:00 | 2025-03-05T11:00 | -PT1H30M | backwards is negative
			""")
	void workingTimeBetween(LocalDateTime from, LocalDateTime to, Duration expected, String why) {
		assertThat(this.calendar.workingTimeBetween(at(from), at(to))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} + {1}")
	@CsvSource({ "2025-01-24T16:00, PT30M", "2025-01-24T16:00, PT3H", "2025-01-27T12:45, PT7H",
			"2025-09-26T08:00, PT15H", "2026-02-13T17:29, PT10H20M", "2026-09-30T16:30, PT70H" })
	void theWorkingTimeUpToAWorkingHoursDeadlineIsTheAmountAdded(LocalDateTime start, Duration amount) {
		Instant deadline = this.calendar.plusWorkingHours(at(start), amount);
		assertThat(this.calendar.workingTimeBetween(at(start), deadline)).isEqualTo(amount);
	}

	@ParameterizedTest(name = "{0} + {1} days")
	@CsvSource({ "2025-01-24T16:00, 1", "2025-01-27T10:00, 5", "2025-09-30T11:00, 5", "2026-02-13T14:00, 6",
			"2026-02-14T18:00, 1", "2026-09-30T10:00, 15", "2025-03-05T12:30, 3" })
	void aWorkingDayIsSevenWorkingHours(LocalDateTime start, int days) {
		Instant deadline = this.calendar.plusWorkingDays(at(start), days);
		assertThat(this.calendar.workingTimeBetween(at(start), deadline)).isEqualTo(Duration.ofHours(7L * days));
	}

	@Test
	void negativeAmountsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.plusWorkingDays(Instant.EPOCH, -1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calendar.plusWorkingHours(Instant.EPOCH, Duration.ofMinutes(-1)));
	}

	@Test
	void configuredWorkingHoursAreUsed() {
		CalendarSettings settings = new CalendarSettings(
				List.of(WorkingWindow.of("14:00-18:00"), WorkingWindow.of("08:30-12:00")), SHANGHAI,
				Duration.ofMinutes(5));
		WorkingTime calendar = new WorkingTime(CalendarSeed.exceptions(), settings);

		assertThat(calendar.plusWorkingHours(at("2025-03-05T11:30"), Duration.ofHours(1))).isEqualTo(at("2025-03-05T14:30"));
		assertThat(calendar.plusWorkingDays(at("2025-03-05T13:00"), 1)).isEqualTo(at("2025-03-06T14:00"));
		assertThat(calendar.workingTimeBetween(at("2025-03-05T00:00"), at("2025-03-06T00:00")))
			.isEqualTo(Duration.ofMinutes(450));
	}

	@Test
	void aCalendarWithoutWorkingDaysFailsInsteadOfLoopingForever() {
		Map<LocalDate, DayKind> everyDayOff = new HashMap<>();
		for (LocalDate day = LocalDate.of(2030, 1, 1); day.getYear() < 2032; day = day.plusDays(1)) {
			everyDayOff.put(day, DayKind.HOLIDAY);
		}
		WorkingTime calendar = new WorkingTime(everyDayOff, CalendarSettings.defaults());

		assertThatIllegalStateException().isThrownBy(() -> calendar.plusWorkingDays(at("2030-01-01T10:00"), 1))
			.withMessageContaining("no working day");
	}

	private static Instant at(LocalDateTime local) {
		return local.atZone(SHANGHAI).toInstant();
	}

	private static Instant at(String local) {
		return at(LocalDateTime.parse(local));
	}

}
