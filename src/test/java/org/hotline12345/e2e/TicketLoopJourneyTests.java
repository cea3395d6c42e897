package org.hotline12345.e2e;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journeys 1 to 4, one ticket from the call to its close: a snake bite graded 特急 tops the urgent queue, the operator
 * dispatches it to 卫健委, the commission's clerk accepts it, records what was done with a site photo and replies,
 * and the operator's callback closes it with every step on its timeline. The steps run in order on one ticket.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TicketLoopJourneyTests extends BrowserTest {

	static final String SNAKE_BITE = "我爸刚刚在狼山脚下被毒蛇咬伤了，腿肿得厉害，附近卫生院没有抗蛇毒血清";

	static final String PHONE = "13962001234";

	static String ticketNo;

	@Test
	@Order(1)
	void theOperatorTakesTheCallSeesTheCallersHistoryAndTheTriagePreviewAndSavesIt() {
		String earlier = journeys().answered(PHONE, "想问一下医保卡丢了怎么补办", "可携带身份证到任一医保经办网点补办。");

		login("operator");
		open("/intake");
		WebElement phone = waitFor(By.id("callerPhone"));
		phone.sendKeys(PHONE, Keys.TAB);
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("history-panel"), earlier),
				Duration.ofSeconds(30));
		driver.findElement(By.id("callerName")).sendKeys("王女士");
		driver.findElement(By.id("description")).sendKeys(SNAKE_BITE);
		new Select(driver.findElement(By.id("requestType"))).selectByValue("HELP");
		new Select(driver.findElement(By.id("districtCode"))).selectByValue("chongchuan");
		driver.findElement(By.id("address")).sendKeys("崇川区狼山镇街道");
		driver.findElement(By.id("categoryCode")).sendKeys("YL.JJ");
		WebElement level = waitForText(By.cssSelector("#triage-panel .level"), "特急");
		assertThat(level.getAttribute("class")).contains("level-CRITICAL");
		assertThat(driver.findElement(By.id("triage-panel")).getText()).contains("生命危险");
		((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
		screenshot("intake-critical");
		assertAccessible();

		driver.findElement(By.id("description")).sendKeys(Keys.chord(Keys.ALT, "s"));
		ticketNo = waitFor(By.cssSelector(".result-no")).getText().strip();
		assertThat(ticketNo).startsWith("NT");
		assertThat(driver.findElement(By.cssSelector(".result-facts")).getText()).contains("特急", "紧急派单队列");
		screenshot("intake-saved");
		assertAccessible();
	}

	@Test
	@Order(2)
	void theUrgentQueueShowsItOnTopAndTheOperatorDispatchesItToTheHealthCommission() {
		login("operator");
		open("/queues/urgent");
		// The list refreshes itself every 10 s; a loaded machine may need one refresh. Other tests share the database:
		// behind fifty older CRITICAL tickets it is on a later page, which 更多 appends.
		By itsRow = By.cssSelector("#queue-table tbody tr[data-ticket='" + ticketNo + "']");
		List<WebElement> clicked = new java.util.ArrayList<>();
		WebElement first = waitFor((d) -> {
			if (!d.findElements(itsRow).isEmpty()) {
				return d.findElement(itsRow);
			}
			for (WebElement more : d.findElements(By.id("queue-more"))) {
				if (!clicked.contains(more)) {
					clicked.add(more);
					more.click();
				}
			}
			return null;
		}, Duration.ofSeconds(30));
		// Other tests share the database: the ticket is in the CRITICAL block at the top, which comes before any other
		// level, and nothing but CRITICAL stands above it.
		List<WebElement> rows = driver.findElements(By.cssSelector("#queue-table tbody tr"));
		assertThat(rows.subList(0, rows.indexOf(first) + 1))
			.allSatisfy((row) -> assertThat(row.getAttribute("data-level")).isEqualTo("CRITICAL"));
		assertThat(first.getText()).contains("特急");
		assertThat(driver.findElement(By.cssSelector(".critical-summary[role=alert]")).getText()).contains("特急");
		screenshot("queue-urgent");
		assertAccessible();

		first.findElement(By.cssSelector("a.btn")).click();
		waitFor(By.cssSelector(".critical-call[role=alert]"));
		assertThat(bodyText()).contains(ticketNo, "生命危险", "院前急救");
		List<WebElement> suggested = driver.findElements(By.cssSelector("input[name=leadUnitCode][value=wjw]"));
		if (suggested.isEmpty()) {
			driver.findElement(By.cssSelector("input[name=leadUnitCode][value=__other]")).click();
			new Select(driver.findElement(By.id("otherLeadUnitCode"))).selectByValue("wjw");
		}
		else {
			suggested.get(0).click();
		}
		driver.findElement(By.id("dispatch-note")).sendKeys("特急：已电话通知卫健委值班室，请立即协调抗蛇毒血清。");
		screenshot("dispatch");
		screenshotFull("dispatch-full");
		assertAccessible();
		driver.findElement(By.cssSelector("form.dispatch-form button[type=submit]")).click();
		assertThat(waitForText(By.cssSelector(".flash-ok"), ticketNo).getText()).contains("卫健委");
		assertThat(driver.findElements(By.cssSelector("#queue-table tr[data-ticket='" + ticketNo + "']"))).isEmpty();
	}

	@Test
	@Order(3)
	void theHealthCommissionAcceptsRecordsProgressWithAPhotoAndReplies() throws IOException {
		login("wjw");
		open("/unit/tickets");
		WebElement link = waitFor(By.linkText(ticketNo));
		WebElement row = link.findElement(By.xpath("./ancestor::tr"));
		assertThat(row.findElement(By.cssSelector("time[data-countdown]")).getText()).isNotBlank();
		assertThat(row.getText()).contains("特急");
		screenshot("unit-queue");
		assertAccessible();

		link.click();
		WebElement accept = waitFor(By.cssSelector("form[action$='/accept'] button[type=submit]"));
		screenshot("unit-ticket-dispatched");
		assertAccessible();
		accept.click();
		waitForText(By.cssSelector(".flash"), "已签收");

		driver.findElement(By.id("note")).sendKeys("已联系南通市第一人民医院急诊调配血清，患者已送医。");
		driver.findElement(By.id("photos")).sendKeys(sitePhoto().toAbsolutePath().toString());
		driver.findElement(By.cssSelector("#progress button[type=submit]")).click();
		waitForText(By.cssSelector(".flash"), "办理过程已保存");
		assertThat(waitFor(By.cssSelector("#photos-panel img.thumb")).getAttribute("alt")).endsWith(".png");

		driver.findElement(By.cssSelector("#reply input[name=outcome][value=SOLVED]")).click();
		driver.findElement(By.id("answer")).sendKeys("患者已在市一院注射抗蛇毒血清，生命体征平稳。");
		screenshot("unit-ticket");
		screenshotFull("unit-ticket-full");
		screenshotAt("unit-ticket-tablet", 820, 1180);
		assertAccessible();
		driver.findElement(By.cssSelector("#reply button[type=submit]")).click();
		waitForText(By.cssSelector(".flash"), "办理回复已提交");
	}

	@Test
	@Order(4)
	void theOperatorCallsBackTheCitizenIsSatisfiedAndTheTicketClosesWithEveryStepOnItsTimeline() {
		login("operator");
		open("/callback");
		waitFor(By.linkText(ticketNo)).click();
		waitFor(By.id("callback-outcome"));
		assertThat(bodyText()).contains("患者已在市一院注射抗蛇毒血清");
		driver.findElement(By.cssSelector("#callback-outcome input[name=reached][value=true]")).click();
		driver.findElement(By.cssSelector("#callback-outcome input[name=solved][value=true]")).click();
		driver.findElement(By.cssSelector("#callback-outcome input[name=satisfaction][value=SATISFIED]")).click();
		driver.findElement(By.cssSelector("#callback-outcome textarea")).sendKeys("市民表示感谢，父亲已脱离危险。");
		screenshot("callback");
		screenshotFull("callback-full");
		assertAccessible();
		driver.findElement(By.cssSelector("#callback-outcome button[type=submit]")).click();
		waitForText(By.cssSelector(".flash"), "工单已办结");

		open("/tickets/" + ticketNo);
		waitFor(By.cssSelector(".timeline"));
		assertThat(driver.findElement(By.cssSelector(".ticket-header")).getText()).contains("已办结");
		List<String> steps = driver.findElements(By.cssSelector(".timeline li strong"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(steps).containsSubsequence("受理登记", "进入派单队列", "派单", "签收", "办理过程", "办理回复", "回访");
		// The satisfied callback is the step that closes it.
		assertThat(driver.findElements(By.cssSelector(".timeline li")).get(steps.size() - 1).getText())
			.contains("待回访 → 已办结");
		assertThat(bodyText()).contains("满意");
		screenshot("ticket-timeline");
		screenshotFull("ticket-timeline-full");
		assertAccessible();
	}

	/** A small site photo, as a phone camera would send one (PNG). */
	private static Path sitePhoto() throws IOException {
		BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x3a7d44));
		g.fillRect(0, 0, 160, 120);
		g.setColor(new Color(0xf2c14e));
		g.fillOval(50, 30, 60, 60);
		g.dispose();
		Path file = Files.createTempFile("site-photo-", ".png");
		file.toFile().deleteOnExit();
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

}
