package org.hotline12345.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.util.Assert;

/**
 * A span of working time within a working day, start inclusive and end exclusive, e.g. 09:00–12:00.
 */
record WorkingWindow(LocalTime start, LocalTime end) {

	WorkingWindow {
		Assert.notNull(start, "Working window needs a start");
		Assert.notNull(end, "Working window needs an end");
		// Windows crossing midnight would belong to two dates; no 12345 unit works night shifts on this clock.
		Assert.isTrue(start.isBefore(end), () -> "Working window must start before it ends: " + start + "-" + end);
	}

	/**
	 * Parses {@code 09:00-12:00}; public and static so that the configuration binder converts property values with it.
	 */
	public static WorkingWindow of(String text) {
		String[] parts = text.trim().split("-");
		if (parts.length != 2) {
			throw new IllegalArgumentException("Working window must look like 09:00-12:00, not '" + text + "'");
		}
		try {
			return new WorkingWindow(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Working window must look like 09:00-12:00, not '" + text + "'", ex);
		}
	}

	Instant startOn(LocalDate date, ZoneId zone) {
		return ZonedDateTime.of(date, this.start, zone).toInstant();
	}

	Instant endOn(LocalDate date, ZoneId zone) {
		return ZonedDateTime.of(date, this.end, zone).toInstant();
	}

	@Override
	public String toString() {
		return this.start + "-" + this.end;
	}

}
