package org.hotline12345.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * The deadline arithmetic on one snapshot of the calendar: immutable, so a reader never sees a half-applied
 * edit, and free of Spring and the database, so every rule is tested as a plain table of cases.
 * <p>
 * A <em>working moment</em> is an instant inside one of the working windows (start inclusive, end exclusive)
 * of a working day, both read in the calendar's time zone.
 */
final class WorkingTime {

	/**
	 * No real calendar has a year without a working day; more than this in a row means the data is wrong, and
	 * failing beats looping forever inside a deadline computation.
	 */
	static final int MAX_DAYS_OFF_IN_A_ROW = 366;

	private final Map<LocalDate, DayKind> exceptions;

	private final List<WorkingWindow> windows;

	private final ZoneId zone;

	WorkingTime(Map<LocalDate, DayKind> exceptions, CalendarSettings settings) {
		this.exceptions = Map.copyOf(exceptions);
		this.windows = settings.workingHours();
		this.zone = settings.timeZone();
	}

	boolean isWorkingDay(LocalDate date) {
		DayKind kind = this.exceptions.get(date);
		if (kind != null) {
			return kind == DayKind.WORKDAY;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * {@code instant} itself when it is a working moment, otherwise the start of the next working window.
	 */
	Instant nextWorkingMoment(Instant instant) {
		LocalDate date = localDate(instant);
		while (true) {
			if (isWorkingDay(date)) {
				for (WorkingWindow window : this.windows) {
					if (instant.isBefore(window.endOn(date, this.zone))) {
						return latest(instant, window.startOn(date, this.zone));
					}
				}
			}
			date = nextWorkingDay(date);
		}
	}

	/**
	 * The same time of day as the start on the {@code days}-th working day after it. A start outside working
	 * time first moves to the next working moment, so that a ticket dispatched on Friday night, on a holiday or
	 * in the lunch break gets the full working days it is owed: Friday 20:00 plus one working day is Tuesday
	 * 09:00 (the start counts from Monday 09:00), 12:30 plus one is 13:30 on the next working day. Zero days
	 * returns the start unchanged.
	 */
	Instant plusWorkingDays(Instant start, int days) {
		Assert.isTrue(days >= 0, () -> "Working days must not be negative: " + days);
		if (days == 0) {
			return start;
		}
		ZonedDateTime from = nextWorkingMoment(start).atZone(this.zone);
		LocalDate date = from.toLocalDate();
		for (int i = 0; i < days; i++) {
			date = nextWorkingDay(date);
		}
		return ZonedDateTime.of(date, from.toLocalTime(), this.zone).toInstant();
	}

	/**
	 * The earliest instant by which {@code amount} of working time has passed since the start. Only working
	 * windows on working days count; when the amount runs out exactly at the end of a window, that end is the
	 * answer (15:30 plus two working hours is 17:30, not 09:00 next day). Zero returns the start unchanged.
	 */
	Instant plusWorkingHours(Instant start, Duration amount) {
		Assert.isTrue(!amount.isNegative(), () -> "Working time must not be negative: " + amount);
		if (amount.isZero()) {
			return start;
		}
		Duration remaining = amount;
		LocalDate date = localDate(start);
		while (true) {
			if (isWorkingDay(date)) {
				for (WorkingWindow window : this.windows) {
					Instant from = latest(start, window.startOn(date, this.zone));
					Instant to = window.endOn(date, this.zone);
					if (from.isBefore(to)) {
						Duration available = Duration.between(from, to);
						if (remaining.compareTo(available) <= 0) {
							return from.plus(remaining);
						}
						remaining = remaining.minus(available);
					}
				}
			}
			date = nextWorkingDay(date);
		}
	}

	/**
	 * The working time inside {@code [from, to)}; negative when {@code to} is before {@code from}, so that the
	 * time left to an overdue deadline comes out below zero.
	 */
	Duration workingTimeBetween(Instant from, Instant to) {
		if (to.isBefore(from)) {
			return workingTimeBetween(to, from).negated();
		}
		Duration total = Duration.ZERO;
		LocalDate last = localDate(to);
		for (LocalDate date = localDate(from); !date.isAfter(last); date = date.plusDays(1)) {
			if (!isWorkingDay(date)) {
				continue;
			}
			for (WorkingWindow window : this.windows) {
				Instant start = latest(from, window.startOn(date, this.zone));
				Instant end = earliest(to, window.endOn(date, this.zone));
				if (start.isBefore(end)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	private LocalDate nextWorkingDay(LocalDate date) {
		LocalDate next = date.plusDays(1);
		for (int daysOff = 0; !isWorkingDay(next); daysOff++) {
			if (daysOff >= MAX_DAYS_OFF_IN_A_ROW) {
				throw new IllegalStateException("The calendar has no working day for " + MAX_DAYS_OFF_IN_A_ROW
						+ " days after " + date + ": check the holidays entered around it");
			}
			next = next.plusDays(1);
		}
		return next;
	}

	private LocalDate localDate(Instant instant) {
		return instant.atZone(this.zone).toLocalDate();
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
