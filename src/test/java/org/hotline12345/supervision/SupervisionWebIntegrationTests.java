package org.hotline12345.supervision;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The supervision screens as a supervisor uses them, and as other roles are refused them. */
@HotlineIntegrationTest
class SupervisionWebIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	DepartmentDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	String urgentTicketWith(String unit) {
		NewTicket request = new NewTicket("李先生", "13700001111", false, false, "海门区某小区", "haimen", null,
				"整栋楼停水二十小时，老人无法做饭", RequestType.HELP, "GY.GS", Channel.PHONE, null, false, null);
		String no = this.workflow.register(request, Grade.manual(TriageLevel.URGENT), TicketWorkflow.Outcome.QUEUE,
				null, this.operator).ticketNo();
		this.workflow.dispatch(no, unit, List.of(), null, null, this.operator);
		return no;
	}

	@ParameterizedTest(name = "{0} GET {1} -> 403")
	@CsvSource({ "operator, /supervision", "operator, /supervision/assessment", "operator, /supervision/weekly-report",
			"operator, /supervision/tickets", "operator, /supervision/orders", "operator, /supervision/hotspots",
			"operator, /supervision/charts/trend", "rsj, /supervision", "rsj, /supervision/assessment/export",
			"rsj, /supervision/panels/urgent", "auditor, /supervision/orders", "sysadmin, /supervision/hotspots" })
	void onlySupervisorsReachSupervision(String username, String url) throws Exception {
		this.mvc.perform(get(url).with(as(username))).andExpect(status().isForbidden());
	}

	@Test
	void unitStaffCannotIssueOrders() throws Exception {
		String no = urgentTicketWith("swjt");
		this.mvc.perform(post("/supervision/tickets/{no}/order", no).param("note", "x").with(csrf()).with(as("swjt")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theDashboardShowsTheUrgentBoardAndEveryPanelRefreshesAlone() throws Exception {
		String no = urgentTicketWith("swjt");
		this.mvc.perform(get("/supervision").with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(no)))
			.andExpect(content().string(containsString("hx-trigger=\"every 30s\"")))
			.andExpect(content().string(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js")));
		for (String panel : List.of("today", "open", "urgent", "due", "rates", "hot")) {
			this.mvc.perform(get("/supervision/panels/" + panel).with(as("supervisor")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"panel-" + panel + "\"")));
		}
		this.mvc.perform(get("/supervision/panels/nope").with(as("supervisor"))).andExpect(status().isNotFound());
	}

	@Test
	void chartsComeAsJsonWithALinkPerBar() throws Exception {
		urgentTicketWith("swjt");
		this.mvc.perform(get("/supervision/charts/trend").with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.labels.length()").value(30))
			.andExpect(jsonPath("$.links[29]").value(containsString("/supervision/tickets?from=")));
		this.mvc.perform(get("/supervision/charts/districts").with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.labels").value(org.hamcrest.Matchers.hasItem("海门区")))
			.andExpect(jsonPath("$.links[0]").value(containsString("district=")));
	}

	@Test
	void aNumberClicksThroughToItsTickets() throws Exception {
		String no = urgentTicketWith("swjt");
		this.mvc.perform(get("/supervision/tickets").param("open", "true").param("urgent", "true")
			.param("unit", "swjt").param("category", "GY").param("district", "haimen").with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/tickets/" + no)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("13700001111"))));
		this.mvc.perform(get("/supervision/tickets").param("unit", "rsj").param("category", "GY.GS")
			.with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(no))));
		this.mvc.perform(get("/supervision/tickets").param("level", "NOT_A_LEVEL").with(as("supervisor")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anOrderIsIssuedTrackedAndCompletedWhenTheUnitReplies() throws Exception {
		String no = urgentTicketWith("swjt");
		this.mvc.perform(get("/supervision/tickets/{no}/order", no).with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(view().name("supervision/order-form"));
		this.mvc.perform(post("/supervision/tickets/{no}/order", no).param("note", "").with(csrf()).with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "note", "dueAt"));
		this.mvc.perform(post("/supervision/tickets/{no}/order", no).param("note", "请两小时内恢复供水并回复")
			.param("dueAt", "2099-01-01T12:00")
			.with(csrf())
			.with(as("supervisor")))
			.andExpect(redirectedUrl("/supervision/orders"))
			.andExpect(flash().attribute("message", "supervision.order.issued.ORDER"));
		this.mvc.perform(post("/supervision/tickets/{no}/remind", no).param("note", "请尽快签收")
			.with(csrf())
			.with(as("supervisor"))).andExpect(redirectedUrl("/supervision/orders"));
		this.mvc.perform(get("/supervision/orders").with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(no)));
		assertThat(this.jdbc.queryForList("select type from ticket_event e join ticket t on t.id = e.ticket_id"
				+ " where t.ticket_no = ? order by e.id", String.class, no)).contains("SUPERVISION_ORDER", "REMINDER");
		assertThat(openOrders(no)).isEqualTo(2);

		Actor swjt = new Actor("swjt", Role.UNIT_STAFF, this.directory.unit("swjt").orElseThrow().id());
		this.workflow.accept(no, null, swjt);
		this.workflow.reply(no, ReplyOutcome.SOLVED, "已恢复供水", null, swjt);
		await().atMost(Duration.ofSeconds(10)).until(() -> openOrders(no) == 0);
	}

	@Test
	void anOrderOnATicketNoUnitHoldsIsRefusedOnTheForm() throws Exception {
		NewTicket request = new NewTicket("赵女士", "13600002222", false, false, null, "haimen", null, "咨询", RequestType.HELP,
				"GY.GS", Channel.PHONE, null, false, null);
		String no = this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE,
				null, this.operator).ticketNo();
		this.mvc.perform(post("/supervision/tickets/{no}/remind", no).param("note", "请办理").with(csrf()).with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(model().attributeExists("error"));
		assertThat(openOrders(no)).isZero();
		this.mvc.perform(get("/supervision/tickets/{no}/order", "NT00000000999999").with(as("supervisor")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aProactiveTaskIsOpenedFromTheHotspotsPageAndMarkedDone() throws Exception {
		this.mvc.perform(get("/supervision/hotspots").param("category", "GY.GS").param("district", "haimen")
			.param("unit", "swjt").with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"GY.GS\"")));
		this.mvc.perform(post("/supervision/hotspots/tasks").param("categoryCode", "GY.GS").param("districtCode", "haimen")
			.param("unitCode", "nope").param("note", "").param("dueDate", "2000-01-01").with(csrf()).with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "unitCode", "note", "dueDate"));
		this.mvc.perform(post("/supervision/hotspots/tasks").param("categoryCode", "GY.GS").param("districtCode", "haimen")
			.param("unitCode", "swjt").param("note", "排查海门区老旧管网，提前发布停水通知").param("dueDate", "2099-01-01")
			.with(csrf())
			.with(as("supervisor"))).andExpect(redirectedUrl("/supervision/hotspots"));
		Long id = this.jdbc.queryForObject("select max(id) from proactive_task where note like '排查海门区%'", Long.class);
		this.mvc.perform(post("/supervision/hotspots/tasks/{id}/done", id).with(csrf()).with(as("supervisor")))
			.andExpect(flash().attribute("message", "supervision.task.done"));
		assertThat(this.jdbc.queryForObject("select status from proactive_task where id = ?", String.class, id))
			.isEqualTo("DONE");
	}

	@Test
	void theAssessmentPageShowsDefinitionsAndItsXlsxOpensAndIsAudited() throws Exception {
		urgentTicketWith("swjt");
		this.mvc.perform(get("/supervision/assessment").with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("水务集团")))
			.andExpect(content().string(containsString("回访接通的工单")));
		long before = this.jdbc.queryForObject("select count(*) from audit_log where event_type = 'EXPORT'"
				+ " and object_type = 'ASSESSMENT'", Long.class);
		MvcResult result = this.mvc.perform(get("/supervision/assessment/export").param("format", "xlsx")
			.with(as("supervisor"))).andExpect(status().isOk()).andReturn();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(workbook.getSheetAt(1).getRow(0).getCell(2).getStringCellValue()).isEqualTo("受理量");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from audit_log where event_type = 'EXPORT'"
				+ " and object_type = 'ASSESSMENT'", Long.class)).isEqualTo(before + 1);
		this.mvc.perform(get("/supervision/assessment/export").param("format", "csv").with(as("supervisor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("水务集团")));
	}

	int openOrders(String no) {
		return this.jdbc.queryForObject("select count(*) from supervision_order o join ticket t on t.id = o.ticket_id"
				+ " where t.ticket_no = ? and o.completed_at is null", Integer.class, no);
	}

}
