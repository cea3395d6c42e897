package org.hotline12345.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.hotline12345.callback.CallbackForms.OutcomeForm;
import org.hotline12345.callback.CallbackForms.ReopenForm;
import org.hotline12345.callback.CallbackForms.RevealForm;
import org.hotline12345.callback.CallbackForms.ReviewForm;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.DeadlineSettings;
import org.hotline12345.ticket.IllegalTransitionException;
import org.hotline12345.ticket.Satisfaction;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketMessages;
import org.hotline12345.ticket.TicketNotFoundException;
import org.hotline12345.ticket.QueueCursor;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketQueries.Queue;
import org.hotline12345.ticket.TicketQueries.QueuePage;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TicketSummary;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.user.HotlineUser;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 回访 for operators: the queue of replies to call back (oldest deadline first), the callback page with the unit's
 * answer, the audited reveal of the number, the outcome and reopen; and the review list where review is switched on.
 */
@Controller
class CallbackController {

	/**
	 * Replies waiting for review, the longest waiting first: as many as are shown with their answer (a reviewer
	 * decides on the answer), with the total; each decision brings the next one up.
	 */
	static final int REVIEW_LIMIT = 30;

	/**
	 * The rows due first (the first page's first ones) also show the unit's answer, read ticket by ticket; the later
	 * ones show it on their page. (A reply excerpt in {@code TicketSummary} would save these reads; left to the ticket
	 * module's owner.)
	 */
	static final int ANSWER_ROWS = 30;

	private final TicketQueries queries;

	private final TicketWorkflow workflow;

	private final PhoneReveal reveal;

	private final DeadlineSettings deadlines;

	private final MessageSource messages;

	CallbackController(TicketQueries queries, TicketWorkflow workflow, PhoneReveal reveal, DeadlineSettings deadlines,
			MessageSource messages) {
		this.queries = queries;
		this.workflow = workflow;
		this.reveal = reveal;
		this.deadlines = deadlines;
		this.messages = messages;
	}

	/** A queue row: the summary and, for the rows due first, the whole ticket with the unit's answer. */
	record Row(TicketSummary ticket, TicketDetails details) {
	}

