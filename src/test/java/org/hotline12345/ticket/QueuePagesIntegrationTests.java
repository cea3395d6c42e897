package org.hotline12345.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.QueryPlans;
import org.hotline12345.QueuePages;
import org.hotline12345.ticket.TicketQueries.PageQuery;
import org.hotline12345.ticket.TicketQueries.Queue;
import org.hotline12345.ticket.TicketQueries.QueuePage;
import org.hotline12345.ticket.TicketQueries.UnitQueue;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset pages of the queues, read through {@link TicketQueries} with small pages so that every level boundary, tie
 * and missing time falls on a page edge somewhere: walking all pages gives every ticket of the list exactly once, in
 * the order the list's own {@code ORDER BY} gives (checked against a plain query over the shared database), and each
 * page's statement starts on the list's index.
 */
@HotlineIntegrationTest
class QueuePagesIntegrationTests {

	private static final String LEVEL_ORDER = "case t.level when 'CRITICAL' then 0 when 'URGENT' then 1 else 2 end";

	@Autowired
	TicketQueries queries;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	private final List<String> made = new ArrayList<>();

	@AfterEach
	void leaveTheQueues() {
		QueuePages.close(this.workflow, this.made);
	}

	@Test
	void theUrgentQueueWalkedThreeAtATimeIsTheWholeQueueInOrderWithTies() {
		List<String> critical = waiting(TriageLevel.CRITICAL, 5);
		List<String> urgent = waiting(TriageLevel.URGENT, 5);
		sameTime("created_at", critical);
		sameTime("created_at", urgent);
		for (int size : new int[] { 1, 3, 4 }) {
			List<String> walked = walk((after, n) -> this.queries.queuePage(Queue.URGENT, after, n), size);
			assertThat(walked).as("pages of " + size).doesNotHaveDuplicates()
				.containsAll(critical)
				.containsAll(urgent)
				.containsExactlyElementsOf(expected("t.status = 'PENDING_DISPATCH' and t.level in ('CRITICAL', 'URGENT')",
						LEVEL_ORDER + ", t.created_at, t.id"));
			assertThat(walked.stream().filter(critical::contains).toList()).as("a tie goes by id").isEqualTo(critical);
		}
	}

	@Test
	void theRoutineAndReturnedQueuesToo() {
		List<String> routine = waiting(TriageLevel.ROUTINE, 4);
		sameTime("created_at", routine);
		Actor staff = staffOf("rqgs");
		for (String no : List.of(routine.get(0), waiting(TriageLevel.URGENT, 1).get(0), waiting(TriageLevel.CRITICAL, 1).get(0))) {
			this.workflow.dispatch(no, "rqgs", List.of(), null, null, QueuePages.OPERATOR);
			this.workflow.returnToCentre(no, "不属于燃气公司职责", null, staff);
		}
		assertThat(walk((after, n) -> this.queries.queuePage(Queue.ROUTINE, after, n), 2)).doesNotHaveDuplicates()
			.containsAll(routine)
			.containsExactlyElementsOf(expected("t.status = 'PENDING_DISPATCH' and t.level = 'ROUTINE'", "t.created_at, t.id"));
		assertThat(walk((after, n) -> this.queries.queuePage(Queue.RETURNED, after, n), 1)).doesNotHaveDuplicates()
			.containsExactlyElementsOf(expected("t.status = 'PENDING_DISPATCH' and t.return_count > 0",
					LEVEL_ORDER + ", t.created_at, t.id"));
	}

