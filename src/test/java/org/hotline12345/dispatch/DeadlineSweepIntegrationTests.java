package org.hotline12345.dispatch;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.QueryPlans;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.dispatch.DeadlineAlertRaised.AlertLevel;
import org.hotline12345.dispatch.DeadlineSweep.Line;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 预警 / 超时 with a clock the test moves: each line is flagged once, a re-run flags nothing, an approved extension
 * moves the deadline so a new warning can fire, two sweepers at once still flag once, ShedLock lets only one of them
 * run, and every query the sweep runs is an index scan.
 */
@HotlineIntegrationTest
@TestPropertySource(properties = "hotline.dispatch.sweep.batch-size=100000")
class DeadlineSweepIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Replaces the application's clock for this context; every test sets the time it needs. */
	@TestConfiguration
	static class MovedClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.now(), ZONE);
		}

		@Bean
		RaisedAlerts raisedAlerts() {
			return new RaisedAlerts();
		}

	}

	/** What notifications would receive: every DeadlineAlertRaised, after its transaction committed. */
	static class RaisedAlerts {

		final List<DeadlineAlertRaised> events = new java.util.concurrent.CopyOnWriteArrayList<>();

		@org.springframework.transaction.event.TransactionalEventListener
		void on(DeadlineAlertRaised event) {
			this.events.add(event);
		}

		List<DeadlineAlertRaised> about(String ticketNo) {
			return this.events.stream().filter((e) -> e.ticketNo().equals(ticketNo)).toList();
		}

	}

	@Autowired
	MutableClock clock;

	@Autowired
	DeadlineSweep sweep;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	DepartmentDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RaisedAlerts raised;

	DispatchFixtures fixtures;

	@BeforeEach
	void start() {
		this.fixtures = new DispatchFixtures(this.workflow, this.directory);
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

	int alerts(String ticketNo, String clock, String level) {
		return this.jdbc.queryForObject("""
				select count(*) from deadline_alert a join ticket t on t.id = a.ticket_id
				where t.ticket_no = ? and a.clock = ? and a.level = ?""", Integer.class, ticketNo, clock, level);
	}

	int timeline(String ticketNo, String type) {
		return this.jdbc.queryForObject("""
				select count(*) from ticket_event e join ticket t on t.id = e.ticket_id
				where t.ticket_no = ? and e.type = ?""", Integer.class, ticketNo, type);
	}

	@Test
	void warningOnceOverdueOnceAndANewWarningAfterAnExtension() {
		// 特急: accept within 30 min, reply within 2 h; the warning share is 75 %.
		String no = this.fixtures.dispatched(TriageLevel.CRITICAL, "rsj", "燃气管道泄漏，楼道有气味");

		this.clock.advance(Duration.ofMinutes(20));
		this.sweep.sweep();
		assertThat(alerts(no, "ACCEPT", "WARNING")).isZero();

		this.clock.advance(Duration.ofMinutes(3));
		this.sweep.sweep();
		assertThat(alerts(no, "ACCEPT", "WARNING")).isEqualTo(1);
		assertThat(timeline(no, "DEADLINE_WARNING")).isEqualTo(1);

		this.sweep.sweep();
		assertThat(alerts(no, "ACCEPT", "WARNING")).isEqualTo(1);
		assertThat(timeline(no, "DEADLINE_WARNING")).isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(8));
		this.sweep.sweep();
		this.sweep.sweep();
		assertThat(alerts(no, "ACCEPT", "OVERDUE")).isEqualTo(1);
		assertThat(timeline(no, "DEADLINE_OVERDUE")).isEqualTo(1);
		assertThat(alerts(no, "REPLY", "WARNING")).isZero();

		// The unit signs for it late; the reply clock (2 h from dispatch) warns at 90 min.
		this.workflow.accept(no, null, this.fixtures.staffOf("rsj"));
		this.clock.advance(Duration.ofMinutes(60));
		this.sweep.sweep();
		this.sweep.sweep();
		assertThat(alerts(no, "REPLY", "WARNING")).isEqualTo(1);
		assertThat(alerts(no, "ACCEPT", "OVERDUE")).isEqualTo(1);

		// An approved extension to 5 h after dispatch: no overdue at 2 h, a new warning at 3 h 45 min.
		Instant dispatchedAt = this.clock.instant().minus(Duration.ofMinutes(91));
		this.workflow.requestExtension(no, dispatchedAt.plus(Duration.ofHours(5)), "需要抢修队开挖路面",
				this.fixtures.staffOf("rsj"));
		this.workflow.decideExtension(no, true, dispatchedAt.plus(Duration.ofHours(5)), "同意",
				DispatchFixtures.SUPERVISOR);
		this.clock.advance(Duration.ofMinutes(40));
		this.sweep.sweep();
		assertThat(alerts(no, "REPLY", "OVERDUE")).isZero();
		assertThat(alerts(no, "REPLY", "WARNING")).isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(100));
		this.sweep.sweep();
		this.sweep.sweep();
		assertThat(alerts(no, "REPLY", "WARNING")).isEqualTo(2);
		assertThat(this.jdbc.queryForList("""
				select a.due_at from deadline_alert a join ticket t on t.id = a.ticket_id
				where t.ticket_no = ? and a.clock = 'REPLY' and a.level = 'WARNING' order by a.due_at""",
				java.sql.Timestamp.class, no))
			.extracting(java.sql.Timestamp::toInstant)
			.last()
			.isEqualTo(dispatchedAt.plus(Duration.ofHours(5)));
		assertThat(timeline(no, "DEADLINE_WARNING")).isEqualTo(3);
		assertThat(timeline(no, "DEADLINE_OVERDUE")).isEqualTo(1);
	}

	@Test
	void aTicketAlreadyPastItsDeadlineIsFlaggedOverdueWithoutAStaleWarning() {
		String no = this.fixtures.dispatched(TriageLevel.CRITICAL, "rsj", "高压线断落在人行道上");
		this.clock.advance(Duration.ofMinutes(45));
		this.sweep.sweep();
		assertThat(alerts(no, "ACCEPT", "OVERDUE")).isEqualTo(1);
		assertThat(alerts(no, "ACCEPT", "WARNING")).isZero();
	}

	@Test
	void twoSweepersAtOnceFlagEachLineExactlyOnce() throws Exception {
		List<String> tickets = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			tickets.add(this.fixtures.dispatched(TriageLevel.CRITICAL, "rsj", "井盖缺失，已有行人跌落 " + i));
		}
		this.clock.advance(Duration.ofMinutes(31));

		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					go.await();
					return this.sweep.sweep();
				}));
			}
			go.countDown();
			for (Future<Integer> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (String no : tickets) {
			assertThat(alerts(no, "ACCEPT", "OVERDUE")).as(no).isEqualTo(1);
			assertThat(timeline(no, "DEADLINE_OVERDUE")).as(no).isEqualTo(1);
		}
	}

	@Test
	void shedLockLetsOnlyOneOfTwoInstancesRun() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch go = new CountDownLatch(1);
		List<Integer> results = new ArrayList<>();
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					go.await();
					return this.sweep.sweepLocked();
				}));
			}
			go.countDown();
			for (Future<Integer> run : runs) {
				results.add(run.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		// One ran (a count, maybe zero); the other found the lock taken and did nothing.
		assertThat(results).containsOnlyOnce((Integer) null);
		assertThat(this.jdbc.queryForObject("select count(*) from shedlock where name = 'deadline-sweep'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void theSweepPublishesAnEventForNotifications() {
		String no = this.fixtures.dispatched(TriageLevel.CRITICAL, "rsj", "孩子掉进河里");
		this.clock.advance(Duration.ofMinutes(24));
		this.sweep.sweep();
		this.sweep.sweep();
		assertThat(this.raised.about(no)).singleElement().satisfies((event) -> {
			assertThat(event.clock()).isEqualTo(DeadlineAlertRaised.DeadlineClock.ACCEPT);
			assertThat(event.level()).isEqualTo(AlertLevel.WARNING);
			assertThat(event.leadUnitId()).isEqualTo(this.directory.unit("rsj").orElseThrow().id());
			assertThat(event.raisedAt()).isEqualTo(this.clock.instant());
		});
	}

	/**
	 * Each sweep line has its own index (the due time, or the warning time as an
	 * expression). On a test-sized table the planner may prefer the clock's other index
	 * with a filter, so the sibling index is dropped in a transaction that is rolled
	 * back: what is left must serve the query without a sequential scan, which proves
	 * the query and its index agree (expression, predicate), whatever the statistics.
	 */
	@Test
	void everySweepQueryIsServedByItsOwnIndex() {
		Instant now = this.clock.instant();
		for (Line line : DeadlineSweep.LINES) {
			String prefix = "ticket_" + line.clock().name().toLowerCase() + "_";
			String index = prefix + ((line.level() == AlertLevel.WARNING) ? "warning" : "due") + "_idx";
			String sibling = prefix + ((line.level() == AlertLevel.WARNING) ? "due" : "warning") + "_idx";
			String sql = this.sweep.candidateSql(line);
			List<Object> args = new ArrayList<>(List.of(Timestamp.from(now), Timestamp.from(now.minus(Duration.ofDays(2)))));
			if (line.level() == AlertLevel.WARNING) {
				args.add(Timestamp.from(now));
			}
			args.add(500);
			String plan = QueryPlans.explain(this.jdbc, sql, args, sibling);
			assertThat(plan).as(line + "\n" + plan).contains(index).doesNotContain("Seq Scan on ticket");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from pg_indexes where tablename = 'ticket'"
				+ " and indexname ~ '^ticket_(accept|reply|callback)_(due|warning)_idx$'", Integer.class))
			.as("the sibling indexes are back after the rollback")
			.isEqualTo(6);
	}

}
