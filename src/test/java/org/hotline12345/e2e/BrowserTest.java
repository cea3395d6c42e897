package org.hotline12345.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.triage.TriageService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journeys in a real browser: Debian's Chromium driven by its own chromedriver (nothing is downloaded), against the
 * application on a random port with its real PostgreSQL. Screenshots of the key screens go to
 * {@code target/screenshots/}, at the 1366×768 the centre's desks have.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class BrowserTest {

	static final String PASSWORD = "Demo@12345";

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static WebDriver driver;

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TriageService triage;

	@Autowired
	DepartmentDirectory directory;

	/** Seeds what a journey does not walk through itself. */
	Journeys journeys() {
		return new Journeys(this.workflow, this.triage, this.directory);
	}

	@BeforeAll
	static void startBrowser() {
		assertThat(CHROMIUM).as("Chromium (apt-get install chromium chromium-driver; .ci/run does it)").exists();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1366,768", "--lang=zh-CN");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(1366, 768));
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

	@BeforeEach
	void freshSession() {
		driver.manage().deleteAllCookies();
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void open(String path) {
		driver.get(url(path));
	}

	void login(String username) {
		login(username, PASSWORD);
	}

	void login(String username, String password) {
		if (PASSWORD.equals(password)) {
			// Test classes share one database, and some of them lock, fail or age demo accounts on purpose; a journey
			// starts from a demo account in good standing.
			this.jdbc.update("update app_user set failed_attempts = 0, locked_until = null, must_change_password = false,"
					+ " password_changed_at = now() where username = ?", username);
		}
		driver.manage().deleteAllCookies();
		open("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		submitAndWaitForNextPage(driver.findElement(By.cssSelector("button[type=submit]")));
		// Admin roles pass the second factor; the demo's secret is documented (DemoAccounts.TOTP_SECRET). A code is
		// accepted once, so a second login within the same 30 s uses the next step (inside the drift window).
		long step = System.currentTimeMillis() / 30_000;
		for (long next = step; next <= step + 1 && driver.getCurrentUrl().endsWith("/mfa"); next++) {
			driver.findElement(By.id("code")).sendKeys(DemoTotp.code(next));
			submitAndWaitForNextPage(driver.findElement(By.cssSelector("main button[type=submit]")));
		}
		if (PASSWORD.equals(password)) {
			assertThat(driver.getCurrentUrl()).as(() -> username + " should be signed in, but the browser shows: "
					+ bodyText().lines().limit(8).collect(Collectors.joining(" / ")))
				.doesNotContain("/login")
				.doesNotEndWith("/mfa");
		}
	}

	/**
	 * Clicks a button that submits a form and waits until the browser has left the page: the URL alone can still be
	 * the old one while the POST is in flight, and navigating away at that moment would abandon the request.
	 */
	void submitAndWaitForNextPage(WebElement submit) {
		submit.click();
		waitFor((browser) -> {
			try {
				submit.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				// Stale, or (Chromium, mid-navigation) "Node with given id does not belong to the document": the old
				// page is gone either way.
				return true;
			}
		});
		waitFor((browser) -> "complete"
			.equals(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return document.readyState")));
	}

	WebElement waitFor(By locator) {
		return waitFor(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	<T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
		return waitFor(condition, Duration.ofSeconds(10));
	}

	/** For content that arrives by itself (a list's htmx refresh every 10 s, a panel filled after a field). */
	<T> T waitFor(java.util.function.Function<? super WebDriver, T> condition, Duration timeout) {
		return new WebDriverWait(driver, timeout).withMessage(BrowserTest::whereTheBrowserIs).until(condition);
	}

	/**
	 * What a failed wait reports besides its condition: the page the browser is on and the start of its main content
	 * (not the navigation); the page's screenshot and source are kept as target/screenshots/failed-*.
	 */
	private static String whereTheBrowserIs() {
		try {
			List<WebElement> main = driver.findElements(By.tagName("main"));
			String text = (main.isEmpty() ? driver.findElement(By.tagName("body")) : main.get(0)).getText();
			String name = "failed-" + System.currentTimeMillis();
			Path dir = Files.createDirectories(Path.of("target", "screenshots"));
			Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
			return "the browser is on " + driver.getCurrentUrl() + " (" + name + ".png/.html) showing: "
					+ text.lines().filter((line) -> !line.isBlank()).limit(15).collect(Collectors.joining(" / "));
		}
		catch (IOException | RuntimeException ex) {
			return "the browser's page could not be read: " + ex.getMessage();
		}
	}

	/** Waits until the element shows the text (htmx swaps, redirects after a post). */
	WebElement waitForText(By locator, String text) {
		waitFor(ExpectedConditions.textToBePresentInElementLocated(locator, text));
		return driver.findElement(locator);
	}

	/** Fetches a URL with the browser's session (for downloads the headless browser would only save to disk). */
	HttpResponse<byte[]> download(String path) {
		String cookies = driver.manage()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : url(path)))
					.header("Cookie", cookies)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Takes a screenshot at another window size (a tablet in the field), then returns to the desk's 1366×768. */
	Path screenshotAt(String name, int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
		try {
			return screenshot(name);
		}
		finally {
			driver.manage().window().setSize(new Dimension(1366, 768));
		}
	}

	/** A full-page screenshot: the whole document, not just the first screen (for timelines and reports). */
	Path screenshotFull(String name) {
		ChromeDriver chrome = (ChromeDriver) driver;
		Map<?, ?> size = (Map<?, ?>) chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
				"scale", 1);
		Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
				Map.of("captureBeyondViewport", true, "fromSurface", true, "clip", clip));
		try {
			Path target = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String bodyText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	/** Saves a screenshot of the current page to target/screenshots/{name}.png. */
	Path screenshot(String name) {
		try {
			Path target = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The accessibility pass: no serious or critical axe-core violation on the current page. */
	void assertAccessible() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa")).analyze(driver);
		List<Rule> serious = results.getViolations()
			.stream()
			.filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(serious).as(() -> driver.getCurrentUrl() + ": " + serious.stream()
			.map((rule) -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).limit(5).toList())
			.collect(Collectors.joining("; ")))
			.isEmpty();
	}

}
