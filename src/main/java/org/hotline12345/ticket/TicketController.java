package org.hotline12345.ticket;

import org.hotline12345.user.HotlineUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A ticket's page for everyone who may see it: the matter, its grade and reasons, the units, the deadlines and the
 * full timeline. The steps themselves live on the screens of the role that takes them.
 */
@Controller
class TicketController {

	private final TicketQueries queries;

	TicketController(TicketQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/tickets/{ticketNo}")
	String ticket(@PathVariable String ticketNo, @AuthenticationPrincipal HotlineUser user, Model model) {
		TicketDetails ticket = this.queries.find(ticketNo, user).orElseThrow(() -> new TicketNotFoundException(ticketNo));
		model.addAttribute("ticket", ticket);
		return "ticket/detail";
	}

}
