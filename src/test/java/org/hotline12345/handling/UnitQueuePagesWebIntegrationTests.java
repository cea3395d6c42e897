package org.hotline12345.handling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.QueuePages;
import org.hotline12345.QueuePages.Page;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
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
 * A unit's lists fifty at a time: walking "更多" gives every ticket the unit leads or assists exactly once, in the
 * list's order (ties on the deadline included), and never another unit's ticket, whatever cursor is sent.
 */
@HotlineIntegrationTest
class UnitQueuePagesWebIntegrationTests {

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

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	@Test
	void walkingTheUnitsListGivesItsOwnTicketsOnceInOrderAndNoOtherUnits() throws Exception {
		List<String> led = dispatched(TriageLevel.URGENT, 56, "xfzd", List.of());
		List<String> assisted = dispatched(TriageLevel.CRITICAL, 2, "yjglj", List.of("xfzd"));
		List<String> routine = dispatched(TriageLevel.ROUTINE, 3, "xfzd", List.of());
		List<String> others = dispatched(TriageLevel.URGENT, 4, "yjglj", List.of());
		// 52 of them due at the same minute: a page edge falls inside the tie.
		Timestamp due = Timestamp.from(this.clock.instant().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.MINUTES));
		this.jdbc.update("update ticket set accept_due_at = ? where ticket_no = any(?)", due,
				led.subList(0, 52).toArray(String[]::new));
		long xfzd = this.jdbc.queryForObject("select id from unit where code = 'xfzd'", Long.class);
		List<String> expected = this.jdbc.queryForList("select t.ticket_no from ticket t where t.status = 'DISPATCHED'"
				+ " and (t.lead_unit_id = ? or exists (select 1 from ticket_assist_unit a where a.ticket_id = t.id"
				+ " and a.unit_id = ?)) order by case t.level when 'CRITICAL' then 0 when 'URGENT' then 1 else 2 end,"
				+ " t.accept_due_at nulls last, t.id", String.class, xfzd, xfzd);
		assertThat(expected).hasSizeGreaterThan(TicketQueries.PAGE_SIZE).containsAll(led).containsAll(assisted);

		for (boolean htmx : new boolean[] { false, true }) {
			List<Page> pages = QueuePages.walk(this.mvc, as("xfzd"), "/unit/tickets?tab=NEW", htmx);
			assertThat(QueuePages.tickets(pages)).as(htmx ? "with htmx" : "without JavaScript").doesNotHaveDuplicates()
				.containsExactlyElementsOf(expected)
				.doesNotContainAnyElementsOf(others);
			assertThat(QueuePages.tickets(pages).stream().filter(led.subList(0, 52)::contains).toList())
				.as("ties go by id").isEqualTo(led.subList(0, 52));
			assertThat(pages.get(0).tickets()).hasSize(TicketQueries.PAGE_SIZE);
			assertThat(pages.get(0).html()).contains("共 " + expected.size() + " 件", "hx-trigger=\"every 30s\"");
			assertThat(pages.get(pages.size() - 1).html()).doesNotContain("data-more");
		}
		assertThat(QueuePages.tickets(QueuePages.walk(this.mvc, as("yjglj"), "/unit/tickets?tab=NEW", false)))
			.containsAll(others)
			.containsAll(assisted)
			.doesNotContainAnyElementsOf(led)
			.doesNotContainAnyElementsOf(routine);
	}

	@Test
	void anotherUnitsCursorOnlyMovesWithinOnesOwnList() throws Exception {
		List<String> led = dispatched(TriageLevel.URGENT, TicketQueries.PAGE_SIZE + 2, "nyncj", List.of());
		List<String> others = dispatched(TriageLevel.URGENT, 3, "wglj", List.of());
		String more = QueuePages.walk(this.mvc, as("nyncj"), "/unit/tickets?tab=NEW", false).get(0).more();
		assertThat(more).isNotNull();
		String cursor = more.substring(more.indexOf("after=") + "after=".length());
		for (boolean htmx : new boolean[] { false, true }) {
			var request = get("/unit/tickets").param("tab", "NEW").param("after", cursor).with(as("wglj"));
			if (htmx) {
				request.header("HX-Request", "true");
			}
			String html = this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(QueuePages.page(html).tickets()).doesNotContainAnyElementsOf(led);
		}
		// From the start of time: still only the unit's own.
		String html = this.mvc.perform(get("/unit/tickets").param("tab", "NEW").param("after", "0.-62135596800000000.0")
			.with(as("wglj"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(QueuePages.page(html).tickets()).containsAll(others).doesNotContainAnyElementsOf(led);
	}

	@Test
	void aBadCursorShowsTheFirstPageAndNothingToHtmx() throws Exception {
		List<String> mine = dispatched(TriageLevel.ROUTINE, 2, "tyjrj", List.of());
		String first = this.mvc.perform(get("/unit/tickets").param("tab", "NEW").with(as("tyjrj")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(QueuePages.page(first).tickets()).containsAll(mine);
		for (String after : List.of("abc", "3.1.1", "0.1.1.1", "1.99999999999999999999.1")) {
			String html = this.mvc.perform(get("/unit/tickets").param("tab", "NEW").param("after", after).with(as("tyjrj")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(QueuePages.page(html).tickets()).isEqualTo(QueuePages.page(first).tickets());
			this.mvc.perform(get("/unit/tickets").param("tab", "NEW").param("after", after)
				.header("HX-Request", "true").with(as("tyjrj"))).andExpect(status().isBadRequest());
		}
		this.mvc.perform(get("/unit/tickets").param("tab", "DONE").param("after", "1.n.5").with(as("tyjrj")))
			.andExpect(status().isOk());
	}

	private List<String> dispatched(TriageLevel level, int count, String unit, List<String> assisting) {
		List<String> numbers = QueuePages.waiting(this.workflow, level, count, "单位分页测试");
		numbers.forEach((no) -> this.workflow.dispatch(no, unit, assisting, null, null, QueuePages.OPERATOR));
		return numbers;
	}

}
