package org.hotline12345.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.Satisfaction;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every assessment figure against a hand-computed fixture: tickets taken through the workflow in the first week of
 * March 2021 with a moved clock, then the numbers worked out by hand from the definitions in docs/assessment.md.
 * <p>
 * 文广旅局 (wglj), routine help requests dispatched Monday 1 March 09:00 unless said otherwise: accept due 1 working
 * day later (Tue 09:00), reply due 3 working days later (Thu 4 March 09:00).
 * <ol>
 * <li>T1: accepted Mon 10:00 (on time), replied Tue 10:00 (on time), callback reached, solved, 满意.</li>
 * <li>T2: accepted Tue 11:00 (late), replied Mon 8 March 10:00 (late), reached, not solved, 基本满意.</li>
 * <li>T3: accepted Mon 09:30, extension asked Tue 09:00 and approved to Wed 10 March 18:00, replied Mon 8 March
 * 11:00 (on time against the extended deadline), three unreached callbacks: closed unreached.</li>
 * <li>T4: dispatched Tue 09:00, returned by wglj Tue 10:00, sent on to 残联 (cl) Tue 11:00, never accepted.</li>
 * <li>T5: dispatched Wed 3 March 09:00, never accepted; a supervision order Wed 12:00 and a reminder Thu 09:00.</li>
 * <li>T6: dispatched Wed 09:00, accepted 10:00, replied Thu 10:00, reopened Thu 15:00 (new reply due 5 working days
 * later), replied again Fri 10:00, reached, solved, 满意.</li>
 * </ol>
 * The report is read on Wednesday 10 March 12:00. By hand, for wglj: received 5 (T1, T2, T3, T5, T6; T4 went on to
 * cl); accepted on time 3 of 5 (T5's accept deadline passed) = 60%; replied on time 3 of 5 (T2 late, T5 overdue) =
 * 60%; solved 2 of 3 reached = 66.67%; satisfied 3 of 3 = 100%; return rate 1 / (5 + 1) = 16.67%; reopen rate 1 of 5 =
 * 20%; extensions 1; overdue 2 (T2, T5); orders 1, reminders 1; score (60 + 60 + 66.67 + 100) / 4 = 71.67.
 * For cl: received 1, accepted on time 0 of 1, replied on time 0 of 1, overdue 1, nothing reached.
 * <p>
 * Roll-up: 通州区 dispatched T7 (sub-dispatched to 金沙街道, which accepted, replied, citizen reached, solved, 满意) and
 * T8 (kept by the district, replied, reached, not solved, 不满意). 金沙街道 alone: satisfied 1 of 1; 通州区 alone: 0 of
 * 1; 通州区 with its streets: received 2, satisfied 1 of 2 = 50%, solved 50%.
 */
@HotlineIntegrationTest
@Import(MovableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentIntegrationTests {

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	SupervisionOrders orders;

	@Autowired
	Assessment assessment;

	@Autowired
	DepartmentDirectory directory;

	@Autowired
	MovableClock clock;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	final Actor supervisor = new Actor("supervisor", Role.SUPERVISOR, null);

	final HotlineUser supervisorUser = HotlineUser.of(1, "supervisor", "值班长", Role.SUPERVISOR, null, null, null);

	Assessment.Report report;

	Actor staff(String code) {
		return new Actor(code, Role.UNIT_STAFF, this.directory.unit(code).orElseThrow().id());
	}

	void at(int day, int hour, int minute) {
		this.clock.set(LocalDateTime.of(2021, 3, day, hour, minute));
	}

	String dispatched(int day, int hour, String unit) {
		at(day, hour, 0);
		NewTicket request = new NewTicket("王女士", "13912345678", false, false, "某景区", "chongchuan", null,
				"景区门票价格与公示不一致", RequestType.HELP, "LY.JQ", Channel.PHONE, null, false, null);
		String no = this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE,
				null, this.operator).ticketNo();
		this.workflow.dispatch(no, unit, List.of(), null, null, this.operator);
		return no;
	}

	@BeforeAll
	void takeTheTicketsThroughTheWeek() {
		Actor wglj = staff("wglj");
		String t1 = dispatched(1, 9, "wglj");
		String t2 = dispatched(1, 9, "wglj");
		String t3 = dispatched(1, 9, "wglj");
		at(1, 10, 0);
		this.workflow.accept(t1, null, wglj);
		at(1, 9, 30);
		this.workflow.accept(t3, null, wglj);
		at(2, 9, 0);
		this.workflow.requestExtension(t3, LocalDateTime.of(2021, 3, 10, 18, 0).atZone(MovableClock.SHANGHAI).toInstant(),
				"需现场核查", wglj);
		at(2, 10, 0);
		this.workflow.decideExtension(t3, true,
				LocalDateTime.of(2021, 3, 10, 18, 0).atZone(MovableClock.SHANGHAI).toInstant(), "同意", this.supervisor);
		this.workflow.reply(t1, ReplyOutcome.SOLVED, "已处理", null, wglj);
		at(2, 11, 0);
		this.workflow.accept(t2, null, wglj);
		at(2, 15, 0);
		this.workflow.recordCallback(t1, true, true, Satisfaction.SATISFIED, null, null, this.operator);

		String t4 = dispatched(2, 9, "wglj");
		at(2, 10, 0);
		this.workflow.returnToCentre(t4, "不属于本单位职责", null, wglj);
		at(2, 11, 0);
		this.workflow.dispatch(t4, "cl", List.of(), null, null, this.operator);

		String t5 = dispatched(3, 9, "wglj");
		at(3, 12, 0);
		this.orders.issue(t5, SupervisionOrders.Kind.ORDER, "请立即签收办理",
				LocalDateTime.of(2021, 3, 5, 18, 0).atZone(MovableClock.SHANGHAI).toInstant(), this.supervisorUser);
		at(4, 9, 0);
		this.orders.issue(t5, SupervisionOrders.Kind.REMINDER, "请尽快签收", null, this.supervisorUser);

		String t6 = dispatched(3, 9, "wglj");
		at(3, 10, 0);
		this.workflow.accept(t6, null, wglj);
		at(4, 10, 0);
		this.workflow.reply(t6, ReplyOutcome.SOLVED, "已处理", null, wglj);
		at(4, 15, 0);
		this.workflow.reopen(t6, "市民反映未处理到位", this.operator);
		at(5, 10, 0);
		this.workflow.reply(t6, ReplyOutcome.SOLVED, "已重新处理", null, wglj);
		at(5, 15, 0);
		this.workflow.recordCallback(t6, true, true, Satisfaction.SATISFIED, null, null, this.operator);

		at(8, 10, 0);
		this.workflow.reply(t2, ReplyOutcome.PARTLY_SOLVED, "部分处理", null, wglj);
		at(8, 11, 0);
		this.workflow.reply(t3, ReplyOutcome.SOLVED, "已处理", null, wglj);
		at(8, 15, 0);
		this.workflow.recordCallback(t2, true, false, Satisfaction.BASICALLY_SATISFIED, null, null, this.operator);
		for (int attempt = 0; attempt < 3; attempt++) {
			at(8, 12 + attempt, 30);
			this.workflow.recordCallback(t3, false, null, null, "无人接听", null, this.operator);
		}

		String t7 = dispatched(1, 9, "tongzhou");
		String t8 = dispatched(1, 9, "tongzhou");
		at(1, 9, 30);
		this.workflow.accept(t8, null, staff("tongzhou"));
		at(1, 10, 0);
		this.workflow.subDispatch(t7, "tz-js", "请金沙街道办理", null, staff("tongzhou"));
		at(1, 11, 0);
		this.workflow.accept(t7, null, staff("tz-js"));
		at(2, 10, 0);
		this.workflow.reply(t7, ReplyOutcome.SOLVED, "已处理", null, staff("tz-js"));
		at(3, 10, 0);
		this.workflow.reply(t8, ReplyOutcome.UNSOLVED, "无法处理", null, staff("tongzhou"));
		at(3, 15, 0);
		this.workflow.recordCallback(t7, true, true, Satisfaction.SATISFIED, null, null, this.operator);
		this.workflow.recordCallback(t8, true, false, Satisfaction.DISSATISFIED, null, null, this.operator);

		at(10, 12, 0);
		this.report = this.assessment.report(new Period(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 7),
				MovableClock.SHANGHAI));
	}

	Assessment.Row unit(String code) {
		return this.report.units().stream().filter((row) -> row.unitCode().equals(code)).findFirst().orElseThrow();
	}

	Assessment.Row rollup(String code) {
		return this.report.rollup().stream().filter((row) -> row.unitCode().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void receivedCountsTheTicketsTheUnitLeadsAfterTheirLastDispatch() {
		assertThat(unit("wglj").received()).isEqualTo(5);
		assertThat(unit("cl").received()).isEqualTo(1);
	}

	@Test
	void acceptedOnTimeIsOverTheAcceptedAndThoseWhoseDeadlinePassed() {
		assertThat(unit("wglj").acceptedOnTime()).isEqualTo(3);
		assertThat(unit("wglj").acceptDue()).isEqualTo(5);
		assertThat(unit("wglj").acceptRate()).isEqualTo("60%");
		assertThat(unit("cl").acceptRate()).isEqualTo("0%");
	}

	@Test
	void repliedOnTimeHonoursAnApprovedExtensionAndTheReopenedDeadline() {
		assertThat(unit("wglj").repliedOnTime()).isEqualTo(3);
		assertThat(unit("wglj").replyDue()).isEqualTo(5);
		assertThat(unit("wglj").replyRate()).isEqualTo("60%");
	}

	@Test
	void solvedAndSatisfiedAreOverTheCitizensReachedAtCallback() {
		assertThat(unit("wglj").reached()).isEqualTo(3);
		assertThat(unit("wglj").solvedRate()).isEqualTo("66.67%");
		assertThat(unit("wglj").satisfiedRate()).isEqualTo("100%");
		assertThat(unit("cl").solvedRate()).isEqualTo("—");
	}

	@Test
	void returnsCountForTheUnitThatReturned() {
		assertThat(unit("wglj").returns()).isEqualTo(1);
		assertThat(unit("wglj").returnRate()).isEqualTo("16.67%");
		assertThat(unit("cl").returns()).isZero();
	}

	@Test
	void reopenRateExtensionsOverdueOrdersAndReminders() {
		Assessment.Row wglj = unit("wglj");
		assertThat(wglj.reopenRate()).isEqualTo("20%");
		assertThat(wglj.extensions()).isEqualTo(1);
		assertThat(wglj.overdue()).isEqualTo(2);
		assertThat(wglj.orders()).isEqualTo(1);
		assertThat(wglj.reminders()).isEqualTo(1);
		assertThat(unit("cl").overdue()).isEqualTo(1);
	}

	@Test
	void theScoreIsTheMeanOfTheRatesAndRanksTheUnits() {
		assertThat(unit("wglj").score()).isEqualByComparingTo(new BigDecimal("71.67"));
		assertThat(unit("cl").score()).isEqualByComparingTo(BigDecimal.ZERO);
		List<String> ranked = this.report.ranking().stream().map(Assessment.Row::unitCode).toList();
		assertThat(ranked.indexOf("wglj")).isLessThan(ranked.indexOf("cl"));
	}

	@Test
	void aDistrictRollsUpItsStreets() {
		assertThat(unit("tz-js").received()).isEqualTo(1);
		assertThat(unit("tz-js").satisfiedRate()).isEqualTo("100%");
		assertThat(unit("tongzhou").received()).isEqualTo(1);
		assertThat(unit("tongzhou").satisfiedRate()).isEqualTo("0%");
		Assessment.Row district = rollup("tongzhou");
		assertThat(district.received()).isEqualTo(2);
		assertThat(district.satisfiedRate()).isEqualTo("50%");
		assertThat(district.solvedRate()).isEqualTo("50%");
	}

}
