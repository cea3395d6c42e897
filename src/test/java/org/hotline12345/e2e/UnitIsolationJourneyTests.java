package org.hotline12345.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 8: a unit sees only its own tickets. Another unit's ticket number typed into the address bar answers the
 * friendly "not found" page, not the ticket and never a stack trace.
 */
class UnitIsolationJourneyTests extends BrowserTest {

	@Test
	void aUnitUserTryingAnotherUnitsTicketGetsTheNotFoundPage() {
		String theirs = journeys().dispatched("rsj", "单位拖欠工资三个月，要求补缴社保", "SB.YL.GXZY");

		login("wjw");
		open("/unit/tickets/" + theirs);
		waitFor(By.id("main"));
		assertThat(bodyText()).doesNotContain("单位拖欠工资", "Exception").containsAnyOf("404", "不存在", "找不到");
		screenshot("error-404-other-unit");
		assertAccessible();

		open("/tickets/" + theirs);
		assertThat(bodyText()).doesNotContain("单位拖欠工资", "Exception");

		login("rsj");
		open("/unit/tickets/" + theirs);
		assertThat(waitFor(By.cssSelector(".ticket-header")).getText()).contains(theirs);
	}

}
