package org.hotline12345.ticket;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The workflow's refusals in the user's language: "工单 NT… 当前状态为「已办结」，不能签收。"
 */
public final class TicketMessages {

	private TicketMessages() {
	}

	public static String illegalTransition(MessageSource messages, IllegalTransitionException ex, Locale locale) {
		String status = messages.getMessage("ticket.status." + ex.status(), null, ex.status().name(), locale);
		String step = messages.getMessage("ticket.step." + ex.step(), null, ex.step().name(), locale);
		return messages.getMessage("ticket.illegalTransition", new Object[] { ex.ticketNo(), status, step }, locale);
	}

}
