package org.hotline12345.dispatch;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.dispatch.DispatchForms.CloseForm;
import org.hotline12345.dispatch.DispatchForms.DispatchForm;
import org.hotline12345.dispatch.DispatchForms.LevelForm;
import org.hotline12345.dispatch.DispatchForms.MergeForm;
import org.hotline12345.dispatch.DispatchForms.ReopenForm;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.CloseReason;
import org.hotline12345.ticket.IllegalTransitionException;
import org.hotline12345.ticket.TicketChangedConcurrentlyException;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketMessages;
import org.hotline12345.ticket.TicketNotFoundException;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.UnknownCodeException;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
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
 * 派单: the ticket with its triage reasons and caller, the ranked unit suggestions, lead and assisting units and a
 * note; and on the same screen the level override, the merge into a master ticket, the supervisor's close, and for a
 * closed ticket the supervisor's reopen. Every step goes through {@link TicketWorkflow}; a refusal is shown on the
 * screen with the ticket's fresh state, never as a stack trace.
 */
@Controller
class DispatchController {

	private static final List<CloseReason> CLOSE_REASONS = List.of(CloseReason.UNREASONABLE, CloseReason.DUPLICATE);

	private static final List<String> QUEUES = List.of("urgent", "routine", "returned");

	private final TicketQueries tickets;

	private final TicketWorkflow workflow;

	private final UnitSuggestions suggestions;

	private final DepartmentDirectory directory;

	private final MessageSource messages;

	DispatchController(TicketQueries tickets, TicketWorkflow workflow, UnitSuggestions suggestions,
			DepartmentDirectory directory, MessageSource messages) {
		this.tickets = tickets;
		this.workflow = workflow;
		this.suggestions = suggestions;
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/dispatch/{ticketNo}")
	String show(@PathVariable String ticketNo, @AuthenticationPrincipal HotlineUser user, Model model) {
		return page(ticketNo, user, model);
	}

	@PostMapping("/dispatch/{ticketNo}")
	String dispatch(@PathVariable String ticketNo, @Valid @ModelAttribute("dispatchForm") DispatchForm form,
			BindingResult result, @AuthenticationPrincipal HotlineUser user, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (result.getTarget() == null) {
			// A value of the wrong type (a version that is not a number, which no browser sends): the form could not
			// even be built. The page comes back with a fresh form. Found by FuzzingTests; it was a 500.
			model.asMap().remove("dispatchForm");
			model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "dispatchForm");
			response.setStatus(400);
			return page(ticketNo, user, model);
		}
		String lead = form.chosenLead();
		if (lead == null) {
			result.rejectValue("leadUnitCode", "dispatch.lead.required");
		}
		else if (this.directory.unit(lead).isEmpty()) {
			result.rejectValue("leadUnitCode", "dispatch.lead.unknown");
		}
		if (result.hasErrors()) {
			response.setStatus(400);
			return page(ticketNo, user, model);
		}
		try {
			this.workflow.dispatch(ticketNo, lead, form.assists(), blankToNull(form.note()), form.version(),
					Actor.of(user));
		}
		catch (TicketChangedConcurrentlyException ex) {
			// The fresh state is shown; the form keeps the choice but takes the new version only if still open.
			model.addAttribute("error", message("ticket.changedConcurrently", locale, ticketNo));
			model.addAttribute("dispatchForm", new DispatchForm(form.leadUnitCode(), form.otherLeadUnitCode(),
					form.assistUnitCodes(), form.note(), null, form.from()));
			response.setStatus(409);
			return page(ticketNo, user, model);
		}
		catch (IllegalTransitionException ex) {
			return refused(ticketNo, user, model, TicketMessages.illegalTransition(this.messages, ex, locale), 409,
					response);
		}
		catch (AccessDeniedException ex) {
			return refused(ticketNo, user, model, message("dispatch.supervisorRules", locale), 403, response);
		}
		catch (UnknownCodeException ex) {
			result.rejectValue("assistUnitCodes", "dispatch.assist.unknown");
			response.setStatus(400);
			return page(ticketNo, user, model);
		}
		String unitName = this.directory.unit(lead).map(UnitView::name).orElse(lead);
		redirect.addFlashAttribute("notice", message("dispatch.dispatched", locale, ticketNo, unitName));
		String from = (form.from() != null && QUEUES.contains(form.from())) ? form.from() : "urgent";
		return "redirect:/queues/" + from;
	}

