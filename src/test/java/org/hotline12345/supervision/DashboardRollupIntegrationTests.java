package org.hotline12345.supervision;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.DeadlineSettings;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.Satisfaction;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's rollup against the same figures as plain SQL over the tickets: after a week of workflow steps
 * (every kind of step that moves a figure), after the clock passes deadlines with and without the watermark job, after
 * events handled again, and after a rebuild. Its own days (June 2019), so that other tests' tickets do not share its
 * day rows; the open and overdue counts are the whole database's and must agree all the same.
 */
@HotlineIntegrationTest
@Import(MovableClock.Config.class)
class DashboardRollupIntegrationTests {

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	DashboardRollup rollup;

	@Autowired
	DashboardStatistics statistics;

	@Autowired
	DepartmentDirectory directory;

	@Autowired
	Names names;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	DeadlineSettings deadlines;

	PlainDashboardSql plain;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	final Actor supervisor = new Actor("supervisor", Role.SUPERVISOR, null);

	Actor staff(String code) {
		return new Actor(code, Role.UNIT_STAFF, this.directory.unit(code).orElseThrow().id());
	}

	void at(int day, int hour) {
		this.clock.set(LocalDateTime.of(2019, 6, day, hour, 0));
	}

	String register(TriageLevel level, TicketWorkflow.Outcome outcome, String category, String district,
			Channel channel) {
		NewTicket request = new NewTicket("周女士", "13900007777", false, false, "某小区", district, null,
				"小区路灯不亮已经三天", RequestType.HELP, category, channel, ServiceLine.MAIN, false, null);
		return this.workflow
			.register(request, Grade.manual(level), outcome,
					(outcome == TicketWorkflow.Outcome.DIRECT_ANSWER) ? "已按知识库答复" : null, this.operator)
			.ticketNo();
	}

	@BeforeEach
	void startFromARebuild() {
		this.plain = new PlainDashboardSql(this.jdbc, this.names, this.clock, this.deadlines.warningShare());
		at(3, 8);
		// Other test classes write tickets around the workflow (COPY, SQL): start from the tickets as they are.
		this.rollup.rebuild();
	}

