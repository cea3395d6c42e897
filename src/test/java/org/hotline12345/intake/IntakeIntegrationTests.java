package org.hotline12345.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.user.HotlineUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The operator's intake screen end to end on PostgreSQL: what is refused and how, the two ways out, the caller's
 * history and follow-ups, and that a form sent twice (one after the other, or at once) makes one ticket.
 */
@HotlineIntegrationTest
class IntakeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	TicketQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	HotlineUser operator() {
		return (HotlineUser) this.users.loadUserByUsername("operator");
	}

	static String phone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** The form as an operator fills it in; {@code overrides} are name, value pairs that replace or add fields. */
	MockHttpServletRequestBuilder intake(String token, String phone, String description, String... overrides) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("formToken", token);
		fields.put("callerPhone", phone);
		fields.put("callerName", "王女士");
		fields.put("description", description);
		fields.put("districtCode", "chongchuan");
		fields.put("address", "崇川区和平桥街道某小区3幢");
		fields.put("requestType", "CONSULTATION");
		fields.put("categoryCode", "SB.YL.GXZY");
		fields.put("channel", "PHONE");
		fields.put("serviceLine", "MAIN");
		fields.put("manualLevel", "ROUTINE");
		for (int i = 0; i + 1 < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/intake").with(user(operator())).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	String ticketNo(MvcResult result) {
		String url = result.getResponse().getRedirectedUrl();
		assertThat(url).startsWith("/intake/tickets/NT");
		return url.substring("/intake/tickets/".length());
	}

	TicketDetails ticket(String ticketNo) {
		return this.queries.find(ticketNo, operator()).orElseThrow();
	}

	@Test
	void theOperatorGetsTheScreenWithAOneTimeTokenAndTheLineFromTheUrl() throws Exception {
		this.mvc.perform(get("/intake").param("line", "TALENT").with(user(operator())))
			.andExpect(status().isOk())
			.andExpect(view().name("intake/form"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"formToken\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Alt")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"TALENT\" selected")));
	}

	@Test
	void unitStaffAndSupervisorsAreRefusedTheIntakeScreen() throws Exception {
		this.mvc.perform(get("/intake").with(user(this.users.loadUserByUsername("rsj")))).andExpect(status().isForbidden());
		this.mvc.perform(get("/intake").with(user(this.users.loadUserByUsername("supervisor"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(intake(UUID.randomUUID().toString(), phone(), "x").with(user(this.users.loadUserByUsername("rsj"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void registeredForDispatchTheTicketWaitsInTheQueue() throws Exception {
		MvcResult result = this.mvc.perform(intake(UUID.randomUUID().toString(), phone(), "养老保险关系从上海转回南通怎么办理"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String ticketNo = ticketNo(result);
		TicketDetails ticket = ticket(ticketNo);
		assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING_DISPATCH);
		assertThat(ticket.categoryCode()).isEqualTo("SB.YL.GXZY");
		assertThat(ticket.createdBy()).isEqualTo("operator");
		this.mvc.perform(get("/intake/tickets/" + ticketNo).with(user(operator())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(ticketNo)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("常规派单队列")));
	}

	@Test
	void aDirectAnswerClosesTheTicketWithTheAnswer() throws Exception {
		String token = UUID.randomUUID().toString();
		this.mvc.perform(intake(token, phone(), "公积金租房提取每年能取多少").param("outcome", "DIRECT_ANSWER"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "directAnswer", "intake.error.answer"));
		MvcResult result = this.mvc
			.perform(intake(token, phone(), "公积金租房提取每年能取多少").param("outcome", "DIRECT_ANSWER")
				.param("directAnswer", "无自有住房且租房自住的职工可以按年提取住房公积金。"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		TicketDetails ticket = ticket(ticketNo(result));
		assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(ticket.directAnswer()).isEqualTo("无自有住房且租房自住的职工可以按年提取住房公积金。");
	}

	@Test
	void badInputGetsChineseFieldErrorsAndKeepsWhatWasTyped() throws Exception {
		String phone = phone();
		String token = UUID.randomUUID().toString();
		this.mvc.perform(intake(token, phone, "   \t "))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "description"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请填写诉求内容")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(phone)));
		this.mvc.perform(intake(token, phone, "长".repeat(4001)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("诉求内容不能超过 4000 字")));
		this.mvc.perform(intake(token, "12345", "路灯不亮"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "callerPhone", "intake.error.phone"));
		this.mvc.perform(intake(token, phone, "路灯不亮", "categoryCode", "NOPE.X"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "categoryCode", "intake.error.category"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("路灯不亮")));
		this.mvc.perform(intake(token, phone, "路灯不亮", "districtCode", "atlantis"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "districtCode", "intake.error.district"));
		this.mvc.perform(intake(token, phone, "路灯不亮", "requestType", "BOGUS", "occurredAt", "yesterday"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "requestType", "occurredAt"));
		this.mvc.perform(intake(token, phone, "路灯不亮" + "\u0000".repeat(3) + "x".repeat(10 * 1024 * 1024)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "description"));
		assertThat(this.jdbc.queryForObject("select count(*) from ticket where idempotency_key = ?", Integer.class,
				"intake:" + token))
			.as("nothing half-saved")
			.isZero();
	}

	@Test
	void htmlIsStoredAsTypedAndShownEscapedAndEmojiStayIntact() throws Exception {
		String text = "<script>alert(1)</script><img src=x onerror=alert(1)> 楼道灯坏了😀𠀀";
		MvcResult result = this.mvc.perform(intake(UUID.randomUUID().toString(), phone(), text, "callerName", "<b>李</b>"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String ticketNo = ticketNo(result);
		assertThat(ticket(ticketNo).description()).isEqualTo(text);
		this.mvc.perform(get("/tickets/" + ticketNo).with(user(operator())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>alert(1)"))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("&lt;script&gt;")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("😀𠀀")));
	}

	@Test
	void theSameFormSentAgainGivesTheSameTicket() throws Exception {
		String token = UUID.randomUUID().toString();
		String phone = phone();
		String first = ticketNo(this.mvc.perform(intake(token, phone, "小区门口路灯不亮")).andReturn());
		String again = ticketNo(this.mvc.perform(intake(token, phone, "小区门口路灯不亮")).andReturn());
		assertThat(again).isEqualTo(first);
		assertThat(this.jdbc.queryForObject("select count(*) from ticket where idempotency_key = ?", Integer.class,
				"intake:" + token))
			.isOne();
	}

	@Test
	void twoSubmissionsAtOnceMakeExactlyOneTicket() throws Exception {
		String token = UUID.randomUUID().toString();
		String phone = phone();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					MvcResult result = this.mvc.perform(intake(token, phone, "两个窗口同时提交：路灯不亮")).andReturn();
					return result.getResponse().getRedirectedUrl();
				}));
			}
			start.countDown();
			String one = answers.get(0).get(30, TimeUnit.SECONDS);
			String two = answers.get(1).get(30, TimeUnit.SECONDS);
			assertThat(one).startsWith("/intake/tickets/NT").isEqualTo(two);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from ticket where idempotency_key = ?", Integer.class,
				"intake:" + token))
			.isOne();
	}

	@Test
	void theCallersHistoryShowsOpenTicketsAndWarnsOfTheSameMatter() throws Exception {
		String phone = phone();
		String open = ticketNo(this.mvc.perform(intake(UUID.randomUUID().toString(), phone, "小区门口的路灯坏了一个星期了一直不亮"))
			.andReturn());
		this.mvc.perform(post("/intake/history").with(user(operator())).with(csrf())
				.param("callerPhone", phone).param("description", "门口路灯坏了一直不亮，还没人来修"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(open)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("相似的在办工单")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("followUpTicketNo")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(phone))));
		this.mvc.perform(post("/intake/history").with(user(operator())).with(csrf())
				.param("callerPhone", phone()).param("description", "门口路灯坏了"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("没有历史工单")));
		this.mvc.perform(post("/intake/history").with(user(operator())).with(csrf()).param("callerPhone", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请填写正确的来电号码")));
	}

	@Test
	void aFollowUpGoesOnTheOpenTicketInsteadOfANewOne() throws Exception {
		String phone = phone();
		String open = ticketNo(this.mvc.perform(intake(UUID.randomUUID().toString(), phone, "楼上装修噪音每天早上七点开始"))
			.andReturn());
		String token = UUID.randomUUID().toString();
		this.mvc.perform(post("/intake/follow-up").with(user(operator())).with(csrf()).param("formToken", token)
				.param("callerPhone", phone).param("description", "又来电：今天早上六点半就开始装修了")
				.param("followUpTicketNo", open))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/intake/tickets/" + open));
		assertThat(ticket(open).timeline()).anyMatch((e) -> "FOLLOW_UP".equals(e.type())
				&& e.note().contains("六点半"));
		assertThat(this.jdbc.queryForObject("select count(*) from ticket where idempotency_key = ?", Integer.class,
				"intake:" + token))
			.isZero();

		String someoneElses = ticketNo(this.mvc.perform(intake(UUID.randomUUID().toString(), phone(), "别人的工单"))
			.andReturn());
		this.mvc.perform(post("/intake/follow-up").with(user(operator())).with(csrf())
				.param("formToken", UUID.randomUUID().toString()).param("callerPhone", phone)
				.param("description", "追加").param("followUpTicketNo", someoneElses))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("只能追加到该来电号码自己的工单")));
	}

	@Test
	void livePanelsSuggestArticlesAndFindCategories() throws Exception {
		this.mvc.perform(post("/intake/knowledge").with(user(operator())).with(csrf())
				.param("description", "我想问一下住房公积金提取需要带什么材料"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("住房公积金提取需要什么条件和材料")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-answer")));
		this.mvc.perform(get("/intake/categories").param("categoryCode", "养老").with(user(operator())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("SB.YL")));
		this.mvc.perform(post("/intake/triage").with(user(operator())).with(csrf())
				.param("description", "楼道里现在有很大的煤气味，邻居家里有老人").param("requestType", "HELP"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("level-CRITICAL")));
	}

	@Test
	void triageGradesTheTicketAndAnUrgentOneGoesToTheUrgentQueue() throws Exception {
		MvcResult result = this.mvc.perform(intake(UUID.randomUUID().toString(), phone(),
				"楼道里现在有很大的煤气味，邻居家里有老人", "requestType", "HELP", "categoryCode", "GY.RQ.XL",
				"manualLevel", ""))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		TicketDetails ticket = ticket(ticketNo(result));
		assertThat(ticket.level()).isEqualTo(org.hotline12345.ticket.TriageLevel.CRITICAL);
		assertThat(ticket.reasons()).isNotEmpty();
		assertThat(ticket.ruleSetVersion()).isNotNull();
		assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING_DISPATCH);
		this.mvc.perform(get("/intake/tickets/" + ticket.ticketNo()).with(user(operator())))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("紧急派单队列")));
	}

}