	@PostMapping("/dispatch/{ticketNo}/level")
	String overrideLevel(@PathVariable String ticketNo, @Valid @ModelAttribute("levelForm") LevelForm form,
			BindingResult result, @AuthenticationPrincipal HotlineUser user, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (result.hasErrors()) {
			response.setStatus(400);
			return page(ticketNo, user, model);
		}
		try {
			this.workflow.overrideLevel(ticketNo, form.level(), form.reason().strip(), Actor.of(user));
		}
		catch (IllegalTransitionException ex) {
			return refused(ticketNo, user, model, TicketMessages.illegalTransition(this.messages, ex, locale), 409,
					response);
		}
		String level = this.messages.getMessage("ticket.level." + form.level(), null, locale);
		redirect.addFlashAttribute("notice", message("dispatch.levelChanged", locale, ticketNo, level));
		return "redirect:/dispatch/" + ticketNo;
	}

	@PostMapping("/dispatch/{ticketNo}/merge")
	String merge(@PathVariable String ticketNo, @Valid @ModelAttribute("mergeForm") MergeForm form,
			BindingResult result, @AuthenticationPrincipal HotlineUser user, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		String masterNo = (form.masterNo() != null) ? form.masterNo().strip().toUpperCase(Locale.ROOT) : null;
		if (!result.hasErrors()) {
			if (masterNo.equals(ticketNo)) {
				result.rejectValue("masterNo", "dispatch.merge.self");
			}
			else if (this.tickets.summary(masterNo).isEmpty()) {
				result.rejectValue("masterNo", "dispatch.merge.unknown");
			}
		}
		if (result.hasErrors()) {
			response.setStatus(400);
			return page(ticketNo, user, model);
		}
		try {
			this.workflow.merge(ticketNo, masterNo, Actor.of(user));
		}
		catch (IllegalTransitionException ex) {
			return refused(ticketNo, user, model, TicketMessages.illegalTransition(this.messages, ex, locale), 409,
					response);
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue("masterNo", "dispatch.merge.notMaster");
			response.setStatus(400);
			return page(ticketNo, user, model);
		}
		redirect.addFlashAttribute("notice", message("dispatch.merged", locale, ticketNo, masterNo));
		return "redirect:/queues/urgent";
	}

	@PostMapping("/dispatch/{ticketNo}/close")
	String close(@PathVariable String ticketNo, @Valid @ModelAttribute("closeForm") CloseForm form,
			BindingResult result, @AuthenticationPrincipal HotlineUser user, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		requireSupervisor(user);
		if (form.reason() != null && !CLOSE_REASONS.contains(form.reason())) {
			result.rejectValue("reason", "dispatch.close.reason.invalid");
		}
		if (result.hasErrors()) {
			response.setStatus(400);
			return page(ticketNo, user, model);
		}
		try {
			this.workflow.close(ticketNo, form.reason(), form.note().strip(), Actor.of(user));
		}
		catch (IllegalTransitionException ex) {
			return refused(ticketNo, user, model, TicketMessages.illegalTransition(this.messages, ex, locale), 409,
					response);
		}
		redirect.addFlashAttribute("notice", message("dispatch.closed", locale, ticketNo));
		return "redirect:/queues/urgent";
	}

	@PostMapping("/dispatch/{ticketNo}/reopen")
	String reopen(@PathVariable String ticketNo, @Valid @ModelAttribute("reopenForm") ReopenForm form,
			BindingResult result, @AuthenticationPrincipal HotlineUser user, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		requireSupervisor(user);
		if (result.hasErrors()) {
			response.setStatus(400);
			return page(ticketNo, user, model);
		}
		try {
			this.workflow.reopen(ticketNo, form.reason().strip(), Actor.of(user));
		}
		catch (IllegalTransitionException ex) {
			return refused(ticketNo, user, model, TicketMessages.illegalTransition(this.messages, ex, locale), 409,
					response);
		}
		catch (IllegalStateException ex) {
			return refused(ticketNo, user, model, message("dispatch.reopen.neverWithUnit", locale), 409, response);
		}
		redirect.addFlashAttribute("notice", message("dispatch.reopened", locale, ticketNo));
		return "redirect:/dispatch/" + ticketNo;
	}

