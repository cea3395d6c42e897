package org.hotline12345.ticket;

import java.time.YearMonth;
import java.util.List;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.ticket.TimelinePartitionsIntegrationTests.TestClock;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ticket table partitioned by the month in the ticket's id (V150, decision 0012), with a clock the test moves:
 * a ticket lands in the partition of its local month, numbers and idempotency keys stay unique across months, a
 * registration makes its month when the job has not, a ticket written to the default partition stays there and
 * works, a lookup by number reads one month, and a closed month is archived with its references while an open one
 * is refused.
 * <p>
 * The suite shares one database: each test works in years no other test uses (1991–1994).
 */
@HotlineIntegrationTest
@Import(TimelinePartitionsIntegrationTests.MovedClock.class)
class TicketPartitionsIntegrationTests {

	@Autowired
	TestClock clock;

	@Autowired
	TicketPartitions partitions;

	@Autowired
	TimelinePartitions timeline;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TicketQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	TicketWorkflow.Registration register(String description, TicketWorkflow.Outcome outcome, String key) {
		NewTicket request = new NewTicket("王先生", "13812345678", false, false, "崇川区和平桥街道某小区", "chongchuan", null,
				description, RequestType.HELP, "SB.YL", Channel.PHONE, null, false, key);
		return this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), outcome,
				(outcome == TicketWorkflow.Outcome.DIRECT_ANSWER) ? "已按政策答复" : null, this.operator);
	}

	String partitionOf(String ticketNo) {
		return this.jdbc.queryForObject("select tableoid::regclass::text from ticket where ticket_no = ?", String.class,
				ticketNo);
	}

	long idOf(String ticketNo) {
		return this.jdbc.queryForObject("select id from ticket where ticket_no = ?", Long.class, ticketNo);
	}

	@Test
	void aTicketLandsInThePartitionOfItsLocalMonth() {
		this.clock.set("1991-03-15T10:00:00");
		this.partitions.maintain();
		String march = register("三月的诉求", TicketWorkflow.Outcome.QUEUE, null).ticketNo();
		// 1 April 00:30 in Shanghai is still 31 March in UTC: the city's month counts.
		this.clock.set("1991-04-01T00:30:00");
		String april = register("四月的诉求", TicketWorkflow.Outcome.QUEUE, null).ticketNo();

		assertThat(partitionOf(march)).isEqualTo("ticket_1991_03");
		assertThat(partitionOf(april)).isEqualTo("ticket_1991_04");
		assertThat(TicketIds.month(idOf(march))).contains(YearMonth.of(1991, 3));
		assertThat(idOf(april)).isGreaterThan(idOf(march));
		assertThat(march).startsWith("NT19910315").endsWith(String.format("%06d", idOf(march) % 1_000_000));
		assertThat(this.queries.summary(april)).get().extracting(TicketSummary::ticketNo).isEqualTo(april);
	}

	@Test
	void numbersAndIdempotencyKeysStayUniqueAcrossMonths() {
		this.clock.set("1992-01-10T09:00:00");
		this.partitions.maintain();
		TicketWorkflow.Registration first = register("同一键", TicketWorkflow.Outcome.QUEUE, "partition-key-1");
		this.clock.set("1992-02-10T09:00:00");
		this.partitions.maintain();
		TicketWorkflow.Registration again = register("同一键", TicketWorkflow.Outcome.QUEUE, "partition-key-1");
		assertThat(again.created()).isFalse();
		assertThat(again.ticketNo()).isEqualTo(first.ticketNo());

		// The same number in another month's partition is refused by ticket_number, as UNIQUE (ticket_no) did.
		long otherMonth = TicketIds.start(YearMonth.of(1992, 2)) + 999;
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into ticket (id, ticket_no, status, level, description, request_type, channel, created_at,
				  created_by, updated_at)
				values (?, ?, 'REGISTERED', 'ROUTINE', '重号', 'HELP', 'PHONE', now(), 'test', now())""", otherMonth,
				first.ticketNo()))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(this.jdbc.queryForObject("select count(*) from ticket where id = ?", Integer.class, otherMonth))
			.isZero();
	}

	@Test
	void aRegistrationInAMonthWithoutPartitionCreatesIt() {
		this.clock.set("1993-06-10T09:00:00");
		assertThat(this.partitions.attachedMonths()).doesNotContain(YearMonth.of(1993, 6));
		// No job has run for June 1993: the registration makes the month before it writes the ticket.
		String ticketNo = register("新月份的诉求", TicketWorkflow.Outcome.QUEUE, null).ticketNo();
		assertThat(partitionOf(ticketNo)).isEqualTo("ticket_1993_06");
		assertThat(this.partitions.attachedMonths()).contains(YearMonth.of(1993, 6));
	}

	@Test
	void aTicketInTheDefaultPartitionStaysThereAndStillWorks() {
		// Written around the workflow with the id of a month that has no partition (as a bulk load might).
		long id = TicketIds.start(YearMonth.of(1993, 11)) + 7;
		this.jdbc.update("""
				insert into ticket (id, ticket_no, status, level, description, request_type, channel, created_at,
				  created_by, updated_at)
				values (?, 'NT19931110000007', 'PENDING_DISPATCH', 'ROUTINE', '默认分区', 'HELP', 'PHONE', now(), 'test',
				  now())""", id);
		this.jdbc.update("""
				insert into ticket_event (ticket_id, at, actor, type, to_status) values (?, now(), 'test', 'REGISTERED',
				  'PENDING_DISPATCH')""", id);
		assertThat(partitionOf("NT19931110000007")).isEqualTo("ticket_default");
		assertThat(this.partitions.stranded()).contains(YearMonth.of(1993, 11));

		this.clock.set("1993-10-10T09:00:00");
		assertThat(this.partitions.maintain().created()).doesNotContain(YearMonth.of(1993, 11))
			.contains(YearMonth.of(1993, 10), YearMonth.of(1993, 12));

		assertThat(partitionOf("NT19931110000007")).isEqualTo("ticket_default");
		assertThat(this.queries.findForOversight("NT19931110000007")).isPresent();
	}

	@Test
	void aLookupByNumberReadsOneMonth() {
		this.clock.set("1993-08-10T09:00:00");
		this.partitions.maintain();
		String ticketNo = register("按号查询", TicketWorkflow.Outcome.QUEUE, null).ticketNo();
		List<String> plan = this.jdbc.queryForList("explain (analyze, costs off, timing off, summary off) select * from"
				+ " ticket t where t." + TicketQueries.BY_NUMBER, String.class, ticketNo);
		String text = String.join("\n", plan);
		// Pruned when the statement runs: every other month is "never executed".
		assertThat(text).as(text).contains("ticket_1993_08");
		assertThat(plan.stream().filter((line) -> line.contains("Index Scan using") && !line.contains("never executed")
				&& !line.contains("ticket_number")))
			.as(text)
			.hasSize(1);
	}

	@Test
	void aClosedMonthIsArchivedWithItsReferencesAndAnOpenOneIsRefused() {
		this.clock.set("1994-01-10T09:00:00");
		this.partitions.maintain();
		this.timeline.maintain();
		String answered = register("直接答复的诉求", TicketWorkflow.Outcome.DIRECT_ANSWER, null).ticketNo();
		long answeredId = idOf(answered);
		this.clock.set("1994-02-10T09:00:00");
		this.partitions.maintain();
		this.timeline.maintain();
		String open = register("仍在办理的诉求", TicketWorkflow.Outcome.QUEUE, null).ticketNo();

		this.clock.set("1994-06-10T09:00:00");
		assertThatThrownBy(() -> this.partitions.detach(YearMonth.of(1994, 2)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("1 tickets are not closed");
		assertThat(partitionOf(open)).isEqualTo("ticket_1994_02");
		assertThat(this.jdbc.queryForObject("select count(*) from ticket_event where ticket_id = ?", Integer.class,
				idOf(open)))
			.isPositive();

		int events = this.jdbc.queryForObject("select count(*) from ticket_event where ticket_id = ?", Integer.class,
				answeredId);
		assertThat(this.partitions.detach(YearMonth.of(1994, 1))).isTrue();

		assertThat(this.partitions.attachedMonths()).doesNotContain(YearMonth.of(1994, 1))
			.contains(YearMonth.of(1994, 2));
		assertThat(this.jdbc.queryForObject("select count(*) from archive.ticket_1994_01 where id = ?", Integer.class,
				answeredId))
			.isOne();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from archive.ticket_event_of_ticket_1994_01 where ticket_id = ?", Integer.class,
				answeredId))
			.isEqualTo(events)
			.isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from ticket_event where ticket_id = ?", Integer.class,
				answeredId))
			.isZero();
		// The live application no longer finds it, and its number is never given again.
		assertThat(this.queries.findForOversight(answered)).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from ticket_number where ticket_no = ?", Integer.class,
				answered))
			.isOne();
		assertThat(this.partitions.detach(YearMonth.of(1994, 1))).as("already archived").isFalse();
	}

}