	@Test
	void aUnitsListsWalkedInSmallPagesWithTiesAMissingDeadlineAndAssistedTickets() {
		long rqgs = unitId("rqgs");
		List<String> urgent = dispatched(TriageLevel.URGENT, 7, "rqgs", List.of());
		List<String> critical = dispatched(TriageLevel.CRITICAL, 2, "rqgs", List.of());
		List<String> routine = dispatched(TriageLevel.ROUTINE, 3, "rqgs", List.of());
		List<String> assisted = dispatched(TriageLevel.URGENT, 2, "gdgs", List.of("rqgs"));
		List<String> others = dispatched(TriageLevel.URGENT, 3, "gdgs", List.of());
		Instant due = this.clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.update("update ticket set accept_due_at = ? where ticket_no = any(?)", Timestamp.from(due),
				urgent.subList(0, 5).toArray(String[]::new));
		this.jdbc.update("update ticket set accept_due_at = ? where ticket_no = ?", Timestamp.from(due), assisted.get(0));
		this.jdbc.update("update ticket set accept_due_at = null where ticket_no = ?", routine.get(0));
		Actor staff = staffOf("rqgs");
		List<String> accepted = List.of(urgent.get(5), urgent.get(6), critical.get(0), routine.get(1));
		accepted.forEach((no) -> this.workflow.accept(no, null, staff));
		this.jdbc.update("update ticket set reply_due_at = ? where ticket_no = any(?)", Timestamp.from(due.plus(Duration.ofDays(3))),
				accepted.subList(0, 3).toArray(String[]::new));
		List<String> replied = List.of(urgent.get(5), urgent.get(6), critical.get(0));
		replied.forEach((no) -> this.workflow.reply(no, ReplyOutcome.SOLVED, "已处理", null, staff));
		this.jdbc.update("update ticket set replied_at = (select min(replied_at) from ticket where ticket_no = any(?))"
				+ " where ticket_no = any(?)", replied.toArray(String[]::new), replied.subList(0, 2).toArray(String[]::new));

		String mine = "(t.lead_unit_id = " + rqgs + " or exists (select 1 from ticket_assist_unit a where a.ticket_id = t.id"
				+ " and a.unit_id = " + rqgs + "))";
		for (int size : new int[] { 1, 2, 5 }) {
			List<String> fresh = walk((after, n) -> this.queries.unitQueuePage(rqgs, UnitQueue.NEW, after, n), size);
			assertThat(fresh).as("待签收, pages of " + size).doesNotHaveDuplicates()
				.containsAll(assisted)
				.doesNotContainAnyElementsOf(others)
				.containsExactlyElementsOf(expected("t.status = 'DISPATCHED' and " + mine,
						LEVEL_ORDER + ", t.accept_due_at nulls last, t.id"));
			assertThat(fresh.get(fresh.size() - 1)).as("no deadline comes last").isEqualTo(routine.get(0));
			assertThat(walk((after, n) -> this.queries.unitQueuePage(rqgs, UnitQueue.IN_PROGRESS, after, n), size))
				.containsExactlyElementsOf(expected("t.status = 'IN_PROGRESS' and " + mine,
						LEVEL_ORDER + ", t.reply_due_at nulls last, t.id"));
			assertThat(walk((after, n) -> this.queries.unitQueuePage(rqgs, UnitQueue.DONE, after, n), size))
				.containsExactlyElementsOf(this.jdbc.queryForList("select t.ticket_no from ticket t where t.id in"
						+ " (select e.ticket_id from ticket_event e where e.actor_unit_id = ? and e.type = 'REPLIED')"
						+ " order by t.replied_at desc nulls last, t.id desc", String.class, rqgs))
				.containsAll(replied);
		}
		long gdgs = unitId("gdgs");
		assertThat(walk((after, n) -> this.queries.unitQueuePage(gdgs, UnitQueue.NEW, after, n), 2))
			.containsAll(others)
			.containsAll(assisted)
			.doesNotContainAnyElementsOf(urgent);
	}

	@Test
	void theCallbackQueueWithTiesAndATicketWithoutDeadline() {
		List<String> replied = new ArrayList<>();
		Actor staff = staffOf("rqgs");
		for (String no : dispatched(TriageLevel.ROUTINE, 4, "rqgs", List.of())) {
			this.workflow.accept(no, null, staff);
			this.workflow.reply(no, ReplyOutcome.SOLVED, "已处理", null, staff);
			replied.add(no);
		}
		this.jdbc.update("update ticket set callback_due_at = (select min(callback_due_at) from ticket where ticket_no = any(?))"
				+ " where ticket_no = any(?)", replied.toArray(String[]::new), replied.subList(0, 3).toArray(String[]::new));
		this.jdbc.update("update ticket set callback_due_at = null where ticket_no = ?", replied.get(3));
		for (int size : new int[] { 1, 2, 3 }) {
			List<String> walked = walk((after, n) -> this.queries.queuePage(Queue.CALLBACK, after, n), size);
			assertThat(walked).doesNotHaveDuplicates()
				.containsAll(replied)
				.containsExactlyElementsOf(expected("t.status = 'CALLBACK_PENDING'", "t.callback_due_at nulls last, t.id"));
		}
	}

	@Test
	void aCursorIsCheckedAgainstTheQueueItIsFor() {
		assertThat(this.queries.cursor(Queue.URGENT, "1.1796425681123456.4711")).isPresent();
		assertThat(this.queries.cursor(Queue.URGENT, "2.1796425681123456.4711")).as("ROUTINE is not urgent").isEmpty();
		assertThat(this.queries.cursor(Queue.URGENT, "0.n.4711")).as("every waiting ticket has a time").isEmpty();
		assertThat(this.queries.cursor(Queue.ROUTINE, "0.1796425681123456.4711")).isEmpty();
		assertThat(this.queries.cursor(Queue.CALLBACK, "1.n.4711")).isPresent();
		assertThat(this.queries.cursor(Queue.CALLBACK, "1.1796425681123456.4711")).isEmpty();
		assertThat(this.queries.cursor(Queue.CALLBACK, "0.n.4711")).isEmpty();
		assertThat(this.queries.cursor(UnitQueue.NEW, "2.n.4711")).isPresent();
		assertThat(this.queries.cursor(UnitQueue.DONE, "1.1796425681123456.4711")).isEmpty();
		assertThat(this.queries.cursor(Queue.URGENT, "1.1796425681123456")).isEmpty();
	}