	@Test
	void afterAWeekOfWorkflowStepsTheRollupEqualsThePlainSql() {
		Actor swjt = staff("swjt");
		Actor rsj = staff("rsj");
		// Monday 3 June: a ticket through the whole loop, a direct answer, one returned and sent on.
		at(3, 9);
		String closed = register(TriageLevel.ROUTINE, TicketWorkflow.Outcome.QUEUE, "GY.GS", "haimen", Channel.PHONE);
		String direct = register(TriageLevel.ROUTINE, TicketWorkflow.Outcome.DIRECT_ANSWER, "SB", "chongchuan",
				Channel.WEB);
		String returned = register(TriageLevel.URGENT, TicketWorkflow.Outcome.QUEUE, "GY.GS", "haimen",
				Channel.WECHAT);
		this.workflow.dispatch(closed, "swjt", List.of(), null, null, this.operator);
		this.workflow.dispatch(returned, "rsj", List.of(), null, null, this.operator);
		at(3, 10);
		this.workflow.accept(closed, null, swjt);
		this.workflow.returnToCentre(returned, "不属于本单位职责", null, rsj);
		this.workflow.dispatch(returned, "swjt", List.of(), null, null, this.operator);
		at(4, 10);
		this.workflow.reply(closed, ReplyOutcome.SOLVED, "已修复", null, swjt);
		at(4, 15);
		this.workflow.recordCallback(closed, true, true, Satisfaction.SATISFIED, null, null, this.operator);

		// Tuesday: an extension, a reply, a dissatisfied citizen and a reopened ticket; a level raised by hand.
		at(4, 9);
		String reopened = register(TriageLevel.ROUTINE, TicketWorkflow.Outcome.QUEUE, "SB.YL", null, Channel.APP);
		String raised = register(TriageLevel.ROUTINE, TicketWorkflow.Outcome.REGISTER_ONLY, null, "haimen",
				Channel.PHONE);
		this.workflow.dispatch(reopened, "swjt", List.of(), null, null, this.operator);
		this.workflow.overrideLevel(raised, TriageLevel.CRITICAL, "老人被困", this.supervisor);
		at(4, 11);
		this.workflow.accept(reopened, null, swjt);
		this.workflow.requestExtension(reopened, LocalDateTime.of(2019, 6, 20, 18, 0)
			.atZone(MovableClock.SHANGHAI)
			.toInstant(), "需现场核查", swjt);
		this.workflow.decideExtension(reopened, true, LocalDateTime.of(2019, 6, 20, 18, 0)
			.atZone(MovableClock.SHANGHAI)
			.toInstant(), "同意", this.supervisor);
		at(5, 10);
		this.workflow.reply(reopened, ReplyOutcome.PARTLY_SOLVED, "部分解决", null, swjt);
		this.workflow.recordCallback(reopened, true, false, Satisfaction.DISSATISFIED, null, null, this.operator);
		this.workflow.reopen(reopened, "市民不满意", this.supervisor);

		// Wednesday: a master with a merged child, replied once for both; a callback unreached three times.
		at(5, 9);
		String master = register(TriageLevel.URGENT, TicketWorkflow.Outcome.QUEUE, "GY.GS", "haimen", Channel.PHONE);
		String child = register(TriageLevel.ROUTINE, TicketWorkflow.Outcome.QUEUE, "GY.GS", "haimen", Channel.PHONE);
		String unreached = register(TriageLevel.ROUTINE, TicketWorkflow.Outcome.QUEUE, "XF", "chongchuan",
				Channel.PHONE);
		this.workflow.merge(child, master, this.operator);
		this.workflow.dispatch(master, "swjt", List.of(), null, null, this.operator);
		this.workflow.dispatch(unreached, "swjt", List.of(), null, null, this.operator);
		at(5, 12);
		this.workflow.accept(master, null, swjt);
		this.workflow.accept(unreached, null, swjt);
		this.workflow.reply(master, ReplyOutcome.SOLVED, "已处理", null, swjt);
		this.workflow.reply(unreached, ReplyOutcome.SOLVED, "已处理", null, swjt);
		for (int attempt = 0; attempt < 3; attempt++) {
			this.workflow.recordCallback(unreached, false, null, null, null, null, this.operator);
		}
		// A closed ticket reopened by a supervisor.
		this.workflow.reopen(closed, "复核发现未修复", this.supervisor);

		at(5, 18);
		assertThat(this.jdbc.queryForObject("select status from ticket where ticket_no = ?", String.class, child))
			.isEqualTo("CALLBACK_PENDING");
		assertThat(this.jdbc.queryForObject("select status from ticket where ticket_no = ?", String.class, unreached))
			.isEqualTo("CLOSED");
		assertThat(direct).isNotNull();
		assertRollupEqualsPlainSql(LocalDate.of(2019, 6, 5));
		assertThat(this.statistics.open().byLevel().get(TriageLevel.CRITICAL)).isPositive();

		// The deadlines pass: the accept clock of the ticket sent on, the reply clocks of the reopened ones.
		at(12, 10);
		assertRollupEqualsPlainSql(LocalDate.of(2019, 6, 12));
		assertThat(this.statistics.dueByUnit()).anySatisfy((unit) -> {
			assertThat(unit.unitCode()).isEqualTo("swjt");
			assertThat(unit.overdue()).isPositive();
		});
		// The watermark job counts the crossings; the figures stay the same, and the same again when the clock is
		// set back behind the watermark.
		this.rollup.advanceWatermark();
		assertRollupEqualsPlainSql(LocalDate.of(2019, 6, 12));
		at(6, 9);
		assertRollupEqualsPlainSql(LocalDate.of(2019, 6, 6));
		at(30, 9);
		assertRollupEqualsPlainSql(LocalDate.of(2019, 6, 30));
	}

