package org.hotline12345.calendar;

import java.time.LocalDate;

import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HotlineIntegrationTest
class CalendarAdminControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theAdminSeesTheSeededHolidays() throws Exception {
		this.mvc.perform(get("/admin/calendar").param("year", "2026").with(user(this.users.loadUserByUsername("sysadmin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("春节")));
	}

	@Test
	void aMakeUpWorkingDayOnAWeekdayIsRefusedNextToTheField() throws Exception {
		this.mvc.perform(post("/admin/calendar").with(csrf())
			.with(user(this.users.loadUserByUsername("sysadmin")))
			.param("day", "2027-03-03")
			.param("kind", "WORKDAY")
			.param("name", "测试调休"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("只能是周六或周日")))
			.andExpect(content().string(containsString("测试调休")));
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2027, 3, 3))).isTrue();
	}

	@Test
	void aRecordedHolidayChangesTheArithmeticAndIsAudited() throws Exception {
		this.mvc.perform(post("/admin/calendar").with(csrf())
			.with(user(this.users.loadUserByUsername("sysadmin")))
			.param("day", "2027-05-04")
			.param("kind", "HOLIDAY")
			.param("name", "劳动节"))
			.andExpect(redirectedUrl("/admin/calendar?year=2027"));
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2027, 5, 4))).isFalse();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where event_type = 'CALENDAR_DAY_SET' and object_id = '2027-05-04'",
				Integer.class))
			.isEqualTo(1);
		this.mvc.perform(post("/admin/calendar/2027-05-04/delete").with(csrf())
			.with(user(this.users.loadUserByUsername("sysadmin"))))
			.andExpect(redirectedUrl("/admin/calendar?year=2027"));
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2027, 5, 4))).isTrue();
	}

	@Test
	void onlyTheSystemAdminKeepsTheCalendar() throws Exception {
		this.mvc.perform(get("/admin/calendar").with(user(this.users.loadUserByUsername("supervisor"))))
			.andExpect(status().isForbidden());
	}

}
