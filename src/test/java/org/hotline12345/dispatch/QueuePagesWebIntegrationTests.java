package org.hotline12345.dispatch;

import java.util.ArrayList;
import java.util.List;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.QueuePages;
import org.hotline12345.QueuePages.Page;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketQueries.Queue;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dispatch queues fifty at a time: "更多" walks the whole queue, each ticket once and in the queue's order (ties
 * on the creation time included), with htmx or without JavaScript; the last page has no "更多"; the total stands above;
 * the refresh polls the first page only; a cursor made up or edited by hand shows the first page, or nothing to htmx,
 * and never an error of the server.
 */
@HotlineIntegrationTest
class QueuePagesWebIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TicketQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	private final List<String> made = new ArrayList<>();

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	@AfterEach
	void leaveTheQueues() {
		QueuePages.close(this.workflow, this.made);
	}

	@Test
	void walkingTheUrgentQueueShowsEveryTicketOnceInOrderFiftyAtATime() throws Exception {
		// 51 tickets at one and the same time: a page edge falls inside the tie wherever the queue starts.
		List<String> critical = waiting(TriageLevel.CRITICAL, 51, "分页测试：燃气泄漏");
		List<String> urgent = waiting(TriageLevel.URGENT, 12, "分页测试：停水");
		sameCreationTime(critical);
		sameCreationTime(urgent);
		List<String> queue = this.jdbc.queryForList("select ticket_no from ticket where status = 'PENDING_DISPATCH'"
				+ " and level in ('CRITICAL', 'URGENT') order by case level when 'CRITICAL' then 0 else 1 end, created_at, id",
				String.class);
		assertThat(queue.size()).isGreaterThan(TicketQueries.PAGE_SIZE);

		List<Page> pages = QueuePages.walk(this.mvc, as("operator"), "/queues/urgent", false);
		assertThat(QueuePages.tickets(pages)).doesNotHaveDuplicates().containsExactlyElementsOf(queue);
		assertThat(QueuePages.tickets(pages).stream().filter(critical::contains).toList()).as("ties go by id")
			.isEqualTo(critical);
		assertThat(pages.subList(0, pages.size() - 1)).allSatisfy((page) -> {
			assertThat(page.tickets()).hasSize(TicketQueries.PAGE_SIZE);
			assertThat(page.html()).contains("id=\"queue-more\"", "共 " + queue.size() + " 件");
		});
		Page last = pages.get(pages.size() - 1);
		assertThat(last.tickets()).isNotEmpty().hasSizeLessThanOrEqualTo(TicketQueries.PAGE_SIZE);
		assertThat(last.more()).isNull();
		assertThat(last.html()).doesNotContain("queue-more", "data-more");

		assertThat(pages.get(0).html()).as("the first page polls itself")
			.contains("hx-get=\"/queues/urgent\"", "hx-trigger=\"every 10s\"", "data-paused-note=\"queue-paused\"");
		assertThat(pages.get(1).html()).as("a later page without JavaScript does not poll (it would show the first)")
			.doesNotContain("hx-trigger", "hx-get=\"/queues/urgent\"")
			.contains("回到第一页");

		List<Page> appended = QueuePages.walk(this.mvc, as("operator"), "/queues/urgent", true);
		assertThat(QueuePages.tickets(appended)).containsExactlyElementsOf(queue);
		assertThat(appended.get(1).html()).as("rows and the next 更多, no total, no poll")
			.doesNotContain("共 ", "every 10s", "critical-summary");
	}

	@Test
	void aQueueOfExactlyFullPagesEndsWithoutMore() throws Exception {
		int waiting = this.queries.queueSize(Queue.ROUTINE).tickets();
		int missing = TicketQueries.PAGE_SIZE - (waiting % TicketQueries.PAGE_SIZE);
		waiting(TriageLevel.ROUTINE, missing, "分页测试：路灯不亮");
		List<Page> pages = QueuePages.walk(this.mvc, as("supervisor"), "/queues/routine", false);
		assertThat(QueuePages.tickets(pages)).hasSize(waiting + missing).doesNotHaveDuplicates();
		assertThat(pages).allSatisfy((page) -> assertThat(page.tickets()).hasSize(TicketQueries.PAGE_SIZE));
		assertThat(pages.get(pages.size() - 1).more()).isNull();
	}

	@Test
	void theCriticalAlertCountsTheWholeQueueNotTheFirstPage() throws Exception {
		waiting(TriageLevel.CRITICAL, TicketQueries.PAGE_SIZE + 1, "分页测试：电梯困人");
		int critical = this.queries.criticalWaiting();
		String html = this.mvc.perform(get("/queues/urgent").with(as("operator")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains(critical + " 件特急工单待派单");
		String poll = this.mvc.perform(get("/queues/urgent").header("HX-Request", "true").with(as("operator")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(poll).contains(critical + " 件特急工单待派单", "共 ", "id=\"queue-more\"");
		assertThat(QueuePages.page(poll).tickets()).hasSize(TicketQueries.PAGE_SIZE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "x", "0.1.", "1.2.3.4", "9.1796425681123456.1", "2.1796425681123456.1", "0.n.1",
			"0.99999999999999999999.1", "0.9223372036854775807.1", "0.-9223372036854775808.1", "'; drop table ticket;--" })
	void aCursorMadeUpOrEditedShowsTheFirstPageAndNothingToHtmx(String after) throws Exception {
		waiting(TriageLevel.URGENT, 2, "分页测试：井盖缺失");
		String first = this.mvc.perform(get("/queues/urgent").with(as("operator")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String html = this.mvc.perform(get("/queues/urgent").param("after", after).with(as("operator")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(QueuePages.page(html).tickets()).isEqualTo(QueuePages.page(first).tickets()).isNotEmpty();
		this.mvc.perform(get("/queues/urgent").param("after", after).header("HX-Request", "true").with(as("operator")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aWellFormedCursorMovedByHandIsOnlyAnotherStartingPoint() throws Exception {
		List<String> urgent = waiting(TriageLevel.URGENT, 3, "分页测试：噪声扰民");
		long id = this.jdbc.queryForObject("select id from ticket where ticket_no = ?", Long.class, urgent.get(0));
		long micros = this.jdbc.queryForObject("select (extract(epoch from created_at) * 1000000)::bigint from ticket"
				+ " where ticket_no = ?", Long.class, urgent.get(0));
		String html = this.mvc.perform(get("/queues/urgent").param("after", "1." + micros + "." + id).with(as("operator")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(QueuePages.page(html).tickets()).doesNotContain(urgent.get(0)).contains(urgent.get(1), urgent.get(2))
			.allSatisfy((no) -> assertThat(this.jdbc.queryForObject("select level from ticket where ticket_no = ?",
					String.class, no)).isEqualTo("URGENT"));
	}

	private List<String> waiting(TriageLevel level, int count, String matter) {
		List<String> numbers = QueuePages.waiting(this.workflow, level, count, matter);
		this.made.addAll(numbers);
		return numbers;
	}

	/** The earliest creation time of them all, so that their timelines still start after it. */
	private void sameCreationTime(List<String> numbers) {
		String[] array = numbers.toArray(String[]::new);
		this.jdbc.update("update ticket set created_at = (select min(created_at) from ticket where ticket_no = any(?))"
				+ " where ticket_no = any(?)", array, array);
	}

}
