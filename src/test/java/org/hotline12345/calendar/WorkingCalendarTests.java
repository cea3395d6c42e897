package org.hotline12345.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The module API on the seeded calendar, with the repository replaced by a mock: the in-memory copy, its
 * refresh after edits, and the checks on what the admin enters. The database side is covered by the
 * integration test.
 */
class WorkingCalendarTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Instant NOW = at("2025-11-20T10:15");

	private final CalendarDays days = mock(CalendarDays.class);

	private final List<CalendarDay> stored = new ArrayList<>();

	private WorkingCalendar calendar;

	@BeforeEach
	void seed() {
		CalendarSeed.rows()
			.forEach(row -> this.stored.add(new CalendarDay(row.day(), row.kind(), row.name(), "system", NOW)));
		// A copy each time, as a real query returns, so that later edits of the list are a later state.
		when(this.days.findAll()).thenAnswer(invocation -> List.copyOf(this.stored));
		this.calendar = new WorkingCalendar(this.days, CalendarSettings.defaults(), Clock.fixed(NOW, SHANGHAI));
	}

	@AfterEach
	void clearTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@ParameterizedTest(name = "{0} working day: {1}")
	@CsvSource({ "2025-02-08, true", "2025-10-11, true", "2025-01-26, true", "2025-01-28, false",
			"2025-10-08, false", "2026-02-28, true", "2026-02-23, false", "2025-03-08, false", "2025-03-10, true" })
	void workingDaysComeFromTheStoredCalendar(LocalDate date, boolean working) {
		assertThat(this.calendar.isWorkingDay(date)).isEqualTo(working);
	}

	@ParameterizedTest(name = "{0}: {1} working days = {2}")
	@CsvSource({ "2025-03-07T16:00, 1, 2025-03-10T16:00", "2025-01-27T10:00, 3, 2025-02-07T10:00",
			"2025-09-30T11:00, 5, 2025-10-14T11:00", "2026-02-13T14:00, 2, 2026-02-24T14:00" })
	void workingDays(LocalDateTime start, int days, LocalDateTime deadline) {
		assertThat(this.calendar.plusWorkingDays(at(start), days)).isEqualTo(at(deadline));
	}

	@ParameterizedTest(name = "{0}: {1} working time = {2}")
	@CsvSource({ "2025-03-07T16:30, PT2H, 2025-03-10T10:00", "2025-01-27T16:00, PT4H, 2025-02-05T11:30" })
	void workingHours(LocalDateTime start, Duration amount, LocalDateTime deadline) {
		assertThat(this.calendar.plusWorkingHours(at(start), amount)).isEqualTo(at(deadline));
	}

	@ParameterizedTest(name = "{0}: {1} on the clock = {2}")
	@CsvSource({ "2025-01-28T23:00, PT2H, 2025-01-29T01:00", "2025-03-07T17:00, PT30M, 2025-03-07T17:30",
			"2025-10-01T09:00, PT24H, 2025-10-02T09:00" })
	void plainHoursIgnoreTheCalendar(LocalDateTime start, Duration amount, LocalDateTime deadline) {
		assertThat(this.calendar.plusHours(at(start), amount)).isEqualTo(at(deadline));
	}

	@Test
	void warningShareOfAWindowInWorkingTime() {
		Instant dispatched = at("2025-01-27T10:00");
		Instant due = this.calendar.plusWorkingDays(dispatched, 3);
		Instant now = at("2025-02-06T12:00");

		double share = (double) this.calendar.workingTimeBetween(dispatched, now).toMinutes()
				/ this.calendar.workingTimeBetween(dispatched, due).toMinutes();

		// 27 Jan 10:00-17:30 (6h) + 5 Feb (7h) + 6 Feb 09:00-12:00 (3h) of 21h
		assertThat(share).isEqualTo(16.0 / 21.0);
	}

	@Test
	void theStoredCalendarIsReadOnceNotPerCall() {
		for (int i = 0; i < 100; i++) {
			this.calendar.plusWorkingDays(NOW, 3);
		}
		verify(this.days, times(1)).findAll();
	}

	@Test
	void aNewHolidayCountsAtOnce() {
		LocalDate typhoonDay = LocalDate.of(2025, 3, 10);
		assertThat(this.calendar.plusWorkingDays(at("2025-03-07T16:00"), 1)).isEqualTo(at("2025-03-10T16:00"));
		when(this.days.save(any())).thenAnswer(invocation -> {
			this.stored.add(invocation.getArgument(0));
			return invocation.getArgument(0);
		});

		this.calendar.setDay(typhoonDay, DayKind.HOLIDAY, " 台风停工 ", "sysadmin");

		ArgumentCaptor<CalendarDay> saved = ArgumentCaptor.forClass(CalendarDay.class);
		verify(this.days).save(saved.capture());
		assertThat(saved.getValue().toView())
			.isEqualTo(new CalendarDayView(typhoonDay, DayKind.HOLIDAY, "台风停工", "sysadmin", NOW));
		assertThat(this.calendar.isWorkingDay(typhoonDay)).isFalse();
		assertThat(this.calendar.plusWorkingDays(at("2025-03-07T16:00"), 1)).isEqualTo(at("2025-03-11T16:00"));
	}

	@Test
	void aRemovedHolidayNoLongerCounts() {
		LocalDate newYear = LocalDate.of(2025, 1, 1);
		assertThat(this.calendar.isWorkingDay(newYear)).isFalse();
		this.stored.removeIf(day -> day.getDay().equals(newYear));

		this.calendar.removeDay(newYear);

		verify(this.days).deleteById(newYear);
		assertThat(this.calendar.isWorkingDay(newYear)).isTrue();
	}

	@Test
	void insideATransactionTheCopyChangesOnlyAfterCommit() {
		this.calendar.isWorkingDay(NOW.atZone(SHANGHAI).toLocalDate());
		TransactionSynchronizationManager.initSynchronization();

		this.calendar.setDay(LocalDate.of(2025, 3, 10), DayKind.HOLIDAY, "台风停工", "sysadmin");
		verify(this.days, times(1)).findAll();

		TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
		verify(this.days, times(2)).findAll();
	}

	@ParameterizedTest(name = "{0} is refused as a make-up working day")
	@CsvSource({ "2025-02-10", "2025-10-09", "2026-02-27" })
	void aMakeUpWorkingDayOnAWeekdayIsRefused(LocalDate weekday) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calendar.setDay(weekday, DayKind.WORKDAY, "调休上班", "sysadmin"))
			.withMessageContaining("Saturday or Sunday")
			.withMessageContaining(weekday.toString());
		verify(this.days, never()).save(any());
	}

	@Test
	void aMakeUpWorkingSaturdayIsAccepted() {
		this.calendar.setDay(LocalDate.of(2027, 2, 6), DayKind.WORKDAY, "春节调休上班", "sysadmin");
		verify(this.days).save(any());
	}

	@ParameterizedTest(name = "name ''{0}'', user ''{1}''")
	@CsvSource({ "'', sysadmin", "'   ', sysadmin", "春节, ''",
			"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一, sysadmin" })
	void aMissingOrOverlongNameOrUserIsRefused(String name, String user) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calendar.setDay(LocalDate.of(2027, 2, 10), DayKind.HOLIDAY, name, user));
		verify(this.days, never()).save(any());
	}

	@Test
	void daysOfAYearAreListedInDateOrder() {
		List<CalendarDay> year2026 = this.stored.stream().filter(day -> day.getDay().getYear() == 2026).toList();
		when(this.days.findByDayBetweenOrderByDay(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
			.thenReturn(year2026);

		List<CalendarDayView> views = this.calendar.days(2026);

		assertThat(views).hasSize(39).first().isEqualTo(new CalendarDayView(LocalDate.of(2026, 1, 1),
				DayKind.HOLIDAY, "元旦", "system", NOW));
	}

	private static Instant at(LocalDateTime local) {
		return local.atZone(SHANGHAI).toInstant();
	}

	private static Instant at(String local) {
		return at(LocalDateTime.parse(local));
	}

}
