package org.hotline12345.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.hotline12345.dispatch.DispatchForms.ExtensionDecisionForm;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.IllegalTransitionException;
import org.hotline12345.ticket.TicketMessages;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketQueries.Queue;
import org.hotline12345.ticket.TicketSummary;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.user.HotlineUser;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 延期审批: the units' pending extension requests, oldest deadline first, each with the deadline asked for and the
 * unit's reason; the supervisor approves with a new reply deadline or refuses with a note.
 */
@Controller
class ExtensionController {

	/** The requests shown; a backlog beyond this is for the unit assessment, not for one sitting. */
	static final int LIMIT = 200;

	/** One request to decide. */
	record ExtensionRow(TicketSummary ticket, Instant requestedUntil, String reason, Instant requestedAt,
			LocalDateTime proposed) {
	}

	private final TicketQueries tickets;

	private final DispatchQueries queries;

	private final TicketWorkflow workflow;

	private final MessageSource messages;

	private final Clock clock;

	ExtensionController(TicketQueries tickets, DispatchQueries queries, TicketWorkflow workflow,
			MessageSource messages, Clock clock) {
		this.tickets = tickets;
		this.queries = queries;
		this.workflow = workflow;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/supervision/extensions")
	String list(Model model) {
		List<TicketSummary> pending = this.tickets.queue(Queue.EXTENSIONS, LIMIT);
		Map<String, DispatchQueries.ExtensionAsked> asked = this.queries
			.extensionRequests(pending.stream().map(TicketSummary::ticketNo).toList());
		List<ExtensionRow> rows = pending.stream()
			.sorted(java.util.Comparator.comparing(TicketSummary::dueAt,
					java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
			.map((t) -> {
				DispatchQueries.ExtensionAsked request = asked.get(t.ticketNo());
				Instant until = (request != null) ? request.until() : null;
				Instant proposed = (until != null) ? until : t.dueAt();
				return new ExtensionRow(t, until, (request != null) ? request.reason() : null,
						(request != null) ? request.at() : null,
						(proposed != null) ? LocalDateTime.ofInstant(proposed, this.clock.getZone()).withSecond(0).withNano(0)
								: null);
			})
			.toList();
		model.addAttribute("rows", rows);
		return "dispatch/extensions";
	}

	@PostMapping("/supervision/extensions/{ticketNo}")
	String decide(@PathVariable String ticketNo, @Valid @ModelAttribute ExtensionDecisionForm form,
			BindingResult result, @AuthenticationPrincipal HotlineUser user, Locale locale,
			RedirectAttributes redirect) {
		if (!result.hasErrors() && form.approve() && form.until() == null) {
			result.rejectValue("until", "dispatch.extension.until.required");
		}
		if (!result.hasErrors() && form.approve()
				&& !form.until().atZone(this.clock.getZone()).toInstant().isAfter(this.clock.instant())) {
			result.rejectValue("until", "dispatch.extension.until.past");
		}
		if (!result.hasErrors() && !form.approve() && (form.note() == null || form.note().isBlank())) {
			result.rejectValue("note", "dispatch.extension.note.required");
		}
		if (result.hasErrors()) {
			String problem = result.getFieldErrors()
				.stream()
				.map((e) -> this.messages.getMessage(e, locale))
				.findFirst()
				.orElse("");
			redirect.addFlashAttribute("error", ticketNo + ": " + problem);
			return "redirect:/supervision/extensions";
		}
		Instant until = form.approve() ? form.until().atZone(this.clock.getZone()).toInstant() : null;
		String note = (form.note() != null && !form.note().isBlank()) ? form.note().strip() : null;
		try {
			this.workflow.decideExtension(ticketNo, form.approve(), until, note, Actor.of(user));
		}
		catch (IllegalTransitionException ex) {
			redirect.addFlashAttribute("error", TicketMessages.illegalTransition(this.messages, ex, locale));
			return "redirect:/supervision/extensions";
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("error", this.messages.getMessage("dispatch.extension.none",
					new Object[] { ticketNo }, locale));
			return "redirect:/supervision/extensions";
		}
		redirect.addFlashAttribute("notice", this.messages.getMessage(
				form.approve() ? "dispatch.extension.approved" : "dispatch.extension.refused",
				new Object[] { ticketNo }, locale));
		return "redirect:/supervision/extensions";
	}

}
