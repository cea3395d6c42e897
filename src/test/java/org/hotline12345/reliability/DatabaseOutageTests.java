package org.hotline12345.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.hotline12345.HotlineApplication;
import org.hotline12345.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checklist #44, against a real PostgreSQL that the test stops and starts again: while it is down, pages answer the
 * 503 page within Hikari's 5 s connection timeout (no stack trace, no 500), the API a problem+json 503, readiness is
 * DOWN and liveness UP; when it is back, the same browser session (kept in the database) works again without a
 * restart of the application.
 * <p>
 * The class owns its database (not the shared test database, which other classes use): an embedded PostgreSQL 17 with
 * a fixed data folder, restarted on the same port.
 */
class DatabaseOutageTests {

	static Path dataDir;

	static EmbeddedPostgres postgres;

	static int databasePort;

	static ConfigurableApplicationContext app;

	static int port;

	@BeforeAll
	static void start() throws IOException {
		dataDir = Files.createTempDirectory("hotline-outage-pg");
		postgres = database(0);
		databasePort = postgres.getPort();
		app = new SpringApplicationBuilder(HotlineApplication.class).profiles("demo")
			.properties("server.port=0", "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"spring.datasource.username=postgres", "spring.datasource.password=",
					"spring.datasource.hikari.connection-timeout=5000")
			.run();
		port = ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	@AfterAll
	static void stop() throws IOException {
		if (app != null) {
			app.close();
		}
		if (postgres != null) {
			postgres.close();
		}
		FileSystemUtils.deleteRecursively(dataDir);
	}

	static EmbeddedPostgres database(int port) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setServerConfig("timezone", "Asia/Shanghai");
		if (port > 0) {
			builder.setPort(port);
		}
		return builder.start();
	}

	/** As the load balancer asks: without the browser's cookies. */
	static HttpResponse<String> health(WebClient browser, String group) {
		return new WebClient(port).send(HttpRequest.newBuilder(URI.create(browser.base() + "/actuator/health/" + group))
			.header("Accept", "application/json")
			.GET()
			.build());
	}

	@Test
	void whileTheDatabaseIsDownPagesAnswer503AndAfterItReturnsTheSameSessionWorksAgain() throws IOException {
		WebClient browser = new WebClient(port);
		assertThat(browser.login("operator", "Demo@12345").statusCode()).isEqualTo(302);
		assertThat(browser.get("/queues/urgent").statusCode()).isEqualTo(200);
		assertThat(health(browser, "readiness").statusCode()).isEqualTo(200);

		postgres.close();

		long started = System.nanoTime();
		HttpResponse<String> page = browser.get("/queues/urgent");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(took).isLessThan(Duration.ofSeconds(8));
		assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(page.body()).contains("系统暂时不可用", "已提交的数据不会丢失", "错误编号")
			.doesNotContain("Exception", "SQL", "org.", "at java");

		HttpResponse<String> api = browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/api/v1/tickets/ZZ1"))
			.header("Authorization", "Bearer demo-operator-token")
			.header("Accept", "application/json")
			.GET()
			.build());
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));

		// Someone signing in now is told the system is unavailable, not that the password is wrong: the login page
		// (its session lives in the database) and a login posted all the same.
		WebClient newcomer = new WebClient(port);
		HttpResponse<String> loginPage = newcomer.get("/login");
		assertThat(loginPage.statusCode()).isEqualTo(503);
		assertThat(loginPage.body()).contains("系统暂时不可用");
		HttpResponse<String> login = newcomer.post("/login", java.util.Map.of("username", "operator2", "password",
				"Demo@12345"));
		assertThat(login.statusCode()).isEqualTo(503);
		assertThat(login.body()).contains("系统暂时不可用").doesNotContain("用户名或密码错误", "Exception");

		assertThat(health(browser, "readiness").statusCode()).isEqualTo(503);
		HttpResponse<String> liveness = health(browser, "liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("UP");

		postgres = database(databasePort);

		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
			.until(() -> health(browser, "readiness").statusCode() == 200);
		HttpResponse<String> again = browser.get("/queues/urgent");
		assertThat(again.statusCode()).as("the session from before the outage still works").isEqualTo(200);
		assertThat(again.body()).doesNotContain("系统暂时不可用");
	}

}
