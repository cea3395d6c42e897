package org.hotline12345.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.knowledge.KnowledgeArticle;
import org.hotline12345.knowledge.KnowledgeBase;
import org.hotline12345.shared.PhoneNumber;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.DuplicateSubmissionException;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.IllegalTransitionException;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketMessages;
import org.hotline12345.ticket.TicketNotFoundException;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketSummary;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TicketWorkflow.Outcome;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.UnknownCodeException;
import org.hotline12345.user.HotlineUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /intake: the operator's screen. One form, two ways out (direct answer or into the dispatch queues), or a follow-up
 * on the caller's open ticket instead of a new one. The live panels (caller history, triage preview, knowledge
 * suggestions, category type-ahead) are htmx fragments of the same form; the phone number only ever travels in POST
 * bodies, never in a URL.
 */
@Controller
class IntakeController {

	static final String KEY_PREFIX = "intake:";

	private static final Pattern TOKEN = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

	private static final int HISTORY = 8;

	private static final int SUGGESTIONS = 4;

	private final TicketWorkflow workflow;

	private final TicketQueries queries;

	private final DepartmentDirectory directory;

	private final KnowledgeBase knowledge;

	private final ObjectProvider<TriagePreview> triage;

	private final MessageSource messages;

	private final Clock clock;

