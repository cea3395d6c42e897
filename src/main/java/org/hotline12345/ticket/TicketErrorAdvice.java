package org.hotline12345.ticket;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Turns the workflow's refusals into pages a person understands, for every screen: an illegal step names the current
 * status (409), a change by someone else says so (409), an unknown or foreign ticket is simply not found (404).
 * Screens that can show the message on their own form catch these first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class TicketErrorAdvice {

	private final MessageSource messages;

	TicketErrorAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(IllegalTransitionException.class)
	String illegal(IllegalTransitionException ex, Model model, Locale locale, HttpServletResponse response) {
		response.setStatus(409);
		model.addAttribute("ticketNo", ex.ticketNo());
		model.addAttribute("problem", TicketMessages.illegalTransition(this.messages, ex, locale));
		return "ticket/refused";
	}

	@ExceptionHandler(TicketChangedConcurrentlyException.class)
	String concurrent(TicketChangedConcurrentlyException ex, Model model, Locale locale,
			HttpServletResponse response) {
		response.setStatus(409);
		model.addAttribute("ticketNo", ex.ticketNo());
		model.addAttribute("problem",
				this.messages.getMessage("ticket.changedConcurrently", new Object[] { ex.ticketNo() }, locale));
		return "ticket/refused";
	}

	@ExceptionHandler(TicketNotFoundException.class)
	void notFound(HttpServletResponse response) throws java.io.IOException {
		response.sendError(404);
	}

}
