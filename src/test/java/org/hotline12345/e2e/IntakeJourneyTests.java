package org.hotline12345.e2e;


import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's call on the intake screen, by keyboard: the number brings up the caller's history with a same-matter
 * warning, the description brings the triage preview and knowledge suggestions, Alt+K inserts the answer, Alt+D
 * answers directly, and the number is shown large. Screenshots go to target/screenshots/ (the best are copied into docs/screenshots/ by hand).
 */
class IntakeJourneyTests extends BrowserTest {

	@Test
	void anOperatorTakesACallEndToEndByKeyboard() {
		login("operator");
		assertThat(driver.getCurrentUrl()).endsWith("/intake");

		// An earlier call from the same number, still open.
		type("callerPhone", "13962851234");
		type("description", "小区门口的路灯坏了一个星期了，晚上一直不亮");
		driver.findElement(By.id("description")).sendKeys(Keys.chord(Keys.ALT, "s"));
		waitFor(ExpectedConditions.urlContains("/intake/tickets/NT"));
		String earlier = driver.findElement(By.cssSelector(".result-no")).getText();
		driver.findElement(By.id("next-call")).sendKeys(Keys.chord(Keys.ALT, "n"));
		waitFor(ExpectedConditions.urlContains("/intake?line=MAIN"));

		// The same caller again, asking about the provident fund.
		type("callerPhone", "13962851234");
		driver.findElement(By.id("callerPhone")).sendKeys(Keys.TAB);
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("history-panel"), earlier));
		type("callerName", "王女士");
		type("description", "小区门口的路灯还是不亮，上周就反映过了。另外想问一下住房公积金提取需要带什么材料");
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("knowledge-panel"), "住房公积金提取"));
		waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#triage-panel .level")));
		driver.findElement(By.id("description")).sendKeys(Keys.chord(Keys.ALT, "k"));
		assertThat(driver.findElement(By.id("directAnswer")).getAttribute("value")).contains("公积金");
		driver.findElement(By.id("callerName")).click();
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("history-panel"), "相似"));
		screenshot("intake-in-use");
		assertAccessible();

		driver.findElement(By.id("directAnswer")).sendKeys(Keys.chord(Keys.ALT, "d"));
		waitFor(ExpectedConditions.urlContains("/intake/tickets/NT"));
		assertThat(bodyText()).contains("已直接答复办结");
		screenshot("intake-result");
		assertAccessible();
	}

	private void type(String id, String text) {
		WebElement field = waitFor(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

}
