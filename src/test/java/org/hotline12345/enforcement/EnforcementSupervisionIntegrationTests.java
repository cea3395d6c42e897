package org.hotline12345.enforcement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketEvents.TicketRegistered;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 12345+行政执法监督 as the justice bureau lives it: a complaint about an enforcement body's conduct opens a case in
 * its queue; it reads the ticket, gives an opinion, orders a correction, closes the case; the ticket goes its own way
 * and the enforcing unit never sees the case.
 */
@HotlineIntegrationTest
class EnforcementSupervisionIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TicketQueries queries;

	@Autowired
	EnforcementCases cases;

	@Autowired
	DepartmentDirectory directory;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	String register(String category, String description) {
		NewTicket request = new NewTicket("王女士", "13912340000", false, false, "崇川区某路口", "chongchuan", null,
				description, RequestType.COMPLAINT, category, Channel.PHONE, null, false, null);
		return this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE, null,
				this.operator).ticketNo();
	}

	EnforcementCase awaitCase(String ticketNo) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.cases.findByTicket(ticketNo), Optional::isPresent)
			.orElseThrow();
	}

	@Test
	void anEnforcementCategoryOpensACaseAgainstTheBodyItIsAbout() {
		String no = register("XZ.CG.TD", "城管队员态度很差，把我的三轮车拖走了");
		EnforcementCase found = awaitCase(no);
		assertThat(found.isOpen()).isTrue();
		assertThat(found.enforcingUnitName()).isEqualTo("城管局");
		assertThat(found.recognisedBy()).contains("行政执法");
	}

	@Test
	void wordsAboutConductAndABodyOpenACaseWhateverTheCategory() {
		String no = register("SR.ZD.TF", "今天早上市场监管的人没收了我的秤，没收不开收据，还推搡我");
		EnforcementCase found = awaitCase(no);
		assertThat(found.enforcingUnitName()).isEqualTo("市场监管局");
		assertThat(found.recognisedBy()).contains("没收不开收据");
	}

	@Test
	void conductWordsOnATicketDispatchedToAnEnforcementBodyOpenACaseOnDispatch() {
		String no = register("CL.WT", "执法人员没出示证件就贴了罚单");
		this.workflow.dispatch(no, "jjzd", List.of(), null, null, this.operator);
		EnforcementCase found = awaitCase(no);
		assertThat(found.enforcingUnitName()).isEqualTo("交警支队");
	}

	@Test
	void openingIsIdempotent() {
		String no = register("XZ.JJ.TD", "交警执法态度恶劣");
		EnforcementCase found = awaitCase(no);
		TicketRegistered again = new TicketRegistered(found.ticketId(), no, TriageLevel.ROUTINE, java.util.Set.of(),
				"XZ.JJ.TD", "chongchuan", Channel.PHONE, null, java.time.Instant.now());
		this.cases.on(again);
		this.cases.on(again);
		assertThat(this.jdbc.queryForObject("select count(*) from enforcement_case where ticket_no = ?", Integer.class,
				no))
			.isEqualTo(1);
	}

	@Test
	void theJusticeBureauSupervisesAndClosesTheCaseApartFromTheTicket() throws Exception {
		String no = register("XZ.CG.ZK", "城管暂扣我的货物一个月了，暂扣不还");
		this.workflow.dispatch(no, "cgj", List.of(), null, null, this.operator);
		EnforcementCase found = awaitCase(no);
		var sfj = user(this.users.loadUserByUsername("sfj"));

		this.mvc.perform(get("/unit/enforcement").with(sfj))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(no)));
		this.mvc.perform(get("/unit/enforcement/cases/{id}", found.id()).with(sfj))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("暂扣不还")));

		this.mvc.perform(post("/unit/enforcement/cases/{id}/opinion", found.id()).with(sfj).with(csrf())
			.param("opinion", "暂扣超期，程序违法"))
			.andExpect(redirectedUrl("/unit/enforcement/cases/" + found.id()));
		String due = LocalDate.now().plusDays(10).toString();
		this.mvc.perform(post("/unit/enforcement/cases/{id}/correction", found.id()).with(sfj).with(csrf())
			.param("notice", "请于期限内返还暂扣物品并书面说明").param("due", due))
			.andExpect(redirectedUrl("/unit/enforcement/cases/" + found.id()));
		this.mvc.perform(post("/unit/enforcement/cases/{id}/close", found.id()).with(sfj).with(csrf())
			.param("note", "执法单位已整改"))
			.andExpect(redirectedUrl("/unit/enforcement/cases/" + found.id()));

		EnforcementCase closed = this.cases.find(found.id()).orElseThrow();
		assertThat(closed.isOpen()).isFalse();
		assertThat(closed.opinion()).isEqualTo("暂扣超期，程序违法");
		assertThat(closed.correctionDue()).isEqualTo(LocalDate.parse(due));
		assertThat(closed.closedBy()).isEqualTo("sfj");
		// The ticket goes on with the enforcing unit.
		assertThat(this.queries.findForOversight(no).orElseThrow().status()).isEqualTo(TicketStatus.DISPATCHED);

		// A closed case takes no more changes.
		this.mvc.perform(post("/unit/enforcement/cases/{id}/opinion", found.id()).with(sfj).with(csrf())
			.param("opinion", "再改"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("enforcementError", "enforcement.error.closedCase"));

		this.mvc.perform(get("/unit/enforcement/report").with(sfj))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("城管局")));
	}

	@Test
	void theEnforcingUnitAndOtherUnitsCannotSeeOrEditTheCase() throws Exception {
		String no = register("XZ.CG.TD", "城管暴力执法，推搡老人");
		this.workflow.dispatch(no, "cgj", List.of(), null, null, this.operator);
		EnforcementCase found = awaitCase(no);
		for (String username : List.of("cgj", "rsj")) {
			var staff = user(this.users.loadUserByUsername(username));
			this.mvc.perform(get("/unit/enforcement").with(staff)).andExpect(status().isForbidden());
			this.mvc.perform(get("/unit/enforcement/cases/{id}", found.id()).with(staff))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/unit/enforcement/report").with(staff)).andExpect(status().isForbidden());
			this.mvc.perform(post("/unit/enforcement/cases/{id}/close", found.id()).with(staff).with(csrf())
				.param("note", "自行结案"))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/unit/enforcement").with(user(this.users.loadUserByUsername("operator"))))
			.andExpect(status().isForbidden());
		assertThat(this.cases.find(found.id()).orElseThrow().isOpen()).isTrue();
		// The enforcing unit's own ticket page says nothing of the case.
		this.mvc.perform(get("/tickets/{no}", no).with(user(this.users.loadUserByUsername("cgj"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("执法监督"))));
	}

}
