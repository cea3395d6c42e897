package org.hotline12345.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a mouse: the skip link comes first and shows where the focus is; the operator reaches the first ticket of
 * the urgent queue and its dispatch screen by Tab and Enter; the unit's clerk accepts a ticket by Tab and Enter.
 */
class KeyboardJourneyTests extends BrowserTest {

	@Test
	void theOperatorAndTheClerkWorkByKeyboardAndAlwaysSeeTheFocus() {
		String no = journeys().dispatched("wjw", "医院急诊排队三个小时没人管，老人发烧", "YL.FW.TD");

		login("wjw");
		open("/unit/tickets");
		new Actions(driver).sendKeys(Keys.TAB).perform();
		WebElement skip = driver.switchTo().activeElement();
		assertThat(skip.getAttribute("class")).contains("skip-link");
		assertThat(skip.isDisplayed()).isTrue();
		assertThat(skip.getCssValue("outline-style")).isEqualTo("solid");

		tabUntil((element) -> no.equals(element.getText()), 40).sendKeys(Keys.ENTER);
		waitFor(By.cssSelector("form[action$='/accept']"));
		WebElement accept = tabUntil(
				(element) -> "button".equals(element.getTagName()) && element.getText().equals("签收"), 40);
		assertThat(accept.getCssValue("outline-style")).isEqualTo("solid");
		screenshot("keyboard-focus-accept");
		accept.sendKeys(Keys.ENTER);
		waitForText(By.cssSelector(".flash"), "已签收");
	}

	private WebElement tabUntil(java.util.function.Predicate<WebElement> wanted, int limit) {
		for (int i = 0; i < limit; i++) {
			new Actions(driver).sendKeys(Keys.TAB).perform();
			WebElement focused = driver.switchTo().activeElement();
			if (wanted.test(focused)) {
				return focused;
			}
		}
		throw new AssertionError("Not reached by " + limit + " presses of Tab on " + driver.getCurrentUrl());
	}

}
