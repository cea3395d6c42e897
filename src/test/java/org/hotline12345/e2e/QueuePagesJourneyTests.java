package org.hotline12345.e2e;

import java.time.Duration;
import java.util.List;

import org.hotline12345.QueuePages;
import org.hotline12345.ticket.TriageLevel;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The urgent queue with more than a page of tickets, by keyboard: 更多 is a link reached by Tab, Enter appends the next
 * fifty below the first (no row twice), the focus moves to the first new row, and the ten-second refresh no longer
 * replaces the list (it would throw the loaded rows away) while a note says so and offers the first page.
 */
class QueuePagesJourneyTests extends BrowserTest {

	@Test
	void moreAppendsTheNextFiftyByKeyboardAndTheRefreshKeepsThem() {
		List<String> made = QueuePages.waiting(this.workflow, TriageLevel.CRITICAL, 60, "浏览器分页测试：燃气管道破裂");
		try {
			login("operator");
			open("/queues/urgent");
			By rows = By.cssSelector("#queue-table tbody tr[data-ticket]");
			assertThat(driver.findElements(rows)).hasSize(50);
			assertThat(driver.findElement(By.cssSelector(".queue-total")).getText()).containsPattern("共 \\d+ 件");
			assertThat(driver.findElement(By.id("queue-paused")).isDisplayed()).isFalse();

			screenshotFull("queue-urgent-first-page");
			WebElement more = driver.findElement(By.id("queue-more"));
			assertThat(more.getTagName()).isEqualTo("a");
			assertThat(more.getAttribute("href")).contains("/queues/urgent?after=");
			more.sendKeys(Keys.ENTER);
			new WebDriverWait(driver, Duration.ofSeconds(15)).until((d) -> d.findElements(rows).size() > 50);
			List<String> shown = driver.findElements(rows).stream().map((row) -> row.getAttribute("data-ticket")).toList();
			assertThat(shown).doesNotHaveDuplicates();
			WebElement focused = driver.switchTo().activeElement();
			assertThat(focused.getTagName()).isEqualTo("a");
			assertThat(focused.getText()).isEqualTo(shown.get(50));
			assertThat(driver.findElement(By.id("queue-paused")).isDisplayed()).isTrue();
			screenshot("queue-urgent-more");
			assertAccessible();

			// The list's 10-second refresh comes round (counted as it starts) and is held back: the loaded rows stay.
			((JavascriptExecutor) driver).executeScript("""
					window.queuePolls = 0;
					document.addEventListener('htmx:beforeRequest', function (event) {
					  if (event.detail.elt && event.detail.elt.id === 'queue-table') { window.queuePolls++; }
					});""");
			new WebDriverWait(driver, Duration.ofSeconds(20))
				.until((d) -> ((Number) ((JavascriptExecutor) d).executeScript("return window.queuePolls")).intValue() > 0);
			assertThat(driver.findElements(rows).stream().map((row) -> row.getAttribute("data-ticket")).toList())
				.startsWith(shown.toArray(String[]::new));

			driver.findElement(By.cssSelector("#queue-paused a")).click();
			new WebDriverWait(driver, Duration.ofSeconds(15)).until((d) -> d.findElements(rows).size() == 50);
			assertThat(driver.findElement(By.id("queue-paused")).isDisplayed()).isFalse();
		}
		finally {
			QueuePages.close(this.workflow, made);
		}
	}

}
