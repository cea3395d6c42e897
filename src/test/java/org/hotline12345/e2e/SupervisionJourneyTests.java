package org.hotline12345.e2e;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
		// A morning's ordinary calls, so that the charts and the hot topics have something to show.
		journeys().answered("13962008001", "灵活就业人员养老保险怎么交", "SB.YL.LHJY", "可在江苏智慧人社App办理灵活就业参保登记。");
		journeys().answered("13962008002", "养老保险关系从上海转回南通要什么材料", "SB.YL.GXZY", "持身份证到社保中心办理转移接续。");
		journeys().answered("13962008003", "退休审批需要多长时间", "SB.YL.TXSP", "材料齐全的，20个工作日内办结。");
		journeys().answered("13962008004", "家庭医生签约在哪里办", "YL.JT", "可到所在社区卫生服务中心签约。");
		journeys().replied("wjw", "社区医院挂号要排很久", "YL.FW.GH", "已协调增加挂号窗口。");
		journeys().replied("rsj", "养老金待遇领取资格认证不会操作", "SB.YL.DYLQ", "已电话指导完成认证。");

		login("supervisor");
		open("/supervision");
		int takenBefore = Integer.parseInt(waitFor(By.cssSelector("#panel-today .kpi")).getText().strip());
		int openBefore = Integer.parseInt(driver.findElement(By.cssSelector("#panel-open .kpi")).getText().strip());

		journeys().queued("13962007777", "小区门口的下水道井盖丢失，晚上有人差点掉进去", RequestType.REPORT, null);
		journeys().dispatched("swjt", "自来水管爆裂，整栋楼停水", null);

		// The dashboard's rollup follows the tickets' events after their commit (decision 0007): as a supervisor
		// would, look again until both have arrived.
		waitFor((browser) -> {
			browser.navigate().refresh();
			return kpi("#panel-today") >= takenBefore + 2 && kpi("#panel-open") >= openBefore + 2;
		}, Duration.ofSeconds(20));
		assertThat(kpi("#panel-today")).isEqualTo(takenBefore + 2);
		assertThat(kpi("#panel-open")).isEqualTo(openBefore + 2);
		waitFor(By.cssSelector(".chart canvas"));
		screenshot("dashboard");
		screenshotFull("dashboard-full");
		assertAccessible();

		// This week so far, so that the calls just taken are in it (the default is the last whole week).
		open("/supervision/weekly-report?from=" + today().minusDays(6) + "&to=" + today());
		WebElement intake = waitFor(By.id("intake-line"));
		assertThat(intake.getText()).isNotBlank();
		screenshot("weekly-report");
		screenshotFull("weekly-report-full");
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

	private static int kpi(String panel) {
		return Integer.parseInt(driver.findElement(By.cssSelector(panel + " .kpi")).getText().strip());
	}

}
