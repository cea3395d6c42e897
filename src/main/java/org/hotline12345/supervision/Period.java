package org.hotline12345.supervision;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * A range of whole days in the city's time zone, both ends included, as the reports name it ("2月11日至18日").
 * {@link #start()} and {@link #end()} are the instants [first day 00:00, day after the last 00:00).
 */
record Period(LocalDate from, LocalDate to, ZoneId zone) {

	Period {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("The period ends before it starts");
		}
	}

	/** Monday to Sunday of the week before {@code today}. */
	static Period lastWeek(LocalDate today, ZoneId zone) {
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
		return new Period(monday, monday.plusDays(6), zone);
	}

	/** From the first of {@code today}'s month to today. */
	static Period monthToDate(LocalDate today, ZoneId zone) {
		return new Period(today.withDayOfMonth(1), today, zone);
	}

	static Period of(LocalDate from, LocalDate to, Period fallback) {
		if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 366 * 5) {
			return fallback;
		}
		return new Period(from, to, fallback.zone());
	}

	Instant start() {
		return this.from.atStartOfDay(this.zone).toInstant();
	}

	Instant end() {
		return this.to.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/** The period of the same length just before this one, for week-on-week change. */
	public Period previous() {
		return new Period(this.from.minusDays(days()), this.from.minusDays(1), this.zone);
	}

	/** "2月11日至18日", or "1月28日至2月3日" across months, with the year when the period spans two. */
	public String label() {
		if (this.from.getYear() != this.to.getYear()) {
			return this.from.getYear() + "年" + this.from.getMonthValue() + "月" + this.from.getDayOfMonth() + "日至"
					+ this.to.getYear() + "年" + this.to.getMonthValue() + "月" + this.to.getDayOfMonth() + "日";
		}
		String start = this.from.getMonthValue() + "月" + this.from.getDayOfMonth() + "日";
		if (this.from.equals(this.to)) {
			return start;
		}
		String end = (this.from.getMonthValue() == this.to.getMonthValue()) ? this.to.getDayOfMonth() + "日"
				: this.to.getMonthValue() + "月" + this.to.getDayOfMonth() + "日";
		return start + "至" + end;
	}

}
