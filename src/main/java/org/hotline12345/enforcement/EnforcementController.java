package org.hotline12345.enforcement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.user.HotlineUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The justice bureau's screens. /unit/** lets every unit's staff in; here only the 司法局's staff pass (403 for any other
 * unit, the enforcing unit included), checked on every request.
 */
@Controller
@RequestMapping("/unit/enforcement")
class EnforcementController {

	static final String JUSTICE_BUREAU = "sfj";

	private final EnforcementCases cases;

	private final TicketQueries tickets;

	private final AuditLog audit;

	private final Clock clock;

	EnforcementController(EnforcementCases cases, TicketQueries tickets, AuditLog audit, Clock clock) {
		this.cases = cases;
		this.tickets = tickets;
		this.audit = audit;
		this.clock = clock;
	}

	@ModelAttribute
	void requireJusticeBureau(@AuthenticationPrincipal HotlineUser user) {
		if (user == null || !JUSTICE_BUREAU.equals(user.unitCode())) {
			this.audit.recordSeparately(new AuditEvent("ENFORCEMENT_ACCESS", (user != null) ? user.getUsername() : null,
					null, "ENFORCEMENT_CASE", null, AuditEvent.Outcome.DENIED, null));
			throw new AccessDeniedException("Only the justice bureau supervises enforcement");
		}
	}

	@GetMapping
	String queue(Model model) {
		model.addAttribute("open", this.cases.list(true, 200));
		model.addAttribute("closed", this.cases.list(false, 50));
		model.addAttribute("today", LocalDate.now(this.clock));
		return "enforcement/queue";
	}

	@GetMapping("/cases/{id}")
	String show(@PathVariable long id, Model model) {
		EnforcementCase found = this.cases.find(id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		model.addAttribute("enforcementCase", found);
		model.addAttribute("today", LocalDate.now(this.clock));
		this.tickets.findForOversight(found.ticketNo()).ifPresent((ticket) -> model.addAttribute("ticket", ticket));
		return "enforcement/case";
	}

	@PostMapping("/cases/{id}/opinion")
	String opinion(@PathVariable long id, @RequestParam(defaultValue = "") String opinion,
			@AuthenticationPrincipal HotlineUser user, RedirectAttributes redirect) {
		if (opinion.isBlank() || opinion.length() > 4000) {
			redirect.addFlashAttribute("enforcementError", "enforcement.error.opinion");
			return back(id);
		}
		return act(id, redirect, "enforcement.opinionSaved",
				() -> this.cases.recordOpinion(id, opinion.strip(), user.getUsername()));
	}

	@PostMapping("/cases/{id}/correction")
	String correction(@PathVariable long id, @RequestParam(defaultValue = "") String notice,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
			@AuthenticationPrincipal HotlineUser user, RedirectAttributes redirect) {
		if (notice.isBlank() || notice.length() > 4000 || due == null || due.isBefore(LocalDate.now(this.clock))) {
			redirect.addFlashAttribute("enforcementError", "enforcement.error.correction");
			return back(id);
		}
		return act(id, redirect, "enforcement.correctionIssued",
				() -> this.cases.issueCorrection(id, notice.strip(), due, user.getUsername()));
	}

	@PostMapping("/cases/{id}/close")
	String close(@PathVariable long id, @RequestParam(defaultValue = "") String note,
			@AuthenticationPrincipal HotlineUser user, RedirectAttributes redirect) {
		if (note.isBlank() || note.length() > 2000) {
			redirect.addFlashAttribute("enforcementError", "enforcement.error.close");
			return back(id);
		}
		return act(id, redirect, "enforcement.closed", () -> this.cases.close(id, note.strip(), user.getUsername()));
	}

	@GetMapping("/report")
	String report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		ZoneId zone = this.clock.getZone();
		LocalDate end = (to != null) ? to : LocalDate.now(this.clock);
		LocalDate start = (from != null) ? from : end.minusDays(29);
		if (start.isAfter(end)) {
			LocalDate swap = start;
			start = end;
			end = swap;
		}
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("rows", this.cases.report(start.atStartOfDay(zone).toInstant(),
				end.plusDays(1).atStartOfDay(zone).toInstant()));
		return "enforcement/report";
	}

	private String act(long id, RedirectAttributes redirect, String message, Runnable step) {
		try {
			step.run();
			redirect.addFlashAttribute("message", message);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("enforcementError", "enforcement.error.closedCase");
		}
		return back(id);
	}

	private static String back(long id) {
		return "redirect:/unit/enforcement/cases/" + id;
	}

}
