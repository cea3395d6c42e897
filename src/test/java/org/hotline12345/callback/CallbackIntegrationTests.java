package org.hotline12345.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.QueuePages;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 回访 through the operator's screens: satisfied closes, not satisfied reopens to the same unit, three unanswered calls
 * close as unreached; the full number only with a reason and an audit record; and who may not come here.
 */
@HotlineIntegrationTest
class CallbackIntegrationTests {

	static final String PHONE = "13712349876";

	@Autowired
	MockMvc mvc;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	Actor rsj() {
		return new Actor("rsj", Role.UNIT_STAFF,
				this.jdbc.queryForObject("select id from unit where code = 'rsj'", Long.class));
	}

	/** A ticket the unit has replied to: waiting for the callback. */
	String replied(String description, String answer) {
		NewTicket request = new NewTicket("王先生", PHONE, false, false, "崇川区某小区", "chongchuan", null, description,
				RequestType.COMPLAINT, "SB.YL", Channel.PHONE, null, false, null);
		String no = this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE,
				null, this.operator).ticketNo();
		this.workflow.dispatch(no, "rsj", List.of(), null, null, this.operator);
		this.workflow.accept(no, null, rsj());
		this.workflow.reply(no, ReplyOutcome.SOLVED, answer, null, rsj());
		return no;
	}

	Map<String, Object> row(String no) {
		return this.jdbc.queryForMap("select status, close_reason, satisfaction, callback_attempts, lead_unit_id,"
				+ " reopen_count, version from ticket where ticket_no = ?", no);
	}

	String version(String no) {
		return String.valueOf(row(no).get("version"));
	}

	MockHttpServletRequestBuilder callback(String no) {
		return post("/callback/{no}", no).with(as("operator")).with(csrf()).param("version", version(no));
	}

	@Test
	void theQueueShowsTheUnitsAnswerAndASatisfiedCitizenClosesTheLoop() throws Exception {
		String no = replied("养老金少发了两个月", "经核查已补发两个月养老金");
		// Its callback deadline long past (older than any other test's tickets in the shared database): first in the queue
		// (oldest deadline first), overdue in red.
		this.jdbc.update("update ticket set callback_due_at = timestamptz '2000-01-03 09:00+08' where ticket_no = ?", no);
		String queue = this.mvc.perform(get("/callback").with(as("operator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("经核查已补发两个月养老金")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String rows = queue.substring(queue.indexOf("<tbody>"));
		String first = rows.substring(rows.indexOf("href=\"/callback/") + 6);
		assertThat(first).startsWith("/callback/" + no + "\"");
		assertThat(rows.substring(0, rows.indexOf("</tr>"))).contains("class=\"overdue\"");
		this.mvc.perform(get("/callback/{no}", no).with(as("operator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("137****9876")))
			.andExpect(content().string(not(containsString(PHONE))));

		this.mvc.perform(callback(no).param("reached", "true")
			.param("solved", "true")
			.param("satisfaction", "SATISFIED")
			.param("note", "市民表示满意"))
			.andExpect(redirectedUrl("/callback"));
		Map<String, Object> after = row(no);
		assertThat(after.get("status")).isEqualTo("CLOSED");
		assertThat(after.get("close_reason")).isEqualTo("CALLBACK");
		assertThat(after.get("satisfaction")).isEqualTo("SATISFIED");
	}

	@Test
	void aReachedCitizensSatisfactionIsRequired() throws Exception {
		String no = replied("医保报销迟迟未到账", "已加急处理");
		this.mvc.perform(callback(no).param("reached", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已接通时请选择满意度")));
		assertThat(row(no).get("status")).isEqualTo("CALLBACK_PENDING");
	}

	@Test
	void aDissatisfiedCitizensTicketIsReopenedToTheSameUnit() throws Exception {
		String no = replied("社保转移一直没有办好", "已告知市民办理流程");
		Object unit = row(no).get("lead_unit_id");
		this.mvc.perform(post("/callback/{no}/reopen", no).with(as("operator")).with(csrf())
			.param("version", version(no))
			.param("reason", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写重办理由")));

		this.mvc.perform(post("/callback/{no}/reopen", no).with(as("operator")).with(csrf())
			.param("version", version(no))
			.param("reason", "市民不满意：只告知流程，转移仍未办成"))
			.andExpect(redirectedUrl("/callback"));
		Map<String, Object> after = row(no);
		assertThat(after.get("status")).isEqualTo("IN_PROGRESS");
		assertThat(after.get("lead_unit_id")).isEqualTo(unit);
		assertThat(after.get("reopen_count")).isEqualTo(1);
		// rsj has many tickets in progress in the shared database: the reopened one may be on a later page
		assertThat(QueuePages.tickets(QueuePages.walk(this.mvc, as("rsj"), "/unit/tickets?tab=IN_PROGRESS", false)))
			.contains(no);
	}

	@Test
	void aStaleReopenIsRefusedAsChangedBySomeoneElse() throws Exception {
		String no = replied("失业登记无法办理", "已办理");
		String seen = version(no);
		this.workflow.recordCallback(no, false, null, null, "无人接听", null, this.operator);
		this.mvc.perform(post("/callback/{no}/reopen", no).with(as("operator")).with(csrf())
			.param("version", seen)
			.param("reason", "不满意"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已被他人修改")));
		assertThat(row(no).get("status")).isEqualTo("CALLBACK_PENDING");
	}

	@Test
	void theThirdUnansweredCallClosesTheTicketAsUnreached() throws Exception {
		String no = replied("公积金提取咨询", "已电话答复");
		this.mvc.perform(callback(no).param("reached", "false")).andExpect(redirectedUrl("/callback/" + no));
		this.mvc.perform(get("/callback/{no}", no).with(as("operator")))
			.andExpect(content().string(containsString("已回访 1 次")));
		this.mvc.perform(callback(no).param("reached", "false")).andExpect(redirectedUrl("/callback/" + no));
		assertThat(row(no).get("status")).isEqualTo("CALLBACK_PENDING");
		this.mvc.perform(callback(no).param("reached", "false").param("satisfaction", "SATISFIED"))
			.andExpect(redirectedUrl("/callback"));
		Map<String, Object> after = row(no);
		assertThat(after.get("status")).isEqualTo("CLOSED");
		assertThat(after.get("close_reason")).isEqualTo("UNREACHED");
		assertThat(after.get("callback_attempts")).isEqualTo(3);
		assertThat(after.get("satisfaction")).isNull();
	}

	@Test
	void revealingTheNumberNeedsAReasonAndIsAudited() throws Exception {
		String no = replied("工伤待遇未发放", "已发放");
		int before = piiViews(no);
		this.mvc.perform(post("/callback/{no}/reveal", no).with(as("operator")).with(csrf()).param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写查看完整号码的理由")))
			.andExpect(content().string(not(containsString(PHONE))));
		assertThat(piiViews(no)).isEqualTo(before);

		MvcResult result = this.mvc.perform(post("/callback/{no}/reveal", no).with(as("operator")).with(csrf())
			.param("reason", "回访市民"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(PHONE)))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isNull();
		assertThat(piiViews(no)).isEqualTo(before + 1);
		Map<String, Object> audit = this.jdbc.queryForMap("select actor, outcome, detail from audit_log"
				+ " where event_type = 'PII_VIEW' and object_id = ? order by id desc limit 1", no);
		assertThat(audit.get("actor")).isEqualTo("operator");
		assertThat(audit.get("outcome")).isEqualTo("SUCCESS");
		assertThat((String) audit.get("detail")).contains("回访市民").doesNotContain(PHONE).doesNotContain("9876");

		this.mvc.perform(get("/callback/{no}", no).with(as("operator")))
			.andExpect(content().string(not(containsString(PHONE))));
	}

	@Test
	void unitStaffMayNotRevealNorUseTheCallbackScreens() throws Exception {
		String no = replied("养老待遇资格认证", "已认证");
		int before = piiViews(no);
		this.mvc.perform(post("/callback/{no}/reveal", no).with(as("rsj")).with(csrf()).param("reason", "想看"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString(PHONE))));
		assertThat(piiViews(no)).isEqualTo(before);
		this.mvc.perform(get("/callback").with(as("rsj"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/callback/{no}", no).with(as("rsj"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/callback/{no}", no).with(as("rsj")).with(csrf())
			.param("version", version(no))
			.param("reached", "true")
			.param("satisfaction", "SATISFIED")).andExpect(status().isForbidden());
		this.mvc.perform(get("/callback").with(as("supervisor"))).andExpect(status().isForbidden());
		assertThat(row(no).get("status")).isEqualTo("CALLBACK_PENDING");
	}

	@Test
	void aTicketNotDueForCallbackOffersNoOutcomeAndNoReveal() throws Exception {
		String no = replied("住房补贴申请", "已受理");
		this.workflow.recordCallback(no, true, true, org.hotline12345.ticket.Satisfaction.SATISFIED, null, null,
				this.operator);
		this.mvc.perform(get("/callback/{no}", no).with(as("operator")))
			.andExpect(content().string(not(containsString("/callback/" + no + "/reveal"))));
		this.mvc.perform(post("/callback/{no}/reveal", no).with(as("operator")).with(csrf()).param("reason", "回访"))
			.andExpect(status().isConflict())
			.andExpect(content().string(not(containsString(PHONE))));
		this.mvc.perform(callback(no).param("reached", "true").param("satisfaction", "SATISFIED"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("当前状态为「已办结」")));
	}

	@Test
	void theReviewListSaysWhenReviewIsSwitchedOff() throws Exception {
		this.mvc.perform(get("/callback/review").with(as("operator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("审核未开启")));
	}

	@Test
	void aLongReviewListShowsTheLongestWaitingWithTheirAnswersAndTheTotal() throws Exception {
		List<String> waiting = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			waiting.add(replied("审核列表第" + i + "件诉求", "第" + i + "件的答复"));
		}
		// As if review were on: the replies wait for the centre instead of the callback.
		this.jdbc.update("update ticket set status = 'REPLIED' where ticket_no = any(?)", (Object) waiting.toArray(String[]::new));
		try {
			int total = this.jdbc.queryForObject("select count(*) from ticket where status = 'REPLIED'", Integer.class);
			String page = this.mvc.perform(get("/callback/review").with(as("operator")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("共 " + total + " 件待审核，先显示等待最久的 30 件")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page.split("<section class=\"panel\"", -1)).hasSize(31);
			assertThat(page).contains("审核列表第0件诉求", "第0件的答复").doesNotContain("审核列表第31件诉求");
		}
		finally {
			this.jdbc.update("update ticket set status = 'CALLBACK_PENDING' where ticket_no = any(?)",
					(Object) waiting.toArray(String[]::new));
		}
	}

	int piiViews(String no) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_log where event_type = 'PII_VIEW' and object_id = ?", Integer.class, no);
	}

}
