package org.hotline12345.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 8 and the basics: each role lands on its page; a wrong password shows the message; a unit user trying
 * another screen gets the friendly refusal, never a stack trace.
 */
class SignInJourneyTests extends BrowserTest {

	@Test
	void aWrongPasswordShowsTheMessageOnTheLoginPage() {
		open("/login");
		screenshot("login");
		assertAccessible();
		login("operator", "wrong-password");
		assertThat(driver.getCurrentUrl()).contains("/login?error");
		assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText()).contains("用户名或密码错误");
	}

	@Test
	void aUnitUserOnAnAdminScreenGetsTheFriendlyRefusal() {
		login("rsj");
		open("/admin/users");
		assertThat(bodyText()).contains("无权访问", "错误编号").doesNotContain("Exception");
		screenshot("error-403");
		assertAccessible();
	}

	@Test
	void theSystemAdminKeepsAccountsAndTheCalendar() {
		login("sysadmin");
		assertThat(driver.getCurrentUrl()).endsWith("/admin/users");
		assertThat(bodyText()).contains("operator", "话务员");
		assertAccessible();
		open("/admin/calendar?year=2026");
		assertThat(bodyText()).contains("春节");
		screenshot("admin-calendar");
		assertAccessible();
	}

	@Test
	void theAuditorReadsTheTrailOfTheseLogins() {
		login("auditor");
		assertThat(driver.getCurrentUrl()).endsWith("/audit");
		assertThat(bodyText()).contains("LOGIN");
		screenshot("audit-trail");
		assertAccessible();
	}

}
