package org.hotline12345.calendar;

import java.time.LocalDate;

import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The calendar on the migrated PostgreSQL: the V5 seed is there and the API reads and edits it.
 */
@HotlineIntegrationTest
class WorkingCalendarIntegrationTests {

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSeededMakeUpSaturdayIsAWorkingDay() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 1, 28))).isFalse();
		assertThat(this.calendar.days(2025)).hasSize(33).first().satisfies(day -> {
			assertThat(day.day()).isEqualTo(LocalDate.of(2025, 1, 1));
			assertThat(day.name()).isEqualTo("元旦");
			assertThat(day.createdBy()).isEqualTo("system");
		});
		assertThat(this.calendar.days(2026)).hasSize(39);
	}

	@Test
	void anEditIsStoredReplacedAndRemoved() {
		LocalDate saturday = LocalDate.of(2027, 2, 6);
		try {
			this.calendar.setDay(saturday, DayKind.WORKDAY, "春节调休上班", "sysadmin");
			this.calendar.setDay(saturday, DayKind.HOLIDAY, "春节", "sysadmin");

			assertThat(this.calendar.days(2027)).singleElement().satisfies(day -> {
				assertThat(day.kind()).isEqualTo(DayKind.HOLIDAY);
				assertThat(day.createdBy()).isEqualTo("sysadmin");
			});
			assertThat(this.calendar.isWorkingDay(saturday)).isFalse();
		}
		finally {
			this.calendar.removeDay(saturday);
		}
		assertThat(this.calendar.days(2027)).isEmpty();
	}

	@Test
	void theDatabaseRefusesAMakeUpWorkingDayOnAWeekday() {
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update(
				"INSERT INTO calendar_day (day, kind, name, created_by) VALUES ('2027-02-08', 'WORKDAY', 'x', 'test')"));
	}

}
