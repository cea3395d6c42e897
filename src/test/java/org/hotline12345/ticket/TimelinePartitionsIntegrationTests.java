package org.hotline12345.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The timeline partitioned by month (V130, decision 0008) with a clock the test moves: rows land in the month of
 * their local time, the job creates the coming months once and rescues rows from the default partition, a ticket's
 * timeline reads only the months since its registration, and a detached month leaves the application working.
 * <p>
 * The suite shares one database: each test works in years no other test uses, and detaches only a month it filled.
 */
@HotlineIntegrationTest
class TimelinePartitionsIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Pattern PARTITION = Pattern.compile("ticket_event_(\\d{4}_\\d{2}|default)");

	/** Replaces the application's clock for this context; every test sets the time it needs. */
	@TestConfiguration
	static class MovedClock {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

	static final class TestClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

		void set(String localDateTime) {
			this.now.set(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
		}

		@Override
		public ZoneId getZone() {
			return ZONE;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(this.now.get(), zone);
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

	@Autowired
	TestClock clock;

	@Autowired
	TimelinePartitions partitions;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TicketQueries queries;

	@Autowired
	DepartmentDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlatformTransactionManager transactions;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	String register(String description) {
		NewTicket request = new NewTicket("王先生", "13812345678", false, false, "崇川区和平桥街道某小区", "chongchuan", null,
				description, RequestType.HELP, "SB.YL", Channel.PHONE, null, false, null);
		return this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE, null,
				this.operator).ticketNo();
	}

	/** Each timeline row of the ticket with the partition that holds it, in order. */
	List<String> rowsAndPartitions(String ticketNo) {
		return this.jdbc.queryForList("""
				select e.type || '@' || e.tableoid::regclass from ticket_event e join ticket t on t.id = e.ticket_id
				where t.ticket_no = ? order by e.id""", String.class, ticketNo);
	}

	long idOf(String ticketNo) {
		return this.jdbc.queryForObject("select id from ticket where ticket_no = ?", Long.class, ticketNo);
	}

	HotlineUser operatorViewer() {
		return HotlineUser.of(1, "operator", "operator", Role.OPERATOR, null, null, null);
	}

	@Test
	void rowsLandInThePartitionOfTheirLocalMonth() {
		this.clock.set("2033-03-31T23:30:00");
		this.partitions.maintain();
		String no = register("小区二次供水水箱长期不清洗，水有异味");
		// 00:10 on 1 April in the city is still 31 March in UTC: the month is the city's, not UTC's.
		this.clock.set("2033-04-01T00:10:00");
		this.workflow.dispatch(no, "swjt", List.of(), null, null, this.operator);

		assertThat(rowsAndPartitions(no)).containsExactly("REGISTERED@ticket_event_2033_03",
				"QUEUED@ticket_event_2033_03", "DISPATCHED@ticket_event_2033_04");
		TicketDetails ticket = this.queries.find(no, operatorViewer()).orElseThrow();
		assertThat(ticket.timeline()).extracting(TicketDetails.TimelineEntry::type)
			.containsExactly("REGISTERED", "QUEUED", "DISPATCHED");
		assertThat(ticket.earlierTimelineArchived()).isFalse();
	}

	@Test
	void theJobCreatesTheComingMonthsOnceAndRescuesRowsFromTheDefaultPartition() {
		this.clock.set("2034-11-15T12:00:00");
		assertThat(this.partitions.maintain().created()).containsSubsequence(YearMonth.of(2034, 11),
				YearMonth.of(2034, 12), YearMonth.of(2035, 1), YearMonth.of(2035, 2));
		assertThat(this.partitions.attachedMonths()).contains(YearMonth.of(2035, 2))
			.doesNotContain(YearMonth.of(2035, 3));
		assertThat(this.partitions.maintain().created()).as("a second run").isEmpty();

		this.clock.set("2034-12-01T00:00:01");
		assertThat(this.partitions.maintain().created()).containsExactly(YearMonth.of(2035, 3));

		// A row whose month has no partition waits in the default partition; the job gives it its month.
		this.clock.set("2034-12-01T09:00:00");
		long ticketId = idOf(register("路口信号灯故障"));
		Instant far = LocalDateTime.parse("2040-01-05T08:00:00").atZone(ZONE).toInstant();
		long rowId = this.jdbc.queryForObject("""
				insert into ticket_event (ticket_id, at, actor, type, note) values (?, ?, 'operator', 'PROGRESS', '迟到的记录')
				returning id""", Long.class, ticketId, Timestamp.from(far));
		assertThat(partitionOf(rowId)).isEqualTo("ticket_event_default");
		long before = this.jdbc.queryForObject("select count(*) from ticket_event", Long.class);

		assertThat(this.partitions.maintain().created()).contains(YearMonth.of(2040, 1));
		assertThat(partitionOf(rowId)).isEqualTo("ticket_event_2040_01");
		assertThat(this.jdbc.queryForObject("select count(*) from ticket_event", Long.class)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from ticket_event_default where id = ?", Long.class, rowId))
			.isZero();
	}

	@Test
	void onlyOneInstanceRunsTheJobAtATime() {
		this.clock.set("2035-06-10T12:00:00");
		assertThat(this.partitions.maintainLocked()).isNotNull();
		// The lock is held for at least a minute: a second instance asking now does nothing.
		assertThat(this.partitions.maintainLocked()).isNull();
	}

	@Test
	void aTicketsTimelineReadsOnlyTheMonthsSinceItWasRegistered() {
		this.clock.set("2036-05-20T10:00:00");
		this.partitions.cover(this.partitions.start(YearMonth.of(2036, 1)), this.clock.instant());
		this.partitions.maintain();
		assertThat(this.partitions.attachedMonths()).contains(YearMonth.of(2036, 1), YearMonth.of(2036, 4));
		String no = register("楼道堆放杂物，存在消防隐患");
		long id = idOf(no);
		Instant notBefore = this.jdbc.queryForObject("select created_at from ticket where id = ?", Timestamp.class, id)
			.toInstant()
			.minus(TicketEventRepository.CLOCK_SKEW);

		Set<String> scanned = partitionsIn(explain(TicketEventRepository.TIMELINE.replace("?1", "?").replace("?2", "?"),
				id, Timestamp.from(notBefore)));

		Set<String> expected = this.partitions.attachedMonths()
			.stream()
			.filter((month) -> !month.isBefore(YearMonth.of(2036, 5)))
			.map(this.partitions::partitionName)
			.collect(Collectors.toCollection(TreeSet::new));
		expected.add("ticket_event_default");
		assertThat(scanned).isEqualTo(expected).doesNotContain("ticket_event_2036_01", "ticket_event_2036_04");
		assertThat(this.queries.find(no, operatorViewer()).orElseThrow().timeline()).hasSize(2);
	}

	@Test
	void aReportOverOneMonthReadsThatMonthOnly() {
		this.clock.set("2036-08-03T10:00:00");
		this.partitions.maintain();
		Instant start = this.partitions.start(YearMonth.of(2036, 8));
		Instant end = this.partitions.start(YearMonth.of(2036, 9));
		Set<String> scanned = partitionsIn(explain("""
				select actor_unit_id, type, count(*) from ticket_event
				where type in ('RETURNED', 'EXTENSION_REQUESTED') and at >= ? and at < ? and actor_unit_id is not null
				group by 1, 2""", Timestamp.from(start), Timestamp.from(end)));
		assertThat(scanned).containsExactly("ticket_event_2036_08");
	}

	@Test
	void detachingAnOldMonthKeepsTheApplicationWorking() throws Exception {
		this.clock.set("2031-01-10T10:00:00");
		this.partitions.maintain();
		String no = register("小区门口下水道堵塞，污水外溢");
		this.workflow.dispatch(no, "swjt", List.of(), null, null, this.operator);
		this.clock.set("2031-04-02T10:00:00");
		this.partitions.maintain();
		this.workflow.remind(no, "REMINDER", "请尽快签收", this.operator);

		assertThatThrownBy(() -> this.partitions.detach(YearMonth.of(2031, 4)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.partitions.detach(YearMonth.of(2031, 3)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(this.partitions.detach(YearMonth.of(2031, 1))).isTrue();

		assertThat(this.partitions.attachedMonths()).doesNotContain(YearMonth.of(2031, 1));
		assertThat(this.jdbc.queryForList("select type from archive.ticket_event_2031_01 where ticket_id = ? order by id",
				String.class, idOf(no)))
			.containsExactly("REGISTERED", "QUEUED", "DISPATCHED");
		assertThat(rowsAndPartitions(no)).containsExactly("REMINDER@ticket_event_2031_04");

		// The ticket page, the unit's next step and the job go on.
		this.mvc.perform(get("/tickets/{no}", no).with(user(this.users.loadUserByUsername("operator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请尽快签收")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("较早的办理记录已按月归档")));
		Actor swjt = new Actor("swjt", Role.UNIT_STAFF, this.directory.unit("swjt").orElseThrow().id());
		this.workflow.accept(no, null, swjt);
		assertThat(this.queries.find(no, operatorViewer()).orElseThrow().timeline())
			.extracting(TicketDetails.TimelineEntry::type)
			.containsExactly("REMINDER", "ACCEPTED");
		assertThat(this.queries.find(no, operatorViewer()).orElseThrow().earlierTimelineArchived()).isTrue();
		assertThat(this.partitions.maintain().created()).doesNotContain(YearMonth.of(2031, 1));
		assertThat(this.partitions.detach(YearMonth.of(2031, 1))).as("already detached").isFalse();
	}

	@Test
	void withDetachAfterTheJobDetachesTheMonthsThatEndedLongerAgo() {
		// Years before any other test's rows: the job detaches every month older than the limit, whoever filled it.
		TimelinePartitions archiving = new TimelinePartitions(this.jdbc, this.transactions, this.clock,
				new TimelinePartitionSettings(true, Duration.ofHours(6), Duration.ofMinutes(1), 3, Period.ofMonths(2),
						Duration.ofSeconds(5), null));
		this.clock.set("1990-01-20T10:00:00");
		archiving.maintain();
		this.clock.set("1990-04-15T10:00:00");
		TimelinePartitions.Maintenance run = archiving.maintain();
		// 1990-01 ended on 1 February, more than two months ago; 1990-02 ended on 1 March, less.
		assertThat(run.detached()).containsExactly(YearMonth.of(1990, 1));
		assertThat(this.partitions.attachedMonths()).doesNotContain(YearMonth.of(1990, 1))
			.contains(YearMonth.of(1990, 2), YearMonth.of(1990, 7));
		assertThat(this.jdbc.queryForObject("select to_regclass('archive.ticket_event_1990_01') is not null",
				Boolean.class))
			.isTrue();
		assertThatThrownBy(() -> new TimelinePartitionSettings(true, Duration.ofHours(6), Duration.ofMinutes(1), 3,
				Period.ofMonths(1), Duration.ofSeconds(5), null))
			.isInstanceOf(IllegalArgumentException.class);
	}

	String partitionOf(long eventId) {
		return this.jdbc.queryForObject("select tableoid::regclass::text from ticket_event where id = ?", String.class,
				eventId);
	}

	String explain(String sql, Object... args) {
		return String.join("\n", this.jdbc.queryForList("explain " + sql, String.class, args));
	}

	static Set<String> partitionsIn(String plan) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = PARTITION.matcher(plan);
		while (matcher.find()) {
			names.add(matcher.group());
		}
		return names;
	}

}
