package org.hotline12345.portal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The talent and enterprise lines: their own queue, their own figures, their online answer rate. */
@HotlineIntegrationTest
class ServiceLinesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	ServiceLines lines;

	@Autowired
	UserDetailsService users;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	String register(ServiceLine line, TicketWorkflow.Outcome outcome, String text) {
		NewTicket request = new NewTicket("赵博士", "13700001111", false, false, "南通市崇川区", "chongchuan", null, text,
				RequestType.CONSULTATION, null, Channel.PHONE, line, false, null);
		return this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), outcome,
				(outcome == TicketWorkflow.Outcome.DIRECT_ANSWER) ? "按人才政策第三条办理" : null, this.operator).ticketNo();
	}

	@Test
	void aLineHasItsOwnQueueAndFigures() throws Exception {
		Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
		ServiceLines.Figures before = talent(from);
		String open = register(ServiceLine.TALENT, TicketWorkflow.Outcome.QUEUE, "高层次人才安家补贴什么时候发放");
		register(ServiceLine.TALENT, TicketWorkflow.Outcome.DIRECT_ANSWER, "人才公寓怎么申请");
		String main = register(ServiceLine.MAIN, TicketWorkflow.Outcome.QUEUE, "养老保险怎么转移");

		ServiceLines.Figures after = talent(from);
		assertThat(after.registered() - before.registered()).isEqualTo(2);
		assertThat(after.answeredDirectly() - before.answeredDirectly()).isEqualTo(1);
		assertThat(after.answerRate()).isNotNull();

		String page = this.mvc.perform(get("/queues/lines").param("line", "TALENT")
			.with(user(this.users.loadUserByUsername("operator"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(open, "网上答复率", "/intake?line=TALENT", "/portal?line=TALENT");
		assertThat(page).doesNotContain(main);
	}

	@Test
	void onlyTheCentreSeesTheLines() throws Exception {
		this.mvc.perform(get("/queues/lines").with(user(this.users.loadUserByUsername("supervisor"))))
			.andExpect(status().isOk());
		this.mvc.perform(get("/queues/lines").with(user(this.users.loadUserByUsername("rsj"))))
			.andExpect(status().isForbidden());
	}

	ServiceLines.Figures talent(Instant from) {
		return this.lines.figures(from, Instant.now().plus(1, ChronoUnit.HOURS))
			.stream()
			.filter((f) -> f.line() == ServiceLine.TALENT)
			.findFirst()
			.orElseThrow();
	}

}