	IntakeController(TicketWorkflow workflow, TicketQueries queries, DepartmentDirectory directory,
			KnowledgeBase knowledge, ObjectProvider<TriagePreview> triage, MessageSource messages, Clock clock) {
		this.workflow = workflow;
		this.queries = queries;
		this.directory = directory;
		this.knowledge = knowledge;
		this.triage = triage;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/intake")
	String form(@RequestParam(name = "line", required = false) String line, Model model) {
		return page(model, IntakeForm.blank(newToken(), serviceLine(line)));
	}

	@PostMapping("/intake")
	String register(@Valid @ModelAttribute("form") IntakeForm form, BindingResult result,
			@RequestParam(name = "outcome", defaultValue = "QUEUE") String outcomeName,
			@AuthenticationPrincipal HotlineUser user, Model model, Locale locale) {
		requireBound(result);
		if (form.formToken() == null || !TOKEN.matcher(form.formToken()).matches()) {
			result.reject("intake.error.token");
			return page(model, form.withToken(newToken()));
		}
		String key = KEY_PREFIX + form.formToken();
		Optional<String> already = this.workflow.ticketFor(key);
		if (already.isPresent()) {
			return "redirect:/intake/tickets/" + already.get();
		}
		Outcome outcome = "DIRECT_ANSWER".equals(outcomeName) ? Outcome.DIRECT_ANSWER : Outcome.QUEUE;
		check(form, outcome, result);
		if (result.hasErrors()) {
			model.addAttribute("outcome", outcome.name());
			return page(model, form);
		}
		Grade grade = grade(form);
		NewTicket ticket = new NewTicket(form.anonymous() ? null : IntakeForm.blankToNull(form.callerName()),
				PhoneNumber.normalize(form.callerPhone()), form.anonymous(), form.confidential(),
				IntakeForm.blankToNull(form.address()), IntakeForm.blankToNull(form.districtCode()),
				occurredAt(form.occurredAtValue()), form.description(), form.requestTypeValue(),
				IntakeForm.blankToNull(form.categoryCode()), form.channelValue(), form.serviceLineValue(),
				form.vulnerable(), key);
		String ticketNo;
		try {
			ticketNo = this.workflow.register(ticket, grade, outcome,
					(outcome == Outcome.DIRECT_ANSWER) ? form.directAnswer().strip() : null, Actor.of(user)).ticketNo();
		}
		catch (DuplicateSubmissionException ex) {
			// The same form was submitted twice at once; the other request created the ticket.
			ticketNo = this.workflow.ticketFor(key).orElseThrow(() -> ex);
		}
		catch (UnknownCodeException ex) {
			result.reject("intake.error.unknownCode");
			return page(model, form);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			result.reject("intake.error.notSaved");
			return page(model, form);
		}
		return "redirect:/intake/tickets/" + ticketNo;
	}

	/** 追加诉求: the call becomes a follow-up on the caller's open ticket; no second ticket. */
	@PostMapping("/intake/follow-up")
	String followUp(@ModelAttribute("form") IntakeForm form, BindingResult result,
			@RequestParam("followUpTicketNo") String ticketNo, @AuthenticationPrincipal HotlineUser user, Model model,
			HttpSession session, Locale locale, RedirectAttributes redirect) {
		requireBound(result);
		String done = (form.formToken() != null) ? (String) session.getAttribute(KEY_PREFIX + form.formToken()) : null;
		if (done != null) {
			return "redirect:/intake/tickets/" + done;
		}
		if (form.description() == null || form.description().isBlank()) {
			result.rejectValue("description", "intake.error.description");
		}
		else if (form.description().length() > 4000) {
			result.rejectValue("description", "intake.error.descriptionLength");
		}
		if (!PhoneNumber.isValid(form.callerPhone())) {
			result.rejectValue("callerPhone", "intake.error.phone");
		}
		boolean callersOwn = !result.hasFieldErrors("callerPhone") && this.queries
			.callerHistory(PhoneNumber.normalize(form.callerPhone()), 50)
			.stream()
			.anyMatch((t) -> t.ticketNo().equals(ticketNo));
		if (!result.hasErrors() && !callersOwn) {
			result.reject("intake.error.followUpNotCallers");
		}
		if (result.hasErrors()) {
			return page(model, form);
		}
		try {
			this.workflow.addFollowUp(ticketNo, form.description(), Actor.of(user));
		}
		catch (IllegalTransitionException ex) {
			model.addAttribute("problem", TicketMessages.illegalTransition(this.messages, ex, locale));
			return page(model, form);
		}
		if (form.formToken() != null) {
			session.setAttribute(KEY_PREFIX + form.formToken(), ticketNo);
		}
		redirect.addFlashAttribute("followUp", true);
		return "redirect:/intake/tickets/" + ticketNo;
	}

	/**
	 * The form could not even be built: a field of the wrong type (a tick box posted as "1e99"), which the screen never
	 * sends, so only a broken or hostile client gets here. Nothing is kept or saved: a plain 400 page.
	 */
	private static void requireBound(BindingResult result) {
		if (result.getTarget() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

	/** After saving: the number, large, to read out to the caller; and the way to the next call. */
	@GetMapping("/intake/tickets/{ticketNo}")
	String result(@PathVariable String ticketNo, @AuthenticationPrincipal HotlineUser user, Model model) {
		TicketDetails ticket = this.queries.find(ticketNo, user).orElseThrow(() -> new TicketNotFoundException(ticketNo));
		model.addAttribute("ticket", ticket);
		model.addAttribute("spoken", String.join(" ", ticket.ticketNo().split("(?<=\\G.{4})")));
		return "intake/result";
	}

	@PostMapping("/intake/history")
	String history(@ModelAttribute("form") IntakeForm form, BindingResult result, Model model) {
		requireBound(result);
		if (form.callerPhone() == null || form.callerPhone().isBlank()) {
			return "intake/fragments :: history-empty";
		}
		if (!PhoneNumber.isValid(form.callerPhone())) {
			model.addAttribute("invalidPhone", true);
			return "intake/fragments :: history";
		}
		List<TicketSummary> earlier = this.queries.callerHistory(PhoneNumber.normalize(form.callerPhone()), HISTORY);
		List<HistoryRow> rows = earlier.stream()
			.map((t) -> new HistoryRow(t, SameMatter.likely(t, form.description(), form.categoryCode())))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("masked", PhoneNumber.mask(PhoneNumber.normalize(form.callerPhone())));
		model.addAttribute("sameMatter", rows.stream().anyMatch(HistoryRow::sameMatter));
		return "intake/fragments :: history";
	}

	/** One earlier ticket, and whether it looks like the same matter. */
	record HistoryRow(TicketSummary ticket, boolean sameMatter) {
	}

	@PostMapping("/intake/triage")
	String triage(@ModelAttribute("form") IntakeForm form, BindingResult result, Model model) {
		requireBound(result);
		TriagePreview engine = this.triage.getIfAvailable();
		model.addAttribute("connected", engine != null);
		if (engine != null && form.description() != null && !form.description().isBlank()) {
			engine.preview(input(form)).ifPresent((grade) -> model.addAttribute("grade", grade));
		}
		return "intake/fragments :: triage";
	}

	@PostMapping("/intake/knowledge")
	String suggestions(@ModelAttribute("form") IntakeForm form, BindingResult result, Model model) {
		requireBound(result);
		String text = (form.description() != null) ? form.description() : "";
		if (text.length() > 4000) {
			text = text.substring(0, 4000);
		}
		model.addAttribute("articles", this.knowledge.suggest(text, SUGGESTIONS));
		return "intake/fragments :: knowledge";
	}

	@GetMapping("/intake/categories")
	String categories(@RequestParam(name = "categoryCode", required = false) String query, Model model) {
		String q = (query != null) ? query.strip() : "";
		model.addAttribute("categories", q.isEmpty() || q.length() > 40 ? List.of() : this.directory.searchCategories(q, 15));
		return "intake/fragments :: categories";
	}

	private String page(Model model, IntakeForm form) {
		model.addAttribute("form", form);
		model.addAttribute("districts", this.directory.districts());
		model.addAttribute("requestTypes", RequestType.values());
		model.addAttribute("channels", org.hotline12345.ticket.Channel.values());
		model.addAttribute("serviceLines", ServiceLine.values());
		model.addAttribute("levels", TriageLevel.values());
		model.addAttribute("triageConnected", this.triage.getIfAvailable() != null);
		Optional<CategoryView> category = Optional.ofNullable(IntakeForm.blankToNull(form.categoryCode()))
			.flatMap(this.directory::category);
		model.addAttribute("categoryPath", category.map(CategoryView::path).orElse(null));
		if (!model.containsAttribute("outcome")) {
			model.addAttribute("outcome", "QUEUE");
		}
		return "intake/form";
	}

	private void check(IntakeForm form, Outcome outcome, BindingResult result) {
		if (!result.hasFieldErrors("callerPhone") && !PhoneNumber.isValid(form.callerPhone())) {
			result.rejectValue("callerPhone", "intake.error.phone");
		}
		String district = IntakeForm.blankToNull(form.districtCode());
		if (district != null && this.directory.districts().stream().noneMatch((d) -> d.code().equals(district))) {
			result.rejectValue("districtCode", "intake.error.district");
		}
		String category = IntakeForm.blankToNull(form.categoryCode());
		if (category != null && this.directory.category(category).isEmpty()) {
			result.rejectValue("categoryCode", "intake.error.category");
		}
		if (form.requestTypeValue() == null) {
			result.rejectValue("requestType", "intake.error.requestType");
		}
		if (form.channelValue() == null) {
			result.rejectValue("channel", "intake.error.channel");
		}
		if (form.serviceLineValue() == null) {
			result.rejectValue("serviceLine", "intake.error.serviceLine");
		}
		if (IntakeForm.blankToNull(form.occurredAt()) != null) {
			LocalDateTime occurred = form.occurredAtValue();
			if (occurred == null) {
				result.rejectValue("occurredAt", "intake.error.occurredAt");
			}
			else if (occurredAt(occurred).isAfter(this.clock.instant().plusSeconds(3600))) {
				result.rejectValue("occurredAt", "intake.error.occurredAtFuture");
			}
		}
		if (outcome == Outcome.DIRECT_ANSWER && !result.hasFieldErrors("directAnswer")
				&& (form.directAnswer() == null || form.directAnswer().isBlank())) {
			result.rejectValue("directAnswer", "intake.error.answer");
		}
		if (this.triage.getIfAvailable() == null && form.manualLevelValue() == null) {
			result.rejectValue("manualLevel", "intake.error.manualLevel");
		}
	}

	/** Triage's grade when the engine is wired in; otherwise the operator's own, recorded as a manual grade. */
	private Grade grade(IntakeForm form) {
		TriagePreview engine = this.triage.getIfAvailable();
		if (engine != null) {
			Optional<TriagePreview.Result> graded = engine.preview(input(form));
			if (graded.isPresent()) {
				return graded.get().toGrade();
			}
		}
		return Grade.manual((form.manualLevelValue() != null) ? form.manualLevelValue() : TriageLevel.ROUTINE);
	}

	private static TriagePreview.Input input(IntakeForm form) {
		return new TriagePreview.Input(form.description(),
				(form.requestTypeValue() != null) ? form.requestTypeValue().name() : null, form.categoryCode(),
				form.districtCode(), form.vulnerable());
	}

	private Instant occurredAt(LocalDateTime local) {
		return (local != null) ? local.atZone(this.clock.getZone()).toInstant() : null;
	}

	private static ServiceLine serviceLine(String line) {
		if (line != null) {
			for (ServiceLine candidate : ServiceLine.values()) {
				if (candidate.name().equalsIgnoreCase(line)) {
					return candidate;
				}
			}
		}
		return ServiceLine.MAIN;
	}

	private static String newToken() {
		return UUID.randomUUID().toString();
	}

}
