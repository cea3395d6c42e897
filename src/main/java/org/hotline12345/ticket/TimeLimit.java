package org.hotline12345.ticket;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline window as the centre writes it in configuration: {@code 30m} and {@code 2h} are clock time (urgent
 * clocks run day and night), {@code 8wh} working hours and {@code 3wd} working days (by the calendar module).
 */
public record TimeLimit(long amount, Unit unit) {

	public enum Unit {

		MINUTES, HOURS, WORKING_HOURS, WORKING_DAYS

	}

	private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(m|h|wh|wd)");

	/** Used by configuration binding. */
	public static TimeLimit valueOf(String text) {
		Matcher matcher = FORMAT.matcher(text.strip().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a time limit (30m, 2h, 8wh, 3wd): " + text);
		}
		long amount = Long.parseLong(matcher.group(1));
		return new TimeLimit(amount, switch (matcher.group(2)) {
			case "m" -> Unit.MINUTES;
			case "h" -> Unit.HOURS;
			case "wh" -> Unit.WORKING_HOURS;
			default -> Unit.WORKING_DAYS;
		});
	}

	Duration clockDuration() {
		return (this.unit == Unit.MINUTES) ? Duration.ofMinutes(this.amount) : Duration.ofHours(this.amount);
	}

	@Override
	public String toString() {
		return this.amount + switch (this.unit) {
			case MINUTES -> "m";
			case HOURS -> "h";
			case WORKING_HOURS -> "wh";
			case WORKING_DAYS -> "wd";
		};
	}

}
