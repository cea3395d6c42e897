package org.hotline12345.e2e;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.hotline12345.ticket.RequestType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 7: the supervisor watches the city. A call taken now moves the dashboard's figures; the weekly report
 * renders and downloads as a spreadsheet; the assessment and the triage rule editor pass the accessibility check.
 */
class SupervisionJourneyTests extends BrowserTest {

	@Autowired
	Clock clock;

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	@Test
	void theDashboardShowsTheNumbersMovingAndTheWeeklyReportRendersAndDownloads() {
		login("supervisor");
		open("/supervision");
		int takenBefore = Integer.parseInt(waitFor(By.cssSelector("#panel-today .kpi")).getText().strip());
		int openBefore = Integer.parseInt(driver.findElement(By.cssSelector("#panel-open .kpi")).getText().strip());

		journeys().queued("13962007777", "小区门口的下水道井盖丢失，晚上有人差点掉进去", RequestType.REPORT, null);
		journeys().dispatched("swjt", "自来水管爆裂，整栋楼停水", null);

		driver.navigate().refresh();
		assertThat(Integer.parseInt(waitFor(By.cssSelector("#panel-today .kpi")).getText().strip()))
			.isEqualTo(takenBefore + 2);
		assertThat(Integer.parseInt(driver.findElement(By.cssSelector("#panel-open .kpi")).getText().strip()))
			.isEqualTo(openBefore + 2);
		waitFor(By.cssSelector(".chart canvas"));
		screenshot("dashboard");
		assertAccessible();

		// This week so far, so that the calls just taken are in it (the default is the last whole week).
		open("/supervision/weekly-report?from=" + today().minusDays(6) + "&to=" + today());
		WebElement intake = waitFor(By.id("intake-line"));
		assertThat(intake.getText()).isNotBlank();
		screenshot("weekly-report");
		assertAccessible();
		String export = driver.findElement(By.cssSelector("a[href*='/supervision/weekly-report/export'][href*='xlsx']"))
			.getAttribute("href");
		HttpResponse<byte[]> xlsx = download(export);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).contains("spreadsheetml"));
		assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).contains("attachment", ".xlsx"));
		assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
	}

	@Test
	void theAssessmentAndTheRuleEditorAreReadableAndAccessible() {
		journeys().dispatched("wjw", "医院门诊收费不透明，检查费用比公示的高", "YL.FW.TD");
		login("supervisor");
		open("/supervision/assessment?from=" + today() + "&to=" + today());
		waitFor(By.cssSelector("main table"));
		screenshot("assessment");
		assertAccessible();
		HttpResponse<byte[]> csv = download(driver
			.findElement(By.cssSelector("a[href*='/supervision/assessment/export'][href*='csv']"))
			.getAttribute("href"));
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("卫健委");

		open("/triage/rules");
		waitFor(By.cssSelector("main h1"));
		screenshot("triage-rules");
		assertAccessible();
	}

}
