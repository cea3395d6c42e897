package org.hotline12345.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rows that the V5 migration seeds, read from the migration itself, so that the arithmetic is tested on
 * exactly the calendar the database starts with.
 */
final class CalendarSeed {

	static final String MIGRATION = "/db/migration/V5__calendar_days.sql";

	private static final Pattern ROW = Pattern
		.compile("\\('(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKDAY)', '([^']+)', '([^']+)'\\)");

	record Row(LocalDate day, DayKind kind, String name) {
	}

	private CalendarSeed() {
	}

	static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		Matcher matcher = ROW.matcher(migration());
		while (matcher.find()) {
			rows.add(new Row(LocalDate.parse(matcher.group(1)), DayKind.valueOf(matcher.group(2)), matcher.group(3)));
		}
		return rows;
	}

	static Map<LocalDate, DayKind> exceptions() {
		return rows().stream().collect(Collectors.toMap(Row::day, Row::kind));
	}

	/**
	 * The arithmetic on the seeded calendar with the default settings.
	 */
	static WorkingTime workingTime() {
		return new WorkingTime(exceptions(), CalendarSettings.defaults());
	}

	static String migration() {
		try (InputStream in = CalendarSeed.class.getResourceAsStream(MIGRATION)) {
			if (in == null) {
				throw new IllegalStateException(MIGRATION + " is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
