package org.hotline12345.triage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketEvents.TicketRegistered;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Triage beyond a single ticket, as the listeners do it after commit: 集中 clusters, repeat callers, 慢转急 on a
 * follow-up and on an accept deadline drawing near, and a person's override left alone. The listeners are switched on
 * for this class only; its clock stands in 2031, a different day per test, so that tickets of other tests in the
 * shared database never fall into the windows.
 */
@HotlineIntegrationTest
@TestPropertySource(properties = { "hotline.triage.clusters=true", "hotline.triage.repeat-callers=true",
		"hotline.triage.follow-ups=true", "hotline.triage.accept-warning=true",
		"hotline.triage.accept-warning-sweep=PT24H" })
class TriageAutomationIntegrationTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TicketQueries queries;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ClusterDetection clusters;

	@Autowired
	ReTriage reTriage;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	final Actor supervisor = new Actor("supervisor", Role.SUPERVISOR, null);

	final HotlineUser viewer = HotlineUser.of(1, "supervisor", "supervisor", Role.SUPERVISOR, null, null, null);

	static final AtomicLong phones = new AtomicLong(13900000000L + (System.nanoTime() % 1_000_000) * 100);

	@AfterEach
	void backToNow() {
		this.clock.set(null);
	}

	@Test
	void threeReportsOfOneMatterInOneDistrictFormOneClusterOnce() {
		this.clock.set(Instant.parse("2031-03-04T02:00:00Z"));
		String first = register("和平路与青年路路口红绿灯全灭了，车辆乱成一团", RequestType.REPORT, "SZ.HL.GZ", "chongchuan", next());
		this.clock.advance(Duration.ofMinutes(40));
		String second = register("青年路口信号灯不亮，早高峰很危险", RequestType.REPORT, "SZ.HL", "chongchuan", next());
		assertThat(level(second)).isEqualTo(TriageLevel.URGENT);
		this.clock.advance(Duration.ofMinutes(40));
		String third = register("路口的红绿灯坏了一上午了没人管", RequestType.COMPLAINT, "SZ.HL.GZ", "chongchuan", next());

		await().atMost(WAIT).untilAsserted(() -> {
			for (String no : List.of(first, second, third)) {
				TicketDetails ticket = details(no);
				assertThat(ticket.marks()).contains(TriageMark.CLUSTER);
				assertThat(ticket.level()).isIn(TriageLevel.URGENT, TriageLevel.CRITICAL);
			}
			assertThat(details(second).status()).isEqualTo(TicketStatus.MERGED);
			assertThat(details(third).status()).isEqualTo(TicketStatus.MERGED);
		});
		assertThat(details(first).status()).isEqualTo(TicketStatus.PENDING_DISPATCH);
		assertThat(masterOf(second)).isEqualTo(first);
		assertThat(masterOf(third)).isEqualTo(first);
		assertThat(alertsFor(first)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT ticket_count FROM triage_alert WHERE master_ticket_no = ?",
				Integer.class, first)).isEqualTo(3);
		assertThat(timelineCount(first, "CLUSTER_MARKED")).isOne();
		assertThat(details(first).timeline()).anySatisfy((e) -> assertThat(e.note()).contains("集中").contains(first));

		// The same event delivered again changes nothing.
		long thirdId = details(third).id();
		this.clusters.on(new TicketRegistered(thirdId, third, TriageLevel.URGENT, java.util.Set.of(), "SZ.HL.GZ",
				"chongchuan", Channel.PHONE, null, this.clock.instant()));
		assertThat(alertsFor(first)).isEqualTo(1);
		for (String no : List.of(first, second, third)) {
			assertThat(timelineCount(no, "CLUSTER_MARKED")).as(no).isOne();
		}
		assertThat(timelineCount(third, "MERGED")).isOne();
	}

	/**
	 * Several new members registered at once: each one's listener tries to merge every member still waiting, so they
	 * race for the same tickets (seen under 16 API clients: "Cannot merge … in status MERGED", and the publication
	 * stayed incomplete). Whoever comes second finds the work done: every listener completes, each member is merged
	 * once, into the master.
	 */
	@Test
	void listenersMergingTheSameMembersAtOnceAllComplete() throws Exception {
		this.clock.set(Instant.parse("2031-03-08T02:00:00Z"));
		String first = register("工农路口红绿灯全灭了，车辆乱成一团", RequestType.REPORT, "SZ.HL.GZ", "chongchuan", next());
		register("工农路信号灯不亮，很危险", RequestType.REPORT, "SZ.HL.GZ", "chongchuan", next());
		String third = register("工农路红绿灯坏了没人管", RequestType.REPORT, "SZ.HL.GZ", "chongchuan", next());
		await().atMost(WAIT).untilAsserted(() -> assertThat(details(third).status()).isEqualTo(TicketStatus.MERGED));

		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		List<String> members;
		try {
			List<java.util.concurrent.Future<String>> calls = java.util.stream.IntStream.range(0, 4)
				.mapToObj((i) -> pool.submit(() -> register("工农路口红绿灯还是不亮，第" + i + "次反映", RequestType.REPORT,
						"SZ.HL.GZ", "chongchuan", next())))
				.collect(java.util.stream.Collectors.toList());
			members = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<String> call : calls) {
				members.add(call.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		awaitListenersDone(members.toArray(String[]::new));
		for (String member : members) {
			assertThat(details(member).status()).as(member).isEqualTo(TicketStatus.MERGED);
			assertThat(masterOf(member)).as(member).isEqualTo(first);
			assertThat(timelineCount(member, "MERGED")).as(member).isOne();
		}
	}

	@Test
	void questionsAboutAPolicyOrADifferentDistrictDoNotCluster() {
		this.clock.set(Instant.parse("2031-03-05T02:00:00Z"));
		String a = register("红绿灯配时多久调整一次", RequestType.CONSULTATION, "SZ.HL.PS", "chongchuan", next());
		String b = register("想问下红绿灯配时怎么申请调整", RequestType.CONSULTATION, "SZ.HL.PS", "chongchuan", next());
		String c = register("信号灯配时太短老人过不去", RequestType.SUGGESTION, "SZ.HL.PS", "chongchuan", next());
		String d = register("红绿灯坏了", RequestType.REPORT, "SZ.HL.GZ", "tongzhou", next());
		awaitListenersDone(a, b, c, d);
		for (String no : List.of(a, b, c, d)) {
			assertThat(details(no).marks()).doesNotContain(TriageMark.CLUSTER);
		}
	}

	@Test
	void theSameCallerAgainOnAnOpenMatterRaisesTheNewTicket() {
		this.clock.set(Instant.parse("2031-03-06T02:00:00Z"));
		String phone = next();
		String earlier = register("咨询养老保险关系转移需要什么材料", RequestType.CONSULTATION, "SB.YL.GXZY", "chongchuan", phone);
		this.clock.advance(Duration.ofHours(2));
		String again = register("还是养老保险转移的事，窗口说系统不通", RequestType.HELP, "SB.YL", "chongchuan", phone);
		String otherCaller = register("养老保险转移怎么办理", RequestType.CONSULTATION, "SB.YL.GXZY", "chongchuan", next());

		await().atMost(WAIT).untilAsserted(() -> assertThat(level(again)).isEqualTo(TriageLevel.URGENT));
		TicketDetails raised = details(again);
		assertThat(raised.timeline()).anySatisfy((e) -> {
			assertThat(e.type()).isEqualTo("LEVEL_RAISED");
			assertThat(e.note()).contains(RepeatCallers.RULE).contains(earlier);
		});
		awaitListenersDone(earlier, otherCaller);
		assertThat(level(earlier)).isEqualTo(TriageLevel.ROUTINE);
		assertThat(level(otherCaller)).isEqualTo(TriageLevel.ROUTINE);
	}

	@Test
	void aFollowUpThatTurnsDangerousRaisesTheTicketWithItsReasons() {
		this.clock.set(Instant.parse("2031-03-07T02:00:00Z"));
		String no = register("楼道里的声控灯坏了好几天", RequestType.REPORT, null, "chongchuan", next());
		assertThat(level(no)).isEqualTo(TriageLevel.ROUTINE);
		this.workflow.addFollowUp(no, "现在楼道里煤气味很重，好像燃气泄漏了，楼上还有老人", this.operator);

		await().atMost(WAIT).untilAsserted(() -> assertThat(level(no)).isIn(TriageLevel.URGENT, TriageLevel.CRITICAL));
		assertThat(details(no).timeline()).anySatisfy((e) -> {
			assertThat(e.type()).isEqualTo("LEVEL_RAISED");
			assertThat(e.actor()).isEqualTo("system");
			assertThat(e.note()).contains("追加诉求").contains("燃气泄漏");
		});
	}

	@Test
	void aLevelSetByAPersonIsNotUndoneByReTriage() {
		this.clock.set(Instant.parse("2031-03-08T02:00:00Z"));
		String no = register("楼道里的声控灯又坏了", RequestType.REPORT, null, "chongchuan", next());
		this.workflow.overrideLevel(no, TriageLevel.ROUTINE, "已电话核实：只是灯坏了", this.supervisor);
		this.workflow.addFollowUp(no, "现在楼道里煤气味很重，好像燃气泄漏了", this.operator);

		awaitListenersDone(no);
		TicketDetails ticket = details(no);
		assertThat(ticket.level()).isEqualTo(TriageLevel.ROUTINE);
		assertThat(ticket.timeline()).noneSatisfy((e) -> assertThat(e.type()).isEqualTo("LEVEL_RAISED"));
		// Even a direct call from the system is refused by the aggregate.
		assertThat(this.workflow.raiseLevel(no, Grade.manual(TriageLevel.CRITICAL))).isFalse();
		assertThat(level(no)).isEqualTo(TriageLevel.ROUTINE);
	}

	@Test
	void aRoutineTicketNotSignedForNearItsAcceptDeadlineBecomesUrgent() {
		this.clock.set(Instant.parse("2031-03-10T01:30:00Z")); // Monday 09:30 in the centre
		String no = register("小区健身器材松动了", RequestType.REPORT, null, "chongchuan", next());
		this.workflow.dispatch(no, "rsj", List.of(), null, null, this.operator);
		TicketDetails dispatched = details(no);
		assertThat(dispatched.level()).isEqualTo(TriageLevel.ROUTINE);

		this.clock.advance(Duration.ofHours(1));
		assertThat(this.reTriage.raiseUnacceptedNearDeadline()).isZero();
		assertThat(level(no)).isEqualTo(TriageLevel.ROUTINE);

		Duration window = Duration.between(dispatched.dispatchedAt(), dispatched.acceptDueAt());
		this.clock.set(dispatched.dispatchedAt().plus(window.multipliedBy(8).dividedBy(10)));
		assertThat(this.reTriage.raiseUnacceptedNearDeadline()).isPositive();
		TicketDetails raised = details(no);
		assertThat(raised.level()).isEqualTo(TriageLevel.URGENT);
		assertThat(raised.timeline()).anySatisfy((e) -> {
			assertThat(e.type()).isEqualTo("LEVEL_RAISED");
			assertThat(e.note()).contains(ReTriage.ACCEPT_WARNING);
		});
		assertThat(this.reTriage.raiseUnacceptedNearDeadline()).as("only once").isZero();
	}

	String register(String description, RequestType type, String category, String district, String phone) {
		NewTicket request = new NewTicket("王女士", phone, false, false, "崇川区某小区", district, null, description, type,
				category, Channel.PHONE, null, false, null);
		TriageLevel level = (category != null && category.startsWith("SZ.HL")) ? TriageLevel.URGENT : TriageLevel.ROUTINE;
		return this.workflow.register(request, Grade.manual(level), TicketWorkflow.Outcome.QUEUE, null, this.operator)
			.ticketNo();
	}

	static String next() {
		return String.valueOf(phones.incrementAndGet());
	}

	TicketDetails details(String no) {
		return this.queries.find(no, this.viewer).orElseThrow();
	}

	TriageLevel level(String no) {
		return details(no).level();
	}

	String masterOf(String no) {
		return this.jdbc.queryForObject(
				"SELECT m.ticket_no FROM ticket t JOIN ticket m ON m.id = t.master_id WHERE t.ticket_no = ?", String.class,
				no);
	}

	int alertsFor(String master) {
		return this.jdbc.queryForObject("SELECT count(*) FROM triage_alert WHERE master_ticket_no = ?", Integer.class,
				master);
	}

	int timelineCount(String no, String type) {
		return (int) details(no).timeline().stream().filter((e) -> e.type().equals(type)).count();
	}

	/** Every listener has handled the tickets' events: no incomplete publication mentions them any more. */
	void awaitListenersDone(String... numbers) {
		await().atMost(WAIT).untilAsserted(() -> {
			for (String no : numbers) {
				assertThat(this.jdbc.queryForObject(
						"SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?",
						Integer.class, "%" + no + "%")).as(no).isZero();
			}
		});
	}

	/** A clock the tests move; {@code null} follows the system clock. */
	static class MovableClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>();

		void set(Instant instant) {
			this.now.set(instant);
		}

		void advance(Duration duration) {
			this.now.updateAndGet((i) -> i.plus(duration));
		}

		@Override
		public ZoneId getZone() {
			return SHANGHAI;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			Instant fixed = this.now.get();
			return (fixed != null) ? fixed : Instant.now();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
