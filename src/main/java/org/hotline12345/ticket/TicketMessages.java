package org.hotline12345.ticket;

import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;

/**
 * The workflow's refusals in the user's language: "工单 NT… 当前状态为「已办结」，不能签收。"
 */
public final class TicketMessages {

	private TicketMessages() {
	}

	/**
	 * Takes a step and answers the message a person should read if the workflow refused it: an illegal step names the
	 * current status, a concurrent change says so, other refusals of input ({@code refusedKey}). Empty when it
	 * succeeded. For screens that show the refusal on the ticket's own page rather than an error page.
	 */
	public static Optional<String> attempt(MessageSource messages, Locale locale, String refusedKey, Runnable step) {
		try {
			step.run();
			return Optional.empty();
		}
		catch (IllegalTransitionException ex) {
			return Optional.of(illegalTransition(messages, ex, locale));
		}
		catch (TicketChangedConcurrentlyException ex) {
			return Optional.of(messages.getMessage("ticket.changedConcurrently", new Object[] { ex.ticketNo() }, locale));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return Optional.of(messages.getMessage(refusedKey, null, locale));
		}
	}

	public static String illegalTransition(MessageSource messages, IllegalTransitionException ex, Locale locale) {
		String status = messages.getMessage("ticket.status." + ex.status(), null, ex.status().name(), locale);
		String step = messages.getMessage("ticket.step." + ex.step(), null, ex.step().name(), locale);
		return messages.getMessage("ticket.illegalTransition", new Object[] { ex.ticketNo(), status, step }, locale);
	}

}
