package org.hotline12345.calendar;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of the working-day calendar.
 *
 * @param workingHours the working windows of every working day, e.g.
 * {@code hotline.calendar.working-hours=09:00-12:00,13:30-17:30}; the lunch break between them does not count
 * @param timeZone the zone in which dates and working hours are read (the city's, not the server's)
 * @param refreshInterval how often the in-memory copy of the calendar is reloaded, so that an edit made on
 * another instance of the application reaches this one
 */
@ConfigurationProperties("hotline.calendar")
record CalendarSettings(
		@DefaultValue({ "09:00-12:00", "13:30-17:30" }) List<WorkingWindow> workingHours,
		@DefaultValue("Asia/Shanghai") ZoneId timeZone,
		@DefaultValue("5m") Duration refreshInterval) {

	CalendarSettings {
		Assert.notEmpty(workingHours, "hotline.calendar.working-hours needs at least one window");
		Assert.notNull(timeZone, "hotline.calendar.time-zone is required");
		Assert.isTrue(refreshInterval != null && !refreshInterval.isNegative() && !refreshInterval.isZero(),
				"hotline.calendar.refresh-interval must be positive");
		List<WorkingWindow> sorted = new ArrayList<>(workingHours);
		sorted.sort(Comparator.comparing(WorkingWindow::start));
		for (int i = 1; i < sorted.size(); i++) {
			WorkingWindow previous = sorted.get(i - 1);
			WorkingWindow next = sorted.get(i);
			Assert.isTrue(!next.start().isBefore(previous.end()),
					() -> "hotline.calendar.working-hours overlap: " + previous + " and " + next);
		}
		workingHours = List.copyOf(sorted);
	}

	/**
	 * The defaults: 09:00–12:00 and 13:30–17:30 in Asia/Shanghai.
	 */
	static CalendarSettings defaults() {
		return new CalendarSettings(List.of(WorkingWindow.of("09:00-12:00"), WorkingWindow.of("13:30-17:30")),
				ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(5));
	}

}