	/**
	 * A page of the callback queue, {@value TicketQueries#PAGE_SIZE} tickets with the total: the first, or the one
	 * after {@code after}. To htmx ({@code HX-Request} with {@code after}) only the next rows and the next "更多"; a
	 * cursor the queue cannot have produced gives the first page, or 400 to htmx, which then appends nothing.
	 */
	@GetMapping("/callback")
	String queue(@RequestParam(required = false) String after,
			@RequestHeader(name = "HX-Request", required = false) String htmx, @AuthenticationPrincipal HotlineUser user,
			Model model) {
		QueueCursor cursor = null;
		if (after != null && !after.isBlank()) {
			cursor = this.queries.cursor(Queue.CALLBACK, after).orElse(null);
			if (cursor == null && htmx != null) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a cursor of the callback queue: " + after);
			}
		}
		QueuePage page = this.queries.queuePage(Queue.CALLBACK, cursor, TicketQueries.PAGE_SIZE);
		model.addAttribute("rows", rows(page.rows(), (cursor == null) ? ANSWER_ROWS : 0, user));
		model.addAttribute("next", page.hasMore() ? page.next().token() : null);
		if (htmx != null && cursor != null) {
			return "callback/queue :: rows";
		}
		model.addAttribute("total", this.queries.queueSize(Queue.CALLBACK).tickets());
		model.addAttribute("firstPage", cursor == null);
		model.addAttribute("reviewRequired", this.deadlines.reviewRequired());
		return "callback/queue";
	}

	@GetMapping("/callback/{ticketNo}")
	String ticket(@PathVariable String ticketNo, @AuthenticationPrincipal HotlineUser user, Model model) {
		return page(ticketNo, user, model);
	}

	/** The full number on this response only: never in a URL, a redirect or the session. */
	@PostMapping("/callback/{ticketNo}/reveal")
	String reveal(@PathVariable String ticketNo, @Valid RevealForm revealForm, BindingResult errors,
			@AuthenticationPrincipal HotlineUser user, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		TicketDetails ticket = find(ticketNo, user);
		if (errors.hasErrors()) {
			return page(ticketNo, user, model);
		}
		if (ticket.status() != TicketStatus.CALLBACK_PENDING) {
			response.setStatus(409);
			model.addAttribute("error", this.messages.getMessage("callback.reveal.notDue",
					new Object[] { status(ticket.status(), locale) }, locale));
			return page(ticketNo, user, model);
		}
		Optional<String> phone = this.reveal.reveal(ticketNo, revealForm.reason().strip(), user,
				request.getRemoteAddr());
		model.addAttribute("revealedPhone", phone.orElse(null));
		return page(ticketNo, user, model);
	}

	@PostMapping("/callback/{ticketNo}")
	String outcome(@PathVariable String ticketNo, @Valid OutcomeForm outcomeForm, BindingResult errors,
			@AuthenticationPrincipal HotlineUser user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		find(ticketNo, user);
		boolean reached = Boolean.TRUE.equals(outcomeForm.reached());
		if (!errors.hasErrors() && reached && outcomeForm.satisfaction() == null) {
			errors.rejectValue("satisfaction", "callback.satisfaction.required");
		}
		if (errors.hasErrors()) {
			return page(ticketNo, user, model);
		}
		Boolean solved = reached ? outcomeForm.solved() : null;
		Satisfaction satisfaction = reached ? outcomeForm.satisfaction() : null;
		String note = blankToNull(outcomeForm.note());
		return attempt(ticketNo, user, model, locale, response, () -> this.workflow.recordCallback(ticketNo, reached,
				solved, satisfaction, note, outcomeForm.version(), Actor.of(user)), () -> {
					TicketDetails after = find(ticketNo, user);
					if (after.status() == TicketStatus.CLOSED) {
						redirect.addFlashAttribute("message",
								reached ? "callback.closed" : "callback.closedUnreached");
						return "redirect:/callback";
					}
					redirect.addFlashAttribute("message", "callback.unreachedRecorded");
					return "redirect:/callback/" + ticketNo;
				});
	}

	/** 重办. The workflow takes no version here, so the one the operator saw is compared first. */
	@PostMapping("/callback/{ticketNo}/reopen")
	String reopen(@PathVariable String ticketNo, @Valid ReopenForm reopenForm, BindingResult errors,
			@AuthenticationPrincipal HotlineUser user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		TicketDetails ticket = find(ticketNo, user);
		if (errors.hasErrors()) {
			return page(ticketNo, user, model);
		}
		if (reopenForm.version() != ticket.version()) {
			return conflict(ticketNo, user, model, locale, response);
		}
		return attempt(ticketNo, user, model, locale, response,
				() -> this.workflow.reopen(ticketNo, reopenForm.reason().strip(), Actor.of(user)), () -> {
					redirect.addFlashAttribute("message", "callback.reopened");
					return "redirect:/callback";
				});
	}

	@GetMapping("/callback/review")
	String review(@AuthenticationPrincipal HotlineUser user, Model model) {
		model.addAttribute("rows", rows(this.queries.queue(Queue.REVIEW, REVIEW_LIMIT), REVIEW_LIMIT, user));
		model.addAttribute("total", this.queries.queueSize(Queue.REVIEW).tickets());
		model.addAttribute("reviewRequired", this.deadlines.reviewRequired());
		return "callback/review";
	}

	@PostMapping("/callback/review/{ticketNo}")
	String decide(@PathVariable String ticketNo, @Valid ReviewForm reviewForm, BindingResult errors,
			@AuthenticationPrincipal HotlineUser user, Model model, Locale locale, RedirectAttributes redirect) {
		find(ticketNo, user);
		String note = blankToNull(reviewForm.note());
		if (errors.hasErrors() || (Boolean.FALSE.equals(reviewForm.approve()) && note == null)) {
			redirect.addFlashAttribute("error", this.messages.getMessage("callback.review.noteRequired",
					new Object[] { ticketNo }, locale));
			return "redirect:/callback/review";
		}
		try {
			this.workflow.review(ticketNo, reviewForm.approve(), note, Actor.of(user));
		}
		catch (IllegalTransitionException ex) {
			redirect.addFlashAttribute("error", TicketMessages.illegalTransition(this.messages, ex, locale));
			return "redirect:/callback/review";
		}
		redirect.addFlashAttribute("message", reviewForm.approve() ? "callback.review.approved" : "callback.review.refused");
		return "redirect:/callback/review";
	}

	/** The rows, the first {@code withAnswer} of them with the whole ticket. */
	private List<Row> rows(List<TicketSummary> summaries, int withAnswer, HotlineUser user) {
		List<Row> rows = new ArrayList<>();
		for (TicketSummary summary : summaries) {
			TicketDetails details = (rows.size() < withAnswer)
					? this.queries.find(summary.ticketNo(), user).orElse(null) : null;
			rows.add(new Row(summary, details));
		}
		return rows;
	}

	private String attempt(String ticketNo, HotlineUser user, Model model, Locale locale,
			HttpServletResponse response, Runnable step, Supplier<String> done) {
		java.util.Optional<String> refusal = TicketMessages.attempt(this.messages, locale, "callback.refused", step);
		if (refusal.isPresent()) {
			response.setStatus(409);
			model.addAttribute("error", refusal.get());
			return page(ticketNo, user, model);
		}
		return done.get();
	}

	private String conflict(String ticketNo, HotlineUser user, Model model, Locale locale,
			HttpServletResponse response) {
		response.setStatus(409);
		model.addAttribute("error",
				this.messages.getMessage("ticket.changedConcurrently", new Object[] { ticketNo }, locale));
		return page(ticketNo, user, model);
	}

	private String page(String ticketNo, HotlineUser user, Model model) {
		TicketDetails ticket = find(ticketNo, user);
		model.addAttribute("ticket", ticket);
		model.addAttribute("satisfactions", Satisfaction.values());
		model.addAttribute("attemptsLeft", Math.max(0, 3 - ticket.callbackAttempts()));
		if (!model.containsAttribute("revealForm")) {
			model.addAttribute("revealForm", new RevealForm(null));
		}
		if (!model.containsAttribute("outcomeForm")) {
			model.addAttribute("outcomeForm", new OutcomeForm(ticket.version(), null, null, null, null));
		}
		if (!model.containsAttribute("reopenForm")) {
			model.addAttribute("reopenForm", new ReopenForm(ticket.version(), null));
		}
		return "callback/ticket";
	}

	private TicketDetails find(String ticketNo, HotlineUser user) {
		return this.queries.find(ticketNo, user).orElseThrow(() -> new TicketNotFoundException(ticketNo));
	}

	private String status(TicketStatus status, Locale locale) {
		return this.messages.getMessage("ticket.status." + status, null, status.name(), locale);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
