package org.hotline12345.dispatch;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.HotlineApplication;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Past one machine: two instances of the application, each with its own web server on a random loopback port, on
 * one database (the test database of this JVM), as behind the load balancer of {@code docker-compose.scale.yml}. A
 * session opened on one instance is honoured by the other (Spring Session JDBC), and the deadline sweep flags a
 * crossing once however both instances run it (ShedLock keeps them from sweeping at the same time; the unique
 * {@code deadline_alert_once} constraint decides when they do).
 */
class TwoInstancesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void startTwoInstances() {
		a = instance();
		b = instance();
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	private static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(HotlineApplication.class).profiles("demo")
			.properties("server.port=0", "hotline.dispatch.sweep.enabled=false", "spring.main.banner-mode=off")
			.run();
	}

	@Test
	void bothInstancesShareOneDatabase() {
		assertThat(port(a)).isNotEqualTo(port(b));
		String urlA = a.getBean(JdbcTemplate.class).queryForObject("select current_database()", String.class);
		String urlB = b.getBean(JdbcTemplate.class).queryForObject("select current_database()", String.class);
		assertThat(urlA).isEqualTo(urlB);
	}

	@Test
	void aSessionOpenedOnOneInstanceWorksOnTheOther() throws Exception {
		String session = login(a, "operator");

		HttpResponse<String> onB = get(b, "/queues/urgent", session);
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("/queues/routine");

		HttpResponse<String> withoutSession = get(b, "/queues/urgent", null);
		assertThat(withoutSession.statusCode()).isEqualTo(302);
		assertThat(withoutSession.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));

		// Logging out on B ends the session for A too: it lives in the database, not in either instance.
		HttpResponse<String> logout = post(b, "/logout", session, csrfOf(get(b, "/queues/urgent", session).body()));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(get(a, "/queues/urgent", session).statusCode()).isEqualTo(302);
	}

	@Test
	void theDeadlineSweepFlagsACrossingOnceAcrossBothInstances() throws Exception {
		DispatchFixtures fixtures = new DispatchFixtures(a.getBean(TicketWorkflow.class), a.getBean(DepartmentDirectory.class));
		String no = fixtures.dispatched(TriageLevel.URGENT, "rsj", "两个实例测试：和平桥小区停水超过十小时");
		JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
		Instant now = a.getBean(Clock.class).instant();
		// Dispatched two hours ago, the accept deadline a minute ago (overdue), the reply deadline in 20 minutes (past
		// its warning share, not yet due): two crossings within the look-back.
		jdbc.update("update ticket set dispatched_at = ?, accept_due_at = ?, reply_due_at = ? where ticket_no = ?",
				Timestamp.from(now.minus(Duration.ofHours(2))), Timestamp.from(now.minus(Duration.ofMinutes(1))),
				Timestamp.from(now.plus(Duration.ofMinutes(20))), no);
		int eventsBefore = events(jdbc, no);

		// Both instances' schedulers fire at the same moment: ShedLock lets one of them sweep.
		List<Integer> locked = together(() -> sweep(a).sweepLocked(), () -> sweep(b).sweepLocked());
		assertThat(locked).as("at most one instance holds the lock").filteredOn((r) -> r != null).hasSizeLessThanOrEqualTo(1);

		// Even without the lock (a lock expired mid-run, a clock skew), the unique constraint flags each crossing once.
		together(() -> sweep(a).sweep(), () -> sweep(b).sweep());
		together(() -> sweep(a).sweep(), () -> sweep(b).sweep());

		List<String> alerts = jdbc.queryForList("select a.clock || ' ' || a.level from deadline_alert a join ticket t"
				+ " on t.id = a.ticket_id where t.ticket_no = ? order by 1", String.class, no);
		assertThat(alerts).containsExactly("ACCEPT OVERDUE", "REPLY WARNING");
		assertThat(events(jdbc, no) - eventsBefore).as("one timeline entry per crossing").isEqualTo(2);
	}

	private static int events(JdbcTemplate jdbc, String no) {
		return jdbc.queryForObject("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id"
				+ " where t.ticket_no = ?", Integer.class, no);
	}

	private static DeadlineSweep sweep(ConfigurableApplicationContext context) {
		return context.getBean(DeadlineSweep.class);
	}

	@SafeVarargs
	private static List<Integer> together(java.util.function.Supplier<Integer>... runs) {
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> futures = java.util.Arrays.stream(runs).map((run) -> CompletableFuture.supplyAsync(() -> {
			try {
				start.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return run.get();
		})).toList();
		start.countDown();
		return futures.stream().map(CompletableFuture::join).toList();
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	/** Logs in on one instance like a browser; answers the session cookie ("name=value"). */
	private String login(ConfigurableApplicationContext instance, String username) throws Exception {
		HttpResponse<String> page = get(instance, "/login", null);
		String cookie = cookie(page, null);
		String form = "username=" + username + "&password=" + URLEncoder.encode("Demo@12345", StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrfOf(page.body()), StandardCharsets.UTF_8);
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(instance, "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).doesNotContain("error"));
		return cookie(response, cookie);
	}

	private static String cookie(HttpResponse<?> response, String otherwise) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.contains("SESSION="))
			.map((c) -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElse(otherwise);
	}

	private static String csrfOf(String html) {
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	private HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(instance, path)).GET();
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String cookie, String csrf)
			throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(instance, path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext instance, String path) {
		return URI.create("http://127.0.0.1:" + port(instance) + path);
	}

}
