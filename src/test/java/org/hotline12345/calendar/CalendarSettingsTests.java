package org.hotline12345.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding of {@code hotline.calendar.*}: the defaults, overrides, and refusal of nonsense at start-up.
 */
class CalendarSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(SettingsConfiguration.class);

	@Test
	void defaultsAreTheCityWorkingHoursInShanghai() {
		this.runner.run(context -> {
			CalendarSettings settings = context.getBean(CalendarSettings.class);
			assertThat(settings.workingHours()).containsExactly(
					new WorkingWindow(LocalTime.of(9, 0), LocalTime.of(12, 0)),
					new WorkingWindow(LocalTime.of(13, 30), LocalTime.of(17, 30)));
			assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
			assertThat(settings.refreshInterval()).isEqualTo(Duration.ofMinutes(5));
			assertThat(settings).isEqualTo(CalendarSettings.defaults());
		});
	}

	@Test
	void overridesAreBoundAndWindowsSorted() {
		this.runner
			.withPropertyValues("hotline.calendar.working-hours=14:00-18:00, 08:30-12:00",
					"hotline.calendar.time-zone=Asia/Urumqi", "hotline.calendar.refresh-interval=30s")
			.run(context -> {
				CalendarSettings settings = context.getBean(CalendarSettings.class);
				assertThat(settings.workingHours()).extracting(WorkingWindow::toString)
					.containsExactly("08:30-12:00", "14:00-18:00");
				assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
				assertThat(settings.refreshInterval()).isEqualTo(Duration.ofSeconds(30));
			});
	}

	@Test
	void overlappingWindowsStopTheStart() {
		this.runner.withPropertyValues("hotline.calendar.working-hours=09:00-12:30,12:00-17:00")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("overlap"));
	}

	@Test
	void aWindowEndingBeforeItStartsStopsTheStart() {
		this.runner.withPropertyValues("hotline.calendar.working-hours=17:30-13:30")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must start before it ends"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CalendarSettings.class)
	static class SettingsConfiguration {

	}

}
