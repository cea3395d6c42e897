package org.hotline12345.dispatch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.QueuePages;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.HotlineUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The centre's screens as the dispatcher and the supervisor use them: the queues, the dispatch screen with its
 * suggestions, dispatch by post/redirect/get, a stale form, level override, merge, close, reopen, the extension
 * decisions, and who is refused.
 */
@HotlineIntegrationTest
class DispatchWebIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TicketQueries queries;

	@Autowired
	DepartmentDirectory directory;

	DispatchFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new DispatchFixtures(this.workflow, this.directory);
	}

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	TicketDetails ticket(String no) {
		return this.queries.find(no, (HotlineUser) this.users.loadUserByUsername("supervisor")).orElseThrow();
	}

	@Test
	void theUrgentQueueShowsCriticalFirstWithTextAndIconAndNotRoutine() throws Exception {
		String urgent = this.fixtures.pending(TriageLevel.URGENT, "SB.YL", "小区整栋楼停水二十小时");
		String critical = this.fixtures.pending(TriageLevel.CRITICAL, "SB.YL", "楼道里有很浓的煤气味");
		String routine = this.fixtures.pending(TriageLevel.ROUTINE, "SB.YL", "养老保险转移咨询");

		// The queues show fifty at a time and the suite's database holds other waiting tickets: walk every page.
		List<QueuePages.Page> urgentPages = QueuePages.walk(this.mvc, as("operator"), "/queues/urgent", false);
		List<String> urgentQueue = QueuePages.tickets(urgentPages);
		assertThat(urgentQueue).contains(critical, urgent).doesNotContain(routine);
		assertThat(urgentQueue.indexOf(critical)).isLessThan(urgentQueue.indexOf(urgent));
		String html = urgentPages.get(0).html();
		assertThat(html).contains("row-critical", "⚠", "特急", "件特急工单待派单");
		assertThat(html).contains("hx-get=\"/queues/urgent\"", "every 10s", "/js/dispatch.js");

		List<String> routineQueue = QueuePages.tickets(QueuePages.walk(this.mvc, as("supervisor"), "/queues/routine", false));
		assertThat(routineQueue).contains(routine).doesNotContain(critical, urgent);
	}

	@Test
	void thePollingRequestGetsOnlyTheTable() throws Exception {
		String critical = this.fixtures.pending(TriageLevel.CRITICAL, "SB.YL", "电梯困人，老人在里面");
		String fragment = this.mvc.perform(get("/queues/urgent").header("HX-Request", "true").with(as("operator")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(fragment).contains("<table").doesNotContain("<html", "sidenav", "queue-head");
		assertThat(QueuePages.page(fragment).tickets()).isNotEmpty();
		assertThat(QueuePages.tickets(QueuePages.walk(this.mvc, as("operator"), "/queues/urgent", true))).contains(critical);
	}

	@Test
	void theReturnedQueueShowsTheUnitsReasonAndWhenASupervisorMustRule() throws Exception {
		String no = this.fixtures.returnedTwice("小区门口违章搭建");
		String html = this.mvc.perform(get("/queues/returned").with(as("operator")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains(no, "交警支队", "非交通管理事项，建议属地处理", "已退单 2 次", "须值班长裁定");
	}

	@Test
	void theDispatchScreenRanksSuggestionsWithTheirReasons() throws Exception {
		this.fixtures.solvedAndClosed("SB.YL", "chongchuan", "养老保险断缴补缴");
		String no = this.fixtures.pending(TriageLevel.ROUTINE, "SB.YL", "退休金迟迟未到账");

		String html = this.mvc.perform(get("/dispatch/{no}", no).with(as("operator")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains(no, "退休金迟迟未到账", "分级依据", "139****5678");
		assertThat(html).contains("人社局", "派单目录：社会保险 / 养老保险");
		assertThat(html).contains("崇川区", "同类工单，市民满意");
		assertThat(html).contains("name=\"version\"", "name=\"assistUnitCodes\"", "name=\"otherLeadUnitCode\"");
		// The catalogue's lead is proposed first.
		assertThat(html).containsPattern("<input type=\"radio\"[^>]*value=\"rsj\"[^>]*checked");
	}

	@Test
	void aCriticalTicketShowsTheLeadUnitsDutyPhone() throws Exception {
		String no = this.fixtures.pending(TriageLevel.CRITICAL, "SB.YL", "被蛇咬伤，附近医院没有抗蛇毒血清");
		String phone = this.directory.unit("rsj").orElseThrow().phone();
		String html = this.mvc.perform(get("/dispatch/{no}", no).with(as("operator")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("特急：先电话联系承办单位，再派单");
		if (phone != null) {
			assertThat(html).contains("tel:" + phone);
		}
	}

	@Test
	void dispatchingRedirectsToTheQueueNamingTicketAndUnit() throws Exception {
		String no = this.fixtures.pending(TriageLevel.ROUTINE, "SB.YL", "养老金发放查询");
		long version = ticket(no).version();

		this.mvc.perform(post("/dispatch/{no}", no).with(as("operator")).with(csrf())
			.param("leadUnitCode", "rsj")
			.param("assistUnitCodes", "chongchuan")
			.param("note", "请三个工作日内联系市民")
			.param("version", String.valueOf(version))
			.param("from", "routine"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/queues/routine"))
			.andExpect(flash().attribute("notice", "工单 " + no + " 已派至 人社局。"));

		TicketDetails after = ticket(no);
		assertThat(after.status()).isEqualTo(TicketStatus.DISPATCHED);
		assertThat(after.leadUnitCode()).isEqualTo("rsj");
		assertThat(after.assistUnitNames()).containsExactly("崇川区");
		assertThat(after.timeline()).anySatisfy((e) -> assertThat(e.note()).isEqualTo("请三个工作日内联系市民"));
	}

	@Test
	void anotherUnitChosenFromTheListOfAllUnitsLeads() throws Exception {
		String no = this.fixtures.pending(TriageLevel.URGENT, "SB.YL", "路口信号灯全部熄灭");
		this.mvc.perform(post("/dispatch/{no}", no).with(as("operator")).with(csrf())
			.param("leadUnitCode", DispatchForms.OTHER)
			.param("otherLeadUnitCode", "jjzd")
			.param("version", String.valueOf(ticket(no).version())))
			.andExpect(redirectedUrl("/queues/urgent"));
		assertThat(ticket(no).leadUnitCode()).isEqualTo("jjzd");
	}

	@Test
	void noLeadUnitIsAFieldErrorAndTheTicketStays() throws Exception {
		String no = this.fixtures.pending(TriageLevel.ROUTINE, "SB.YL", "社保卡补办");
		this.mvc.perform(post("/dispatch/{no}", no).with(as("operator")).with(csrf())
			.param("leadUnitCode", DispatchForms.OTHER)
			.param("note", "我写的说明")
			.param("version", String.valueOf(ticket(no).version())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请选择主办单位。")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("我写的说明")));
		assertThat(ticket(no).status()).isEqualTo(TicketStatus.PENDING_DISPATCH);
	}

	@Test
	void aStaleFormSaysChangedBySomeoneElseAndShowsTheFreshState() throws Exception {
		String no = this.fixtures.pending(TriageLevel.ROUTINE, "SB.YL", "医保报销比例咨询");
		long seen = ticket(no).version();
		this.workflow.overrideLevel(no, TriageLevel.URGENT, "市民病情加重", DispatchFixtures.SUPERVISOR);

		String html = this.mvc.perform(post("/dispatch/{no}", no).with(as("operator")).with(csrf())
			.param("leadUnitCode", "rsj")
			.param("version", String.valueOf(seen)))
			.andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("已被他人修改", "人工调整等级", "市民病情加重");
		TicketDetails after = ticket(no);
		assertThat(after.status()).isEqualTo(TicketStatus.PENDING_DISPATCH);
		assertThat(html).contains("name=\"version\" value=\"" + after.version() + "\"");
	}

	@Test
	void theLevelIsOverriddenOnlyWithAReason() throws Exception {
		String no = this.fixtures.pending(TriageLevel.ROUTINE, "SB.YL", "独居老人家中断电");
		this.mvc.perform(post("/dispatch/{no}/level", no).with(as("operator")).with(csrf())
			.param("level", "URGENT").param("reason", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请写明调整理由。")));
		assertThat(ticket(no).level()).isEqualTo(TriageLevel.ROUTINE);

		this.mvc.perform(post("/dispatch/{no}/level", no).with(as("operator")).with(csrf())
			.param("level", "URGENT").param("reason", "独居老人，冬季断电"))
			.andExpect(redirectedUrl("/dispatch/" + no))
			.andExpect(flash().attribute("notice", "工单 " + no + " 的等级已调整为「紧急」。"));
		TicketDetails after = ticket(no);
		assertThat(after.level()).isEqualTo(TriageLevel.URGENT);
		assertThat(after.levelOverridden()).isTrue();
	}

	@Test
	void aChildIsMergedIntoItsMasterByNumber() throws Exception {
		String master = this.fixtures.pending(TriageLevel.URGENT, "SB.YL", "某小区自来水发黄");
		String child = this.fixtures.pending(TriageLevel.ROUTINE, "SB.YL", "我家自来水也是黄的");

		this.mvc.perform(post("/dispatch/{no}/merge", child).with(as("operator")).with(csrf())
			.param("masterNo", "NT00000000000000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("没有这个工单号")));

		this.mvc.perform(post("/dispatch/{no}/merge", child).with(as("operator")).with(csrf())
			.param("masterNo", master.toLowerCase()))
			.andExpect(redirectedUrl("/queues/urgent"))
			.andExpect(flash().attribute("notice", "工单 " + child + " 已并入母工单 " + master + "。"));
		TicketDetails after = ticket(child);
		assertThat(after.status()).isEqualTo(TicketStatus.MERGED);
		assertThat(after.masterNo()).isEqualTo(master);
	}

	@Test
	void onlyASupervisorClosesAsUnreasonable() throws Exception {
		String no = this.fixtures.pending(TriageLevel.ROUTINE, "SB.YL", "要求政府赔偿彩票损失");
		this.mvc.perform(post("/dispatch/{no}/close", no).with(as("operator")).with(csrf())
			.param("reason", "UNREASONABLE").param("note", "不属于政府职责"))
			.andExpect(status().isForbidden());
		assertThat(ticket(no).status()).isEqualTo(TicketStatus.PENDING_DISPATCH);

		this.mvc.perform(post("/dispatch/{no}/close", no).with(as("supervisor")).with(csrf())
			.param("reason", "UNREASONABLE").param("note", "不属于政府职责"))
			.andExpect(redirectedUrl("/queues/urgent"));
		TicketDetails after = ticket(no);
		assertThat(after.status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(after.closeReason()).hasToString("UNREASONABLE");
	}

	@Test
	void aSupervisorReopensAClosedTicketWithAReason() throws Exception {
		String no = this.fixtures.solvedAndClosed("SB.YL", "rsj", "养老保险待遇核定");
		this.mvc.perform(post("/dispatch/{no}/reopen", no).with(as("operator")).with(csrf())
			.param("reason", "市民反映问题未解决"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/dispatch/{no}/reopen", no).with(as("supervisor")).with(csrf()).param("reason", ""))
			.andExpect(status().isBadRequest());

		this.mvc.perform(post("/dispatch/{no}/reopen", no).with(as("supervisor")).with(csrf())
			.param("reason", "市民反映问题未解决"))
			.andExpect(redirectedUrl("/dispatch/" + no));
		TicketDetails after = ticket(no);
		assertThat(after.status()).isEqualTo(TicketStatus.IN_PROGRESS);
		assertThat(after.reopenCount()).isEqualTo(1);
	}

	@Test
	void afterTwoReturnsOnlyTheSupervisorDispatches() throws Exception {
		String no = this.fixtures.returnedTwice("河道边有人倾倒垃圾");
		String html = this.mvc.perform(get("/dispatch/{no}", no).with(as("operator")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("须值班长裁定后派单", "不属于人社局职责").doesNotContain("dispatch-form");

		this.mvc.perform(post("/dispatch/{no}", no).with(as("operator")).with(csrf())
			.param("leadUnitCode", "chongchuan").param("version", String.valueOf(ticket(no).version())))
			.andExpect(status().isForbidden())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("须值班长裁定后派单")));
		assertThat(ticket(no).status()).isEqualTo(TicketStatus.PENDING_DISPATCH);

		this.mvc.perform(post("/dispatch/{no}", no).with(as("supervisor")).with(csrf())
			.param("leadUnitCode", "chongchuan").param("note", "裁定：属地处理")
			.param("version", String.valueOf(ticket(no).version())).param("from", "returned"))
			.andExpect(redirectedUrl("/queues/returned"));
		assertThat(ticket(no).leadUnitCode()).isEqualTo("chongchuan");
	}

	@Test
	void unitStaffAndOtherRolesAreRefused() throws Exception {
		String no = this.fixtures.pending(TriageLevel.ROUTINE, "SB.YL", "社保查询");
		for (String username : List.of("rsj", "sysadmin", "auditor")) {
			this.mvc.perform(get("/queues/urgent").with(as(username))).andExpect(status().isForbidden());
			this.mvc.perform(get("/dispatch/{no}", no).with(as(username))).andExpect(status().isForbidden());
			this.mvc.perform(post("/dispatch/{no}", no).with(as(username)).with(csrf())
				.param("leadUnitCode", "rsj").param("version", "0"))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/supervision/extensions").with(as("operator"))).andExpect(status().isForbidden());
		assertThat(ticket(no).status()).isEqualTo(TicketStatus.PENDING_DISPATCH);
	}

	@Test
	void anUnknownTicketIsNotFound() throws Exception {
		this.mvc.perform(get("/dispatch/{no}", "NT00000000000000").with(as("operator"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/dispatch").param("no", " nt20250101000001 ").with(as("operator")))
			.andExpect(redirectedUrl("/dispatch/NT20250101000001"));
		this.mvc.perform(get("/dispatch").param("no", "../admin").with(as("operator")))
			.andExpect(redirectedUrl("/queues/urgent"));
	}

	@Test
	void theSupervisorApprovesAnExtensionWithTheNewDeadline() throws Exception {
		String no = this.fixtures.dispatched(TriageLevel.ROUTINE, "rsj", "工伤认定材料补正");
		this.workflow.accept(no, null, this.fixtures.staffOf("rsj"));
		Instant asked = ticket(no).replyDueAt().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		this.workflow.requestExtension(no, asked, "需要等待劳动能力鉴定结论", this.fixtures.staffOf("rsj"));

		await().untilAsserted(() -> assertThat(this.mvc.perform(get("/supervision/extensions").with(as("supervisor")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString())
			.contains(no, "需要等待劳动能力鉴定结论", "人社局")
			.contains(LocalDateTime.ofInstant(asked, ZoneId.of("Asia/Shanghai")).toString().substring(0, 16)));

		MvcResult refused = this.mvc.perform(post("/supervision/extensions/{no}", no).with(as("supervisor")).with(csrf())
			.param("approve", "false"))
			.andExpect(redirectedUrl("/supervision/extensions"))
			.andReturn();
		assertThat((String) refused.getFlashMap().get("error")).contains("不同意延期时请写明理由");
		assertThat(ticket(no).extensionPending()).isTrue();

		String until = LocalDateTime.ofInstant(asked, ZoneId.of("Asia/Shanghai")).toString();
		this.mvc.perform(post("/supervision/extensions/{no}", no).with(as("supervisor")).with(csrf())
			.param("approve", "true").param("until", until).param("note", "同意"))
			.andExpect(redirectedUrl("/supervision/extensions"))
			.andExpect(flash().attribute("notice", "已同意工单 " + no + " 延期。"));
		TicketDetails after = ticket(no);
		assertThat(after.extensionPending()).isFalse();
		assertThat(after.replyDueAt()).isEqualTo(asked);
	}

	@Test
	void theSupervisorRefusesAnExtensionWithANote() throws Exception {
		String no = this.fixtures.dispatched(TriageLevel.ROUTINE, "rsj", "失业金申领进度");
		this.workflow.accept(no, null, this.fixtures.staffOf("rsj"));
		Instant due = ticket(no).replyDueAt();
		this.workflow.requestExtension(no, due.plus(2, ChronoUnit.DAYS), "人手不足", this.fixtures.staffOf("rsj"));
		this.mvc.perform(post("/supervision/extensions/{no}", no).with(as("supervisor")).with(csrf())
			.param("approve", "false").param("note", "请按原时限办理"))
			.andExpect(flash().attribute("notice", "已驳回工单 " + no + " 的延期申请。"));
		TicketDetails after = ticket(no);
		assertThat(after.extensionPending()).isFalse();
		assertThat(after.replyDueAt()).isEqualTo(due);
	}

}
