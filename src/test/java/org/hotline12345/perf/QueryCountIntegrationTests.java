package org.hotline12345.perf;

import java.util.List;
import java.util.function.Supplier;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.QueuePages;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No N+1 on the screens people wait for: the statements a page sends are counted (see {@link StatementCounter}),
 * must stay under a small bound, and must not grow when the page shows more rows or a longer timeline.
 */
@HotlineIntegrationTest
@Import(StatementCounter.Configuration.class)
@TestPropertySource(properties = "hotline.navigation.counts-max-age=0") // count the navigation's statements every time
class QueryCountIntegrationTests {

	private static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private TicketWorkflow workflow;

	@Autowired
	private DepartmentDirectory directory;

	@Test
	void operatorsQueuesDoNotGrowWithTheirRows() throws Exception {
		dispatchedToRsj(2, TriageLevel.URGENT);
		int before = statementsFor(() -> get("/queues/urgent").with(user(this.users.loadUserByUsername("operator"))));
		pending(12, TriageLevel.URGENT);
		dispatchedToRsj(0, TriageLevel.URGENT);
		int after = statementsFor(() -> get("/queues/urgent").with(user(this.users.loadUserByUsername("operator"))));
		assertThat(after).isEqualTo(before).isLessThanOrEqualTo(12);
	}

	@Test
	void unitQueueDoesNotGrowWithItsRows() throws Exception {
		dispatchedToRsj(2, TriageLevel.ROUTINE);
		int before = statementsFor(() -> get("/unit/tickets").with(user(this.users.loadUserByUsername("rsj"))));
		dispatchedToRsj(12, TriageLevel.ROUTINE);
		int after = statementsFor(() -> get("/unit/tickets").with(user(this.users.loadUserByUsername("rsj"))));
		assertThat(after).isEqualTo(before).isLessThanOrEqualTo(12);
	}

	/**
	 * "更多" asks for the page after the last row's sort key: page 3 costs the statements page 2 does, whatever the
	 * queue's length (an offset would not grow the count either, but the rows it skips; see the plans in
	 * {@code ticket.QueuePagesIntegrationTests}).
	 */
	@Test
	void laterPagesOfTheQueuesAreAsFewStatementsAsEachOther() throws Exception {
		List<String> waiting = QueuePages.waiting(this.workflow, TriageLevel.URGENT, 2 * TicketQueries.PAGE_SIZE + 1,
				"查询计数：分页");
		List<String> dispatched = QueuePages.waiting(this.workflow, TriageLevel.URGENT, 2 * TicketQueries.PAGE_SIZE + 1,
				"查询计数：单位分页");
		dispatched.forEach((no) -> this.workflow.dispatch(no, "zrzyj", List.of(), null, null, OPERATOR));
		try {
			for (String[] list : new String[][] { { "operator", "/queues/urgent" }, { "zrzyj", "/unit/tickets?tab=NEW" } }) {
				var viewer = user(this.users.loadUserByUsername(list[0]));
				String second = QueuePages.page(this.mvc.perform(get(list[1]).with(viewer)).andReturn().getResponse()
					.getContentAsString()).more();
				String third = QueuePages.page(this.mvc.perform(get(second).header("HX-Request", "true").with(viewer))
					.andReturn().getResponse().getContentAsString()).more();
				assertThat(third).as(list[1] + " has a third page").isNotNull();
				int page2 = statementsFor(() -> get(second).header("HX-Request", "true").with(viewer));
				int page3 = statementsFor(() -> get(third).header("HX-Request", "true").with(viewer));
				// the page's one statement (and the returns' reasons where returned tickets are on it), plus the
				// session that the counted request's CSRF token opens (two inserts)
				assertThat(page3).as(list[1]).isEqualTo(page2).isLessThanOrEqualTo(4);
			}
		}
		finally {
			QueuePages.close(this.workflow, waiting);
		}
	}