	@Test
	void queuesKeepTheirPlansOnlyInsideTheirOwnTransaction() {
		this.queries.queuePage(Queue.URGENT, null, 50);
		this.queries.queueSize(Queue.URGENT);
		this.queries.unitQueuePage(unitId("rqgs"), UnitQueue.NEW, null, 50);
		// SET LOCAL: what the next statement on this pooled connection plans with is PostgreSQL's default again.
		assertThat(this.jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
	}

	/**
	 * With sequential scans off, a later page's statement must still be served by the list's index: the keyset is a
	 * row comparison the index range starts at, not a filter over the whole queue.
	 */
	@Test
	void aLaterPageStartsOnTheQueuesIndex() {
		Instant at = this.clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
		// On a test-sized table the planner may take another index that also holds created_at (the urgent board's, the
		// reports') with a filter: those are dropped in the rolled-back transaction, so what is left must serve the
		// queue, with the keyset as the start of its range.
		String[] others = { "ticket_urgent_board_idx", "ticket_created_idx", "ticket_cluster_mark_idx",
				"ticket_callback_warning_idx" };
		assertThat(plan(this.queries.pageQuery(Queue.URGENT, new QueueCursor(0, at, 42), 50), others))
			.contains("ticket_queue_idx", "Index Cond", "created_at >=")
			.doesNotContain("Seq Scan on ticket");
		assertThat(plan(this.queries.pageQuery(Queue.URGENT, new QueueCursor(1, at, 42), 50), others))
			.contains("ticket_queue_idx", "created_at >=")
			.doesNotContain("'CRITICAL'", "Seq Scan on ticket");
		assertThat(plan(this.queries.pageQuery(Queue.ROUTINE, new QueueCursor(2, at, 42), 50), others))
			.contains("ticket_queue_idx", "created_at >=")
			.doesNotContain("Seq Scan on ticket");
		assertThat(plan(this.queries.pageQuery(Queue.CALLBACK, new QueueCursor(0, at, 42), 50), others))
			.contains("ticket_callback_due_idx", "callback_due_at >=")
			.doesNotContain("Seq Scan on ticket");
		// On a test-sized table the planner may take a deadline clock's partial index (same status) with a filter:
		// those are dropped in the rolled-back transaction, so what is left must serve the unit's list.
		long rqgs = unitId("rqgs");
		String[] clocks = { "ticket_accept_due_idx", "ticket_accept_warning_idx", "ticket_reply_due_idx",
				"ticket_reply_warning_idx" };
		assertThat(plan(this.queries.unitPageQuery(rqgs, UnitQueue.NEW, new QueueCursor(1, at, 42), 50), clocks))
			.contains("ticket_unit_open_idx")
			.doesNotContain("Seq Scan on ticket ");
		assertThat(plan(this.queries.unitPageQuery(rqgs, UnitQueue.IN_PROGRESS, new QueueCursor(2, null, 42), 50), clocks))
			.contains("ticket_unit_open_idx")
			.doesNotContain("Seq Scan on ticket ");
	}

	private String plan(PageQuery query, String... dropped) {
		String plan = QueryPlans.explain(this.jdbc, query.sql(), query.args(), dropped);
		System.out.println(query.sql() + "\n" + plan);
		return plan;
	}

	/** Every page from the first, each no larger than asked, a full page before every next one. */
	private static List<String> walk(BiFunction<QueueCursor, Integer, QueuePage> pages, int size) {
		List<String> all = new ArrayList<>();
		QueueCursor after = null;
		for (int i = 0; i < 10_000; i++) {
			QueuePage page = pages.apply(after, size);
			assertThat(page.rows()).hasSizeLessThanOrEqualTo(size);
			page.rows().forEach((row) -> all.add(row.ticketNo()));
			if (!page.hasMore()) {
				return all;
			}
			assertThat(page.rows()).as("only a full page has a next one").hasSize(size);
			after = page.next();
		}
		throw new AssertionError("the walk did not end");
	}

	private List<String> expected(String where, String order) {
		return this.jdbc.queryForList("select t.ticket_no from ticket t where " + where + " order by " + order,
				String.class);
	}

	private List<String> waiting(TriageLevel level, int count) {
		List<String> numbers = QueuePages.waiting(this.workflow, level, count, "分页查询测试");
		this.made.addAll(numbers);
		return numbers;
	}

	private List<String> dispatched(TriageLevel level, int count, String unit, List<String> assisting) {
		List<String> numbers = waiting(level, count);
		numbers.forEach((no) -> this.workflow.dispatch(no, unit, assisting, null, null, QueuePages.OPERATOR));
		return numbers;
	}

	/** Gives the tickets one and the same time (the earliest of them, so nothing happened before it). */
	private void sameTime(String column, List<String> numbers) {
		String[] array = numbers.toArray(String[]::new);
		this.jdbc.update("update ticket set " + column + " = (select min(" + column + ") from ticket where ticket_no = any(?))"
				+ " where ticket_no = any(?)", array, array);
	}

	private long unitId(String code) {
		return this.jdbc.queryForObject("select id from unit where code = ?", Long.class, code);
	}

	private Actor staffOf(String code) {
		return new Actor(code, Role.UNIT_STAFF, unitId(code));
	}

}
