package org.hotline12345.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The working-day calendar and the deadline arithmetic on it; the calendar module's API.
 * <p>
 * Monday to Friday are working days and Saturday and Sunday are not, except for the dates the admin records:
 * {@link DayKind#HOLIDAY public holidays and weekdays given off} and {@link DayKind#WORKDAY 调休 make-up
 * working Saturdays and Sundays}. Working time is the working windows of a working day (by default 09:00–12:00
 * and 13:30–17:30, {@code hotline.calendar.working-hours}) read in the city's time zone
 * ({@code hotline.calendar.time-zone}, default Asia/Shanghai). Which clock a deadline uses (working days,
 * working hours or plain hours) is the caller's decision; this class only does the arithmetic.
 * <p>
 * The recorded dates are held in memory, because they change a few times a year while deadlines are computed
 * all the time; an edit here refreshes the copy at once (after its transaction commits), and the copy is
 * reloaded every {@code hotline.calendar.refresh-interval} (default five minutes) to pick up edits made on
 * another instance.
 */
@Service
public class WorkingCalendar {

	private static final int MAX_TEXT_LENGTH = 50;

	private final CalendarDays days;

	private final CalendarSettings settings;

	private final Clock clock;

	private volatile WorkingTime snapshot;

	WorkingCalendar(CalendarDays days, CalendarSettings settings, Clock clock) {
		this.days = days;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Whether units work on this date: a recorded date follows its {@link DayKind}, any other date is a working
	 * day from Monday to Friday.
	 */
	public boolean isWorkingDay(LocalDate date) {
		Assert.notNull(date, "Date must not be null");
		return current().isWorkingDay(date);
	}

	/**
	 * The deadline {@code days} working days after {@code start}: the same time of day as the start, on the
	 * {@code days}-th working day after the start's date.
	 * <p>
	 * A start outside working time (at night, in the lunch break, on a weekend or holiday) first moves to the
	 * next working moment, so that the unit gets every working day it is owed: Friday 15:00 plus one is Monday
	 * 15:00; Friday 20:00 plus one is Tuesday 09:00 (counted from Monday 09:00); 12:30 plus one is 13:30 on the
	 * next working day; the evening before 春节 2025 (27 January) plus one is 6 February 09:00. The end of a window
	 * (12:00, 17:30) is already outside it. In working time the deadline is always exactly {@code days} full
	 * working days after the start. Zero returns the start unchanged.
	 * @param start when the clock starts (for example, when the ticket was dispatched)
	 * @param days the number of working days, zero or more
	 * @return the deadline
	 */
	public Instant plusWorkingDays(Instant start, int days) {
		Assert.notNull(start, "Start must not be null");
		return current().plusWorkingDays(start, days);
	}

	/**
	 * The deadline {@code amount} of working time after {@code start}: only the working windows of working days
	 * count, so 16:30 on a Friday plus two working hours is 10:00 on Monday. The answer is the earliest instant at
	 * which that much working time has passed: 15:30 plus two working hours is 17:30 the same day. Zero returns
	 * the start unchanged.
	 * @param start when the clock starts
	 * @param amount the working time, zero or more
	 * @return the deadline
	 */
	public Instant plusWorkingHours(Instant start, Duration amount) {
		Assert.notNull(start, "Start must not be null");
		Assert.notNull(amount, "Working time must not be null");
		return current().plusWorkingHours(start, amount);
	}

	/**
	 * The deadline {@code amount} of plain clock time after {@code start}, nights, weekends and holidays
	 * included: the clock of 特急 and 紧急 tickets, where a gas leak does not wait for Monday.
	 * @param start when the clock starts
	 * @param amount the clock time, zero or more
	 * @return the deadline
	 */
	public Instant plusHours(Instant start, Duration amount) {
		Assert.notNull(start, "Start must not be null");
		Assert.isTrue(amount != null && !amount.isNegative(), () -> "Clock time must not be negative: " + amount);
		return start.plus(amount);
	}

	/**
	 * The working time between two instants: only the working windows of working days count. With
	 * {@code to} before {@code from} the result is negative, so that the time left to a deadline already passed
	 * comes out below zero. A warning share is {@code workingTimeBetween(start, now)} divided by
	 * {@code workingTimeBetween(start, deadline)} for a deadline in working time.
	 * @param from the earlier instant, usually when the clock started
	 * @param to the later instant
	 * @return the working time in between
	 */
	public Duration workingTimeBetween(Instant from, Instant to) {
		Assert.notNull(from, "From must not be null");
		Assert.notNull(to, "To must not be null");
		return current().workingTimeBetween(from, to);
	}

	/**
	 * Records a holiday or a make-up working day, replacing what was recorded for that date. Deadlines computed
	 * from now on use it; deadlines already set are not moved.
	 * @param day the date
	 * @param kind {@link DayKind#HOLIDAY} for a day off, {@link DayKind#WORKDAY} for a make-up working Saturday or
	 * Sunday
	 * @param name what the day is, e.g. 春节 or 春节调休上班 (at most 50 characters)
	 * @param user the admin who records it
	 * @throws IllegalArgumentException when a make-up working day is not a Saturday or Sunday (a weekday works
	 * anyway, so it is a wrong date), or the name or user is missing or too long
	 */
	public void setDay(LocalDate day, DayKind kind, String name, String user) {
		Assert.notNull(day, "Date must not be null");
		Assert.notNull(kind, "Kind must not be null");
		String trimmedName = requireText(name, "Name");
		String trimmedUser = requireText(user, "User");
		if (kind == DayKind.WORKDAY && !isWeekend(day)) {
			throw new IllegalArgumentException("A make-up working day (调休) must be a Saturday or Sunday; " + day
					+ " is a " + day.getDayOfWeek() + " and a working day anyway");
		}
		this.days.save(new CalendarDay(day, kind, trimmedName, trimmedUser, this.clock.instant()));
		refreshAfterCommit();
	}

	/**
	 * Removes what was recorded for a date, which then follows the default week again. Nothing happens when
	 * nothing was recorded.
	 * @param day the date
	 */
	public void removeDay(LocalDate day) {
		Assert.notNull(day, "Date must not be null");
		this.days.deleteById(day);
		refreshAfterCommit();
	}

	/**
	 * The dates recorded for one year, in date order.
	 * @param year the year, e.g. 2025
	 * @return the holidays and make-up working days of that year
	 */
	public List<CalendarDayView> days(int year) {
		return this.days.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.stream()
			.map(CalendarDay::toView)
			.toList();
	}

	/**
	 * Reloads the in-memory copy from the database. Synchronized so that a scheduled reload that read the table
	 * before an edit committed cannot overwrite the reload that follows the edit.
	 */
	@Scheduled(fixedDelayString = "${hotline.calendar.refresh-interval:5m}",
			initialDelayString = "${hotline.calendar.refresh-interval:5m}")
	synchronized void refresh() {
		Map<LocalDate, DayKind> exceptions = this.days.findAll()
			.stream()
			.collect(Collectors.toMap(CalendarDay::getDay, CalendarDay::getKind));
		this.snapshot = new WorkingTime(exceptions, this.settings);
	}

	private WorkingTime current() {
		WorkingTime current = this.snapshot;
		if (current == null) {
			refresh();
			current = this.snapshot;
		}
		return current;
	}

	private void refreshAfterCommit() {
		// Inside a caller's transaction the edit is not visible to others until it commits, and is lost if it
		// rolls back: only then may the copy change.
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					refresh();
				}
			});
		}
		else {
			refresh();
		}
	}

	private static boolean isWeekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static String requireText(String text, String what) {
		Assert.isTrue(StringUtils.hasText(text), () -> what + " must not be empty");
		String trimmed = text.trim();
		Assert.isTrue(trimmed.length() <= MAX_TEXT_LENGTH,
				() -> what + " must be at most " + MAX_TEXT_LENGTH + " characters");
		return trimmed;
	}

}
