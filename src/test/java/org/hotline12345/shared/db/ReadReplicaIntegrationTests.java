package org.hotline12345.shared.db;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.hotline12345.HotlineApplication;
import org.hotline12345.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application with a real read replica: a second embedded PostgreSQL 17 fed by streaming replication from the
 * primary ({@link StreamingReplica}), configured as {@code hotline.datasource.replica.url}. Reports read the replica,
 * everything else the primary; with the replica's replay paused (it falls behind) a new ticket is on the API and the
 * ticket page at once, while the weekly report still shows the earlier count, says how far behind it is, and
 * catches up when replay resumes; with the replica stopped, the reports read the primary and the application stays
 * ready.
 * <p>
 * The class owns its two databases (not the shared test database) and starts the application on them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaIntegrationTests {

	static final Pattern MAIN_LINE = Pattern.compile("共收到企业和群众诉求(\\d+)件");

	static final Pattern TICKET_NO = Pattern.compile("\"ticketNo\"\\s*:\\s*\"([^\"]+)\"");

	static final String BEHIND = "统计数据来自只读副本";

	static StreamingReplica databases;

	static ConfigurableApplicationContext app;

	static int port;

	@BeforeAll
	static void start() throws Exception {
		databases = StreamingReplica.start();
		app = new SpringApplicationBuilder(HotlineApplication.class, Probe.class).profiles("demo")
			.properties("server.port=0", "spring.datasource.url=" + databases.primaryUrl(),
					"spring.datasource.username=postgres", "spring.datasource.password=",
					"hotline.datasource.replica.url=" + databases.standbyUrl(),
					"hotline.datasource.replica.check-interval=500ms", "hotline.datasource.replica.retry-after=2s",
					"management.endpoint.health.group.readiness.show-details=always")
			.run();
		port = ((WebServerApplicationContext) app).getWebServer().getPort();
		databases.awaitCaughtUp();
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null) {
			app.close();
		}
		if (databases != null) {
			databases.close();
		}
	}

	@Test
	@Order(1)
	void reportsReadTheReplicaAndEverythingElseThePrimary() throws Exception {
		Probe probe = app.getBean(Probe.class);
		assertThat(probe.report()).as("a @ReadFromReplica transaction").isEqualTo(databases.standbyPort() + " standby");
		assertThat(probe.readOnly()).as("any other read-only transaction").isEqualTo(databases.primaryPort() + " primary");
		assertThat(probe.write()).as("a read-write transaction").isEqualTo(databases.primaryPort() + " primary");
		assertThat(probe.noTransaction()).as("no transaction").isEqualTo(databases.primaryPort() + " primary");
		try (var connection = app.getBean(Flyway.class).getConfiguration().getDataSource().getConnection()) {
			assertThat(connection.getMetaData().getURL()).as("Flyway migrates the primary")
				.contains(":" + databases.primaryPort() + "/");
		}
		assertThat(app.getBean(DataSource.class).getClass().getSimpleName()).isEqualTo("LazyConnectionDataSourceProxy");
	}

	@Test
	@Order(2)
	void whileTheReplicaIsBehindTheReportShowsTheEarlierFiguresAndSaysSoAndTheTicketIsThereAtOnce() {
		WebClient supervisor = new WebClient(port);
		assertThat(supervisor.login("supervisor", "Demo@12345").statusCode()).isEqualTo(302);
		long before = mainLineToday(supervisor);

		databases.pauseReplay();
		try {
			String ticketNo = register("回放暂停时登记的工单");
			HttpResponse<String> ticket = api("GET", "/api/v1/tickets/" + ticketNo, null);
			assertThat(ticket.statusCode()).as("read-your-own-write: the ticket reads the primary").isEqualTo(200);
			assertThat(ticket.body()).contains(ticketNo);
			WebClient operator = new WebClient(port);
			operator.login("operator", "Demo@12345");
			assertThat(operator.get("/tickets/" + ticketNo).body()).contains("回放暂停时登记的工单");

			ReadReplica replica = app.getBean(ReadReplica.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> replica.lag().filter((lag) -> lag.toSeconds() >= 1).isPresent());
			HttpResponse<String> report = weeklyReportToday(supervisor);
			assertThat(report.statusCode()).isEqualTo(200);
			assertThat(mainLine(report.body())).as("the replica has not applied the new ticket").isEqualTo(before);
			assertThat(report.body()).contains(BEHIND, "比实时数据晚约");
			HttpResponse<String> dashboard = supervisor.get("/supervision");
			assertThat(dashboard.statusCode()).isEqualTo(200);
			assertThat(dashboard.body()).contains(BEHIND);
		}
		finally {
			databases.resumeReplay();
		}
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> mainLineToday(supervisor) == before + 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> !weeklyReportToday(supervisor).body().contains(BEHIND));
	}

	@Test
	@Order(3)
	void withTheReplicaStoppedTheReportsReadThePrimary() throws Exception {
		WebClient supervisor = new WebClient(port);
		supervisor.login("supervisor", "Demo@12345");
		databases.awaitCaughtUp();
		long before = mainLineToday(supervisor);
		databases.pauseReplay();
		register("副本停机前登记的工单");
		databases.stopStandby();

		long started = System.nanoTime();
		HttpResponse<String> report = weeklyReportToday(supervisor);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(mainLine(report.body())).as("read from the primary").isEqualTo(before + 1);
		assertThat(report.body()).doesNotContain(BEHIND);
		assertThat(supervisor.get("/supervision").statusCode()).isEqualTo(200);
		assertThat(app.getBean(Probe.class).report()).isEqualTo(databases.primaryPort() + " primary");
		HttpResponse<String> readiness = new WebClient(port).send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.header("Accept", "application/json")
			.build());
		assertThat(readiness.statusCode()).as("the replica is not part of readiness: " + readiness.body()).isEqualTo(200);
	}

	static String register(String description) {
		HttpResponse<String> created = api("POST", "/api/v1/tickets", """
				{"callerPhone":"13800000001","requestType":"CONSULTATION","channel":"PHONE","serviceLine":"MAIN",
				 "description":"%s"}""".formatted(description));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Matcher number = TICKET_NO.matcher(created.body());
		assertThat(number.find()).isTrue();
		return number.group(1);
	}

	static HttpResponse<String> api(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer demo-operator-token")
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return new WebClient(port).send(request.build());
	}

	static HttpResponse<String> weeklyReportToday(WebClient supervisor) {
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		return supervisor.get("/supervision/weekly-report?from=" + today + "&to=" + today);
	}

	static long mainLineToday(WebClient supervisor) {
		HttpResponse<String> report = weeklyReportToday(supervisor);
		assertThat(report.statusCode()).isEqualTo(200);
		return mainLine(report.body());
	}

	static long mainLine(String page) {
		Matcher matcher = MAIN_LINE.matcher(page);
		assertThat(matcher.find()).as("the weekly report's intake line").isTrue();
		return Long.parseLong(matcher.group(1));
	}

	/** Tells which server a transaction's statements reach. */
	static class Probe {

		private final JdbcTemplate jdbc;

		Probe(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@ReadFromReplica
		public String report() {
			return server();
		}

		@Transactional(readOnly = true)
		public String readOnly() {
			return server();
		}

		@Transactional
		public String write() {
			this.jdbc.execute("create temporary table probe (id int) on commit drop");
			return server();
		}

		public String noTransaction() {
			return server();
		}

		private String server() {
			return this.jdbc.queryForObject(
					"select inet_server_port() || case when pg_is_in_recovery() then ' standby' else ' primary' end",
					String.class);
		}

	}

}