	/** The whole screen, keeping any form already in the model (with its errors). */
	private String page(String ticketNo, HotlineUser user, Model model) {
		TicketDetails ticket = this.tickets.find(ticketNo, user).orElseThrow(() -> new TicketNotFoundException(ticketNo));
		boolean supervisor = user.role() == Role.SUPERVISOR;
		List<UnitSuggestions.Suggestion> ranked = this.suggestions.forTicket(ticket);
		List<UnitSuggestions.Suggestion> leads = ranked.stream().filter(UnitSuggestions.Suggestion::lead).toList();
		List<UnitSuggestions.Suggestion> assists = ranked.stream().filter((s) -> !s.lead()).toList();
		model.addAttribute("ticket", ticket);
		model.addAttribute("leads", leads);
		model.addAttribute("assists", assists);
		model.addAttribute("units", this.directory.units());
		model.addAttribute("supervisor", supervisor);
		model.addAttribute("levels", TriageLevel.values());
		model.addAttribute("closeReasons", CLOSE_REASONS);
		model.addAttribute("returns",
				ticket.timeline().stream().filter((e) -> "RETURNED".equals(e.type())).toList());
		boolean pending = ticket.status() == TicketStatus.PENDING_DISPATCH;
		model.addAttribute("needsSupervisor", pending && ticket.returnCount() >= 2);
		model.addAttribute("mayDispatch", pending && (ticket.returnCount() < 2 || supervisor));
		model.addAttribute("mayMerge", pending || ticket.status() == TicketStatus.DISPATCHED);
		model.addAttribute("mayClose", supervisor && pending);
		model.addAttribute("mayReopen", supervisor && ticket.status() == TicketStatus.CLOSED
				&& ticket.leadUnitCode() != null);
		model.addAttribute("mayOverride", ticket.status().isOpen());
		if (!model.containsAttribute("dispatchForm")
				|| ((DispatchForm) model.getAttribute("dispatchForm")).version() == null) {
			DispatchForm typed = (DispatchForm) model.getAttribute("dispatchForm");
			model.addAttribute("dispatchForm", (typed != null)
					? new DispatchForm(typed.leadUnitCode(), typed.otherLeadUnitCode(), typed.assistUnitCodes(),
							typed.note(), ticket.version(), typed.from())
					: new DispatchForm(leads.isEmpty() ? null : leads.get(0).unit().code(), null,
							assists.stream().map((s) -> s.unit().code()).toList(), null, ticket.version(),
							defaultQueue(ticket)));
		}
		DispatchForm form = (DispatchForm) model.getAttribute("dispatchForm");
		String chosen = form.chosenLead();
		Optional<UnitView> leadUnit = (chosen != null) ? this.directory.unit(chosen) : Optional.empty();
		model.addAttribute("leadUnit", leadUnit.orElse(null));
		model.addAttribute("otherChosen", DispatchForms.OTHER.equals(form.leadUnitCode()));
		if (!model.containsAttribute("levelForm")) {
			model.addAttribute("levelForm", new LevelForm(ticket.level(), null));
		}
		if (!model.containsAttribute("mergeForm")) {
			model.addAttribute("mergeForm", new MergeForm(null));
		}
		if (!model.containsAttribute("closeForm")) {
			model.addAttribute("closeForm", new CloseForm(null, null));
		}
		if (!model.containsAttribute("reopenForm")) {
			model.addAttribute("reopenForm", new ReopenForm(null));
		}
		return "dispatch/ticket";
	}

	private String refused(String ticketNo, HotlineUser user, Model model, String problem, int status,
			HttpServletResponse response) {
		model.addAttribute("error", problem);
		response.setStatus(status);
		return page(ticketNo, user, model);
	}

	private static String defaultQueue(TicketDetails ticket) {
		if (ticket.returnCount() > 0) {
			return "returned";
		}
		return (ticket.level() == TriageLevel.ROUTINE) ? "routine" : "urgent";
	}

	private static void requireSupervisor(HotlineUser user) {
		if (user.role() != Role.SUPERVISOR) {
			throw new AccessDeniedException("Only a supervisor rules on this");
		}
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
