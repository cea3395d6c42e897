package org.hotline12345.e2e;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accessibility pass on the screens the journeys do not stop at: each role's other screens, with a screenshot
 * each, checked by axe-core for serious and critical violations, and checked not to scroll sideways at 1366×768.
 */
class EveryScreenJourneyTests extends BrowserTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.hotline12345.triage.TriageService triage;

	/** The rule-set screens address version 1, which exists once the default rules were loaded (on first use). */
	@org.junit.jupiter.api.BeforeEach
	void defaultRulesAreLoaded() {
		this.triage.preview(new org.hotline12345.triage.TriageInput("路灯不亮", "REPORT", null, null, false));
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({
			"operator,   /queues/routine,            queue-routine",
			"operator,   /queues/returned,           queue-returned",
			"operator,   /callback,                  callback-queue",
			"operator,   /knowledge,                 knowledge",
			"supervisor, /supervision/extensions,    extensions",
			"supervisor, /supervision/orders,        orders",
			"supervisor, /supervision/hotspots,      hotspots",
			"supervisor, /triage/rules/1,            triage-ruleset",
			"supervisor, /triage/rules/1/evaluation, triage-evaluation",
			"wjw,        /unit/tickets?tab=OVERDUE,  unit-queue-overdue",
			"sysadmin,   /admin/users,               admin-users",
			"secadmin,   /security/accounts,         security-accounts" })
	void theScreenIsAccessibleAndFitsTheDesk(String user, String path, String name) {
		login(user);
		open(path);
		waitFor(By.cssSelector("main h1"));
		assertThat(bodyText()).doesNotContain("Exception", "错误编号");
		screenshot("screen-" + name);
		assertAccessible();
		assertNoSidewaysScroll();
	}

	private void assertNoSidewaysScroll() {
		List<?> widths = (List<?>) ((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
		assertThat(((Number) widths.get(0)).intValue()).as("page width at 1366×768 on " + driver.getCurrentUrl())
			.isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
	}

}
