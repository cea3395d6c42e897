package org.hotline12345.portal;

import java.util.List;
import java.util.UUID;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.CloseReason;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.Satisfaction;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A citizen with no account: submits, gets a number and a query code, follows the public timeline, rates the outcome
 * before the operator calls; and what keeps scripts out (the challenge, the per-address limit).
 */
@HotlineIntegrationTest
class CitizenPortalIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TicketQueries queries;

	@Autowired
	DepartmentDirectory directory;

	@Autowired
	PortalSettings settings;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	@Test
	void theFormIsPublicAndAsksAQuestionInChinese() throws Exception {
		Visitor session = new Visitor();
		session.perform(get("/portal"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("等于几")));
		Challenge challenge = session.challenge;
		assertThat(challenge).isNotNull();
		assertThat(challenge.question()).matches("[一二三四五六七八九十]+[加减][一二三四五六七八九十]+等于几？");
	}

	@Test
	void aWrongAnswerKeepsTheFormAndWhatWasTyped() throws Exception {
		Visitor session = new Visitor();
		session.perform(get("/portal"));
		Challenge challenge = session.challenge;
		session.perform(submission(session, "10.9.0.1", String.valueOf(challenge.answer() + 1)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "answer"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("小区门口的路灯坏了一个多星期")));
	}

	@Test
	void withoutTheChallengeInTheSessionNothingIsRegistered() throws Exception {
		this.mvc.perform(submission(new Visitor(), "10.9.0.2", "7"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "answer"));
	}

	@Test
	void aSubmissionBecomesAWebTicketInTheQueueWithANumberAndCode() throws Exception {
		CitizenPortal.Submission submission = submit("10.9.0.3");
		assertThat(submission.ticketNo()).startsWith("NT");
		assertThat(submission.code()).matches("[2-9A-HJ-NP-Z]{6}");
		TicketDetails ticket = this.queries.findForOversight(submission.ticketNo()).orElseThrow();
		assertThat(ticket.channel()).isEqualTo(Channel.WEB);
		assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING_DISPATCH);
		assertThat(ticket.categoryCode()).isEqualTo("SZ.LD.BL");
		assertThat(ticket.createdBy()).isEqualTo("portal");
	}

	@Test
	void theTalentLinesOnlineEntryRegistersOnTheTalentLine() throws Exception {
		Visitor session = new Visitor();
		session.perform(get("/portal").param("line", "TALENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("尚贤人才服务热线")));
		Challenge challenge = session.challenge;
		MvcResult result = session.perform(submission(session, "10.9.0.6", String.valueOf(challenge.answer()))
			.param("line", "TALENT"))
			.andExpect(redirectedUrl("/portal/submitted"))
			.andReturn();
		String no = ((CitizenPortal.Submission) result.getFlashMap().get("submission")).ticketNo();
		assertThat(this.queries.findForOversight(no).orElseThrow().serviceLine())
			.isEqualTo(org.hotline12345.ticket.ServiceLine.TALENT);
	}

	@Test
	void oneAddressMaySubmitOnlyAFewTimesPerHour() throws Exception {
		String address = "10.9.1." + (int) (Math.random() * 200);
		for (int i = 0; i < this.settings.submissionsPerWindow(); i++) {
			submit(address);
		}
		Visitor session = new Visitor();
		session.perform(get("/portal"));
		Challenge challenge = session.challenge;
		session.perform(submission(session, address, String.valueOf(challenge.answer())))
			.andExpect(status().isOk())
			.andExpect(model().attribute("limited", true));
		// Another address is not affected.
		submit("10.9.2.1");
	}

	@Test
	void theTimelineIsPublicAfterNumberAndCodeWithoutStaffNamesOrNotes() throws Exception {
		CitizenPortal.Submission submission = submit("10.9.0.4");
		String no = submission.ticketNo();
		this.workflow.dispatch(no, "cgj", List.of(), "内部备注：此人多次来电", null, this.operator);
		Actor cgj = staffOf("cgj");
		this.workflow.accept(no, null, cgj);
		this.workflow.addProgress(no, "内部过程：已联系路灯所", cgj);
		this.workflow.reply(no, ReplyOutcome.SOLVED, "路灯已于本周修复，感谢您的反映。", null, cgj);

		Visitor session = new Visitor();
		session.perform(post("/portal/track").with(csrf()).param("ticketNo", no).param("code", "ZZZZZZ"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("notFound", true));
		session.perform(post("/portal/track").with(csrf()).param("ticketNo", no)
			.param("code", submission.code().toLowerCase()))
			.andExpect(redirectedUrl("/portal/track"));
		String page = session.perform(get("/portal/track"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(no, "已派至城管局", "城管局已签收", "城管局已答复", "路灯已于本周修复", "评价办理结果");
		assertThat(page).doesNotContain("内部备注", "内部过程", "operator", "承办员");
	}

	@Test
	void theCitizensRatingIsTheCallbackAndClosesTheTicket() throws Exception {
		CitizenPortal.Submission submission = submit("10.9.0.5");
		String no = submission.ticketNo();
		this.workflow.dispatch(no, "cgj", List.of(), null, null, this.operator);
		Actor cgj = staffOf("cgj");
		this.workflow.accept(no, null, cgj);
		this.workflow.reply(no, ReplyOutcome.SOLVED, "已修复", null, cgj);
		Visitor session = new Visitor();
		session.perform(post("/portal/track").with(csrf()).param("ticketNo", no)
			.param("code", submission.code()));

		session.perform(post("/portal/rate").with(csrf()).param("solved", "true")
			.param("satisfaction", "BASICALLY_SATISFIED"))
			.andExpect(redirectedUrl("/portal/track"));

		TicketDetails ticket = this.queries.findForOversight(no).orElseThrow();
		assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(ticket.closeReason()).isEqualTo(CloseReason.CITIZEN_RATED);
		assertThat(ticket.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
		assertThat(ticket.callbackSolved()).isTrue();

		// Rated once: a second rating and the operator's later callback are refused.
		session.perform(post("/portal/rate").with(csrf()).param("satisfaction", "DISSATISFIED"))
			.andExpect(redirectedUrl("/portal/track"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("portalError", "portal.error.notRatable"));
		assertThat(this.queries.findForOversight(no).orElseThrow().satisfaction())
			.isEqualTo(Satisfaction.BASICALLY_SATISFIED);
	}

	@Test
	void ratingWithoutHavingLookedTheTicketUpIsRefused() throws Exception {
		this.mvc.perform(post("/portal/rate").with(csrf()).param("satisfaction", "SATISFIED"))
			.andExpect(redirectedUrl("/portal/track"));
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		this.mvc.perform(post("/portal/track").param("ticketNo", "NT1").param("code", "ABCDEF"))
			.andExpect(status().isForbidden());
	}

	CitizenPortal.Submission submit(String address) throws Exception {
		Visitor session = new Visitor();
		session.perform(get("/portal")).andExpect(status().isOk());
		Challenge challenge = session.challenge;
		MvcResult result = session.perform(submission(session, address, String.valueOf(challenge.answer())))
			.andExpect(redirectedUrl("/portal/submitted"))
			.andReturn();
		return (CitizenPortal.Submission) result.getFlashMap().get("submission");
	}

	MockHttpServletRequestBuilder submission(Visitor session, String address, String answer) {
		return post("/portal")
			.with(csrf())
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			})
			.param("requestType", "COMPLAINT")
			.param("categoryCode", "SZ.LD.BL")
			.param("description", "小区门口的路灯坏了一个多星期，晚上很黑")
			.param("districtCode", "chongchuan")
			.param("address", "崇川区和平桥街道某小区门口")
			.param("phone", "13912345678")
			.param("answer", answer)
			.param("nonce", UUID.randomUUID().toString());
	}

	/**
	 * A browser as far as the portal cares: keeps the session cookie (sessions live in the database, not in the
	 * servlet container) and reads the check question off the page, as a person would.
	 */
	final class Visitor {

		private final java.util.Map<String, Cookie> cookies = new java.util.LinkedHashMap<>();

		Challenge challenge;

		org.springframework.test.web.servlet.ResultActions perform(MockHttpServletRequestBuilder request)
				throws Exception {
			if (!this.cookies.isEmpty()) {
				request.cookie(this.cookies.values().toArray(Cookie[]::new));
			}
			org.springframework.test.web.servlet.ResultActions actions = CitizenPortalIntegrationTests.this.mvc
				.perform(request);
			MockHttpServletResponse response = actions.andReturn().getResponse();
			for (Cookie cookie : response.getCookies()) {
				this.cookies.put(cookie.getName(), cookie);
			}
			java.util.regex.Matcher question = java.util.regex.Pattern
				.compile("([一二三四五六七八九十]+)([加减])([一二三四五六七八九十]+)等于几？")
				.matcher(response.getContentAsString());
			if (question.find()) {
				int a = digit(question.group(1));
				int b = digit(question.group(3));
				this.challenge = new Challenge(question.group(), question.group(2).equals("加") ? a + b : a - b);
			}
			return actions;
		}

		private static int digit(String chinese) {
			return "零一二三四五六七八九十".indexOf(chinese);
		}

	}

	Actor staffOf(String unitCode) {
		return new Actor(unitCode, Role.UNIT_STAFF, this.directory.unit(unitCode).orElseThrow().id());
	}

}
