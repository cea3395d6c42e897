package org.hotline12345.interop;

import org.hotline12345.HotlineIntegrationTest;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The system administrator sets up a peer; an operator transfers a ticket from its screen; who may do which. */
@HotlineIntegrationTest
class InteropScreensIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TicketQueries queries;

	@Autowired
	Peers peers;

	@Test
	void theSystemAdministratorSetsUpPeersAndNoOneElse() throws Exception {
		var sysadmin = user(this.users.loadUserByUsername("sysadmin"));
		this.mvc.perform(post("/admin/peers").with(sysadmin).with(csrf())
			.param("code", "yancheng-ui")
			.param("name", "盐城12345")
			.param("baseUrl", "https://12345.yancheng.example")
			.param("secret", "0123456789abcdef0123"))
			.andExpect(redirectedUrl("/admin/peers"))
			.andExpect(flash().attribute("message", "interop.peerSaved"));
		this.mvc.perform(post("/admin/peers").with(sysadmin).with(csrf())
			.param("code", "x").param("name", "").param("baseUrl", "ftp://a").param("secret", "short"))
			.andExpect(flash().attribute("interopError", "interop.error.peer"));
		this.mvc.perform(get("/admin/peers").with(sysadmin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("https://12345.yancheng.example")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("0123456789abcdef0123"))));
		assertThat(this.peers.byCode("yancheng-ui").orElseThrow().secret()).isEqualTo("0123456789abcdef0123");
		this.mvc.perform(get("/admin/peers").with(user(this.users.loadUserByUsername("operator"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void anOperatorTransfersFromTheTicketsTransferScreenOnce() throws Exception {
		long peer = this.peers.save("wuxi-ui", "无锡12345", "http://127.0.0.1:9", "0123456789abcdef0123", "sysadmin");
		String no = this.workflow.register(new NewTicket("钱女士", "13600002222", false, false, "无锡", null, null,
				"在无锡的亲属需要协调", RequestType.HELP, null, Channel.PHONE, null, false, null),
				Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE, null,
				new Actor("operator", Role.OPERATOR, null)).ticketNo();
		var operator = user(this.users.loadUserByUsername("operator"));
		this.mvc.perform(get("/queues/transfer/{no}", no).with(operator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("无锡12345")));
		this.mvc.perform(post("/queues/transfer/{no}", no).with(operator).with(csrf())
			.param("peerId", String.valueOf(peer)).param("note", "请协调"))
			.andExpect(flash().attribute("message", "interop.transferred"));
		this.mvc.perform(post("/queues/transfer/{no}", no).with(operator).with(csrf())
			.param("peerId", String.valueOf(peer)))
			.andExpect(flash().attribute("interopError", "interop.error.already"));
		assertThat(this.queries.findForOversight(no).orElseThrow().timeline())
			.anySatisfy((entry) -> assertThat(entry.note()).contains("转交无锡12345办理"));
		this.mvc.perform(get("/queues/transfer").with(operator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(no)));
		this.mvc.perform(get("/queues/transfer/{no}", no).with(user(this.users.loadUserByUsername("rsj"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/interop/v1/transfers").content("{}")).andExpect(status().isUnauthorized());
	}

}
