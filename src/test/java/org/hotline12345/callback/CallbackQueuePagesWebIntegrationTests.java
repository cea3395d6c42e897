package org.hotline12345.callback;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.QueuePages;
import org.hotline12345.QueuePages.Page;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
 * The callback queue fifty at a time: every ticket once, earliest deadline first (ties by id), the unit's answer on
 * the rows due first only, and a made-up cursor is the first page (or nothing to htmx).
 */
@HotlineIntegrationTest
class CallbackQueuePagesWebIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	private final List<String> made = new ArrayList<>();

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	@AfterEach
	void leaveTheQueue() {
		QueuePages.close(this.workflow, this.made);
	}

	@Test
	void walkingTheCallbackQueueGivesEveryTicketOnceEarliestDeadlineFirst() throws Exception {
		Actor staff = new Actor("gjj", Role.UNIT_STAFF, this.jdbc.queryForObject("select id from unit where code = 'gjj'",
				Long.class));
		List<String> replied = QueuePages.waiting(this.workflow, TriageLevel.ROUTINE, 53, "回访分页测试");
		this.made.addAll(replied);
		for (String no : replied) {
			this.workflow.dispatch(no, "gjj", List.of(), null, null, QueuePages.OPERATOR);
			this.workflow.accept(no, null, staff);
			this.workflow.reply(no, ReplyOutcome.SOLVED, "公积金已到账（回访分页测试）", null, staff);
		}
		Timestamp due = Timestamp.from(this.clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES));
		this.jdbc.update("update ticket set callback_due_at = ? where ticket_no = any(?)", due,
				replied.subList(0, 51).toArray(String[]::new));
		List<String> queue = this.jdbc.queryForList("select ticket_no from ticket where status = 'CALLBACK_PENDING'"
				+ " order by callback_due_at nulls last, id", String.class);

		for (boolean htmx : new boolean[] { false, true }) {
			List<Page> pages = QueuePages.walk(this.mvc, as("operator"), "/callback", htmx);
			assertThat(QueuePages.tickets(pages)).doesNotHaveDuplicates().containsExactlyElementsOf(queue);
			assertThat(QueuePages.tickets(pages).stream().filter(replied.subList(0, 51)::contains).toList())
				.as("ties go by id").isEqualTo(replied.subList(0, 51));
			assertThat(pages).hasSizeGreaterThan(1);
			Page first = pages.get(0);
			assertThat(first.tickets()).hasSize(TicketQueries.PAGE_SIZE);
			assertThat(first.html()).contains("共 " + queue.size() + " 件");
			assertThat(count(first.html(), "打开查看")).as("the answer shown on the first 30 rows")
				.isEqualTo(TicketQueries.PAGE_SIZE - CallbackController.ANSWER_ROWS);
			assertThat(pages.subList(1, pages.size())).allSatisfy((page) -> {
				assertThat(count(page.html(), "打开查看")).isEqualTo(page.tickets().size());
				assertThat(page.html()).doesNotContain("公积金已到账（回访分页测试）");
			});
			assertThat(pages.get(pages.size() - 1).more()).isNull();
		}
	}

	@Test
	void aMadeUpCursorIsTheFirstPage() throws Exception {
		String first = this.mvc.perform(get("/callback").with(as("operator")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		for (String after : List.of("zzz", "0.n.1", "1.1796425681123456.1", "2.1796425681123456.1", "0.1796425681123456")) {
			String html = this.mvc.perform(get("/callback").param("after", after).with(as("operator")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(QueuePages.page(html).tickets()).isEqualTo(QueuePages.page(first).tickets());
			this.mvc.perform(get("/callback").param("after", after).header("HX-Request", "true").with(as("operator")))
				.andExpect(status().isBadRequest());
		}
	}

	private static int count(String html, String text) {
		int count = 0;
		for (int i = html.indexOf(text); i >= 0; i = html.indexOf(text, i + text.length())) {
			count++;
		}
		return count;
	}

}
