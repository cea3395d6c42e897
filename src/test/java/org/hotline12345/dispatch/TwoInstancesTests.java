package org.hotline12345.dispatch;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotline12345.HotlineApplication;
import org.hotline12345.WebClient;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checklist #42: two application instances (two Spring contexts, two random ports, the same database) each run the
 * deadline sweep on its schedule, every 200 ms, and besides that both sweep at the same instant, bypassing ShedLock,
 * several times: every overdue ticket is flagged exactly once per clock, level and deadline, with one timeline entry
 * and one unit alert each. And a user who logged in on instance A goes on working on instance B (Spring Session JDBC).
 * <p>
 * Both instances share one clock that the test moves, set far from the other test classes' tickets (2033).
 */
class TwoInstancesTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final MutableClock CLOCK = new MutableClock(Instant.now(), ZONE);

	/** The shared clock, for both instances. */
	@Configuration(proxyBeanMethods = false)
	static class SharedClock {

		@Bean
		@Primary
		Clock sharedTestClock() {
			return CLOCK;
		}

	}

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoInstances() {
		a = instance();
		b = instance();
	}

	@AfterAll
	static void stopThem() {
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
	}

	static ConfigurableApplicationContext instance() {
		// Arguments, not default properties: they must win over the test configuration, which turns the sweep off.
		return new SpringApplicationBuilder(HotlineApplication.class, SharedClock.class).profiles("demo")
			.run("--server.port=0", "--hotline.dispatch.sweep.enabled=true", "--hotline.dispatch.sweep.interval=200ms",
					"--hotline.dispatch.sweep.initial-delay=0s");
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void aSessionStartedOnOneInstanceWorksOnTheOther() {
		CLOCK.set(Instant.now());
		WebClient browser = new WebClient(port(a));
		assertThat(browser.login("operator", "Demo@12345").statusCode()).isEqualTo(302);
		assertThat(browser.get("/queues/urgent").statusCode()).isEqualTo(200);
		// The same cookie, sent to the other instance (cookies do not depend on the port).
		HttpResponse<String> onB = browser.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port(b) + "/queues/urgent"))
			.header("Accept", "text/html")
			.GET()
			.build());
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).as("signed in on B: the logout button, no login form").contains("/logout")
			.doesNotContain("name=\"password\"");
	}

	@Test
	void eachOverdueTicketIsFlaggedOnceThoughBothInstancesSweep() throws Exception {
		Instant dispatchedAt = Instant.parse("2033-06-06T01:00:00Z");
		CLOCK.set(dispatchedAt);
		DispatchFixtures fixtures = new DispatchFixtures(a.getBean(TicketWorkflow.class),
				a.getBean(DepartmentDirectory.class));
		List<String> tickets = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			tickets.add(fixtures.dispatched(TriageLevel.CRITICAL, (i % 2 == 0) ? "rsj" : "swjt", "两实例测试 " + i));
		}
		JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);

		// The day after dispatch, in 5-minute steps: at each step both instances sweep at the same instant (bypassing
		// ShedLock) while their schedulers keep sweeping too. Every accept and reply clock of these 特急 tickets passes
		// its warning share and then its deadline on the way.
		DeadlineSweep sweepA = a.getBean(DeadlineSweep.class);
		DeadlineSweep sweepB = b.getBean(DeadlineSweep.class);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (Instant now = dispatchedAt; now.isBefore(dispatchedAt.plus(Duration.ofHours(4))); now = now
				.plus(Duration.ofMinutes(5))) {
				CLOCK.set(now);
				CountDownLatch start = new CountDownLatch(1);
				Future<Integer> onA = pool.submit(() -> {
					start.await();
					return sweepA.sweep();
				});
				Future<Integer> onB = pool.submit(() -> {
					start.await();
					return sweepB.sweep();
				});
				start.countDown();
				onA.get();
				onB.get();
			}
			CLOCK.set(dispatchedAt.plus(Duration.ofDays(1)));
		}
		finally {
			pool.shutdownNow();
		}
		// Meanwhile the schedulers of both instances ran too; give them a few more runs over the same window.
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
				"select count(*) from shedlock where name = 'deadline-sweep'", Integer.class) == 1);

		for (String no : tickets) {
			List<String> flags = jdbc.queryForList("""
					select a.clock || ' ' || a.level from deadline_alert a join ticket t on t.id = a.ticket_id
					where t.ticket_no = ? order by 1""", String.class, no);
			assertThat(flags).as(no).containsExactly("ACCEPT OVERDUE", "ACCEPT WARNING", "REPLY OVERDUE",
					"REPLY WARNING");
			assertThat(jdbc.queryForObject("""
					select count(*) from ticket_event e join ticket t on t.id = e.ticket_id
					where t.ticket_no = ? and e.type like 'DEADLINE_%'""", Integer.class, no)).as(no).isEqualTo(4);
			await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
					"select count(*) from notification_sent where ticket_no = ? and kind like 'DEADLINE%'",
					Integer.class, no) == 4);
		}
		assertThat(jdbc.queryForObject("""
				select count(*) from (select ticket_id, clock, level, due_at from deadline_alert
				group by ticket_id, clock, level, due_at having count(*) > 1) d""", Integer.class)).isZero();
	}

}