	@Test
	void ticketPageDoesNotGrowWithItsTimeline() throws Exception {
		String no = pending(1, TriageLevel.ROUTINE).get(0);
		int before = statementsFor(() -> get("/tickets/" + no).with(user(this.users.loadUserByUsername("operator"))));
		for (int i = 0; i < 25; i++) {
			this.workflow.addFollowUp(no, "市民再次来电催办，第" + (i + 1) + "次", OPERATOR);
		}
		int after = statementsFor(() -> get("/tickets/" + no).with(user(this.users.loadUserByUsername("operator"))));
		assertThat(after).isEqualTo(before).isLessThanOrEqualTo(12);
	}

	@Test
	void dashboardIsABoundedNumberOfQueries() throws Exception {
		int before = statementsFor(() -> get("/supervision").with(user(this.users.loadUserByUsername("supervisor"))));
		dispatchedToRsj(10, TriageLevel.URGENT);
		int after = statementsFor(() -> get("/supervision").with(user(this.users.loadUserByUsername("supervisor"))));
		assertThat(after).isEqualTo(before).isLessThanOrEqualTo(40);
	}

	@Test
	void creatingATicketThroughTheApiIsAFewStatementsInOneTransaction() throws Exception {
		createThroughTheApi("13812340001"); // the first use publishes the default triage rules: not the hot path
		StatementCounter.reset();
		createThroughTheApi("13812340002");
		List<String> statements = StatementCounter.statements();
		System.out.println("POST /api/v1/tickets: " + statements.size() + " statements, " + StatementCounter.commits()
				+ " commits");
		statements.forEach((sql) -> System.out.println("  " + sql.replaceAll("\\s+", " ")));
		// Its own statements: the account (loaded fresh on every call), the id, the ticket, its two timeline rows and
		// the audit record (one statement, audit_append); plus one event_publication row per module listening to
		// TicketRegistered (triage's clusters and repeat callers, enforcement supervision): a new listener is a
		// deliberate +1 here. The dashboard rollup (decision 0007) listens to TicketRegistered and to TicketQueued,
		// which the same registration publishes when it queues at once: +2. The token's owner is remembered and the
		// 201 is built from what was written, so neither the token nor the new ticket is read again.
		assertThat(statements).hasSizeLessThanOrEqualTo(12);
		assertThat(statements).noneMatch((sql) -> sql.contains("api_token"));
		assertThat(statements).filteredOn((sql) -> sql.startsWith("select t1_0.id")).isEmpty();
		assertThat(StatementCounter.commits()).isLessThanOrEqualTo(2);
	}

	private void createThroughTheApi(String phone) throws Exception {
		this.mvc
			.perform(post("/api/v1/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer demo-operator-token")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"callerName":"张先生","callerPhone":"%s","districtCode":"chongchuan",
						 "requestType":"COMPLAINT","channel":"PHONE","description":"和平桥小区电梯经常故障，物业不及时维修"}"""
					.formatted(phone)))
			.andExpect(status().isCreated());
	}

	private int statementsFor(Supplier<MockHttpServletRequestBuilder> request) throws Exception {
		this.mvc.perform(request.get()).andExpect(status().isOk()); // warm caches (reference data, templates)
		StatementCounter.reset();
		this.mvc.perform(request.get().with(csrf())).andExpect(status().isOk());
		List<String> statements = StatementCounter.statements();
		System.out.println(statements.size() + " statements:");
		statements.forEach((sql) -> System.out.println("  " + sql.replaceAll("\\s+", " ")));
		return statements.size();
	}

	private List<String> pending(int count, TriageLevel level) {
		return java.util.stream.IntStream.range(0, count).mapToObj((i) -> {
			NewTicket request = new NewTicket("王女士", "13912340" + String.format("%03d", i), false, false, "崇川区和平桥街道",
					"chongchuan", null, "查询计数测试：社保卡补办进度第" + i + "次", RequestType.HELP, "SB.YL", Channel.PHONE,
					null, false, null);
			return this.workflow.register(request, Grade.manual(level), TicketWorkflow.Outcome.QUEUE, null, OPERATOR)
				.ticketNo();
		}).toList();
	}

	private void dispatchedToRsj(int count, TriageLevel level) {
		for (String no : pending(count, level)) {
			this.workflow.dispatch(no, "rsj", List.of(), "请按职责办理", null, OPERATOR);
		}
		assertThat(this.directory.unit("rsj")).isPresent();
	}

}