	@Test
	void anEventHandledAgainOrAfterARebuildChangesNothing() {
		at(7, 9);
		String no = register(TriageLevel.URGENT, TicketWorkflow.Outcome.QUEUE, "GY.GS", "haimen", Channel.PHONE);
		this.workflow.dispatch(no, "swjt", List.of(), null, null, this.operator);
		at(10, 9);
		assertRollupEqualsPlainSql(LocalDate.of(2019, 6, 10));
		Map<String, Object> before = snapshot();
		long id = this.jdbc.queryForObject("select id from ticket where ticket_no = ?", Long.class, no);
		// Redelivery after a crash, or the same event twice: the ticket's facts are already current.
		this.rollup.refresh(id);
		this.rollup.refresh(id);
		assertThat(snapshot()).isEqualTo(before);
		// A rebuild computes the same rollup as the listener kept.
		this.rollup.rebuild();
		assertThat(snapshot()).isEqualTo(before);
	}

	/** The dashboard's figures at the clock's time, from the rollup and as plain SQL; waits for the listener. */
	void assertRollupEqualsPlainSql(LocalDate today) {
		Period week = new Period(today.minusDays(6), today, MovableClock.SHANGHAI);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(this.statistics.today()).isEqualTo(today);
			assertThat(this.statistics.takenToday()).isEqualTo(this.plain.takenToday(today));
			assertThat(this.statistics.open()).isEqualTo(this.plain.open());
			assertThat(this.statistics.trend(30)).isEqualTo(this.plain.trend(today, 30));
			assertThat(this.statistics.countByTopCategory(week, null)).isEqualTo(this.plain.countByTopCategory(week));
			assertThat(this.statistics.countByTopCategory(week.previous(), null))
				.isEqualTo(this.plain.countByTopCategory(week.previous()));
			Map<String, Long> districts = new LinkedHashMap<>();
			this.statistics.byDistrict(week).forEach((d) -> districts.put(d.code(), d.count()));
			assertThat(districts).isEqualTo(this.plain.byDistrict(week));
			assertThat(this.statistics.rates(week, null)).isEqualTo(this.plain.rates(week));
			assertThat(this.statistics.dueByUnit()).isEqualTo(sorted(this.plain.dueByUnit()));
			assertThat(rollupDays(LocalDate.of(2019, 6, 1), LocalDate.of(2019, 6, 30)))
				.isEqualTo(this.plain.dailyRows(LocalDate.of(2019, 6, 1), LocalDate.of(2019, 6, 30)));
		});
	}

	static List<DashboardStatistics.UnitDue> sorted(List<DashboardStatistics.UnitDue> units) {
		List<DashboardStatistics.UnitDue> result = new ArrayList<>(units);
		result.sort(Comparator.comparingLong(DashboardStatistics.UnitDue::overdue)
			.thenComparingLong(DashboardStatistics.UnitDue::warned)
			.reversed()
			.thenComparing(DashboardStatistics.UnitDue::unitCode));
		return result;
	}

	Map<String, List<Long>> rollupDays(LocalDate from, LocalDate to) {
		Map<String, List<Long>> rows = new TreeMap<>();
		this.jdbc.query("""
				select dimension, day, key, registered, direct, dispatched, replied, on_time, reached, solved, satisfied
				from supervision_daily where day between ? and ? and registered <> 0""", (rs) -> {
			List<Long> measures = new ArrayList<>();
			for (int i = 4; i <= 11; i++) {
				measures.add(rs.getLong(i));
			}
			rows.put(rs.getString(1) + "/" + rs.getObject(2, LocalDate.class) + "/" + rs.getString(3), measures);
		}, from, to);
		return rows;
	}

	/**
	 * The rollup's content, zero rows left out (a rebuild does not write them). The due counters depend on where the
	 * watermark stands, which other application contexts on the same database move with their own clocks: their
	 * result is compared instead.
	 */
	Map<String, Object> snapshot() {
		Map<String, Object> tables = new LinkedHashMap<>();
		tables.put("facts", this.jdbc.queryForList("select * from supervision_ticket_fact order by ticket_id"));
		tables.put("daily", this.jdbc.queryForList("select * from supervision_daily where registered <> 0"
				+ " order by dimension, day, key"));
		tables.put("open", this.jdbc.queryForList("select * from supervision_open_count where count <> 0"
				+ " order by status, level, unit_id"));
		tables.put("due", this.statistics.dueByUnit());
		return tables;
	}

}
