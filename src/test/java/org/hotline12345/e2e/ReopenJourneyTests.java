package org.hotline12345.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 6: the unit says it is solved, the citizen on the callback says it is not; the operator reopens it and the
 * ticket is back in the unit's queue, marked as reopened, with a fresh deadline.
 */
class ReopenJourneyTests extends BrowserTest {

	@Test
	void aReplyTheCitizenIsNotSatisfiedWithIsReopenedAndComesBackToTheUnit() {
		String no = journeys().replied("wjw", "社区卫生服务中心预约挂号电话一直打不通，已经打了三天", "YL.FW.GH",
				"已督促社区卫生服务中心增加一条预约电话线路。");

		login("operator");
		open("/callback/" + no);
		waitFor(By.id("callback-reopen"));
		assertThat(bodyText()).contains("已督促社区卫生服务中心增加一条预约电话线路");
		driver.findElement(By.id("reopen-reason")).sendKeys("市民反映今天仍然打不通，问题未解决。");
		driver.findElement(By.cssSelector("#callback-reopen button[type=submit]")).click();
		waitForText(By.cssSelector(".flash"), "已重办");
		assertThat(driver.findElements(By.linkText(no))).isEmpty();

		login("wjw");
		open("/unit/tickets");
		waitFor(By.id("tab-IN_PROGRESS")).click();
		WebElement link = waitFor(By.linkText(no));
		WebElement row = link.findElement(By.xpath("./ancestor::tr"));
		assertThat(row.getText()).contains("重办 1 次", "办理中");
		assertThat(row.findElement(By.cssSelector("time[data-countdown]")).getText()).isNotBlank();
		screenshot("unit-queue-reopened");
		link.click();
		waitFor(By.id("reply"));
		assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("重办", "市民反映今天仍然打不通");
		screenshot("unit-ticket-reopened");
		assertAccessible();
	}

}
