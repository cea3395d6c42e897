package org.hotline12345.portal;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.shared.PhoneNumber;
import org.hotline12345.ticket.IllegalTransitionException;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.Satisfaction;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.UnknownCodeException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 网上诉求: submit, track with number and query code, rate. Everything a visitor learns about a ticket comes after
 * the number and code matched; the proof is kept in the session, so the code never appears in a URL.
 */
@Controller
class PortalController {

	static final String TRACKED = PortalController.class.getName() + ".tracked";

	private final CitizenPortal portal;

	private final DepartmentDirectory directory;

	private final PortalSettings settings;

	private final RateLimiter limiter;

	PortalController(CitizenPortal portal, DepartmentDirectory directory, PortalSettings settings,
			java.time.Clock clock) {
		this.portal = portal;
		this.directory = directory;
		this.settings = settings;
		this.limiter = new RateLimiter(clock);
	}

	@ModelAttribute("requestTypes")
	RequestType[] requestTypes() {
		return RequestType.values();
	}

	@ModelAttribute("categoryGroups")
	List<CategoryGroup> categoryGroups() {
		List<CategoryView> all = this.directory.categories();
		return all.stream()
			.filter((c) -> c.level() == 1)
			.sorted(Comparator.comparing(CategoryView::code))
			.map((top) -> new CategoryGroup(top, all.stream()
				.filter((c) -> c.level() > 1 && c.topLevelCode().equals(top.code()))
				.sorted(Comparator.comparing(CategoryView::code))
				.toList()))
			.toList();
	}

	/** A level-1 category (领域) with the categories below it, for the picker's option groups. */
	record CategoryGroup(CategoryView top, List<CategoryView> children) {
	}

	@ModelAttribute("districts")
	List<org.hotline12345.department.UnitView> districts() {
		return this.directory.districts();
	}

	@GetMapping("/portal")
	String form(@RequestParam(name = "line", required = false) ServiceLine line, Model model, HttpSession session) {
		model.addAttribute("form", PortalForm.empty());
		model.addAttribute("nonce", UUID.randomUUID().toString());
		return page(model, session, line);
	}

	@PostMapping("/portal")
	String submit(@Valid @ModelAttribute("form") PortalForm form, BindingResult result,
			@RequestParam(name = "line", required = false) ServiceLine line, Model model, HttpSession session,
			HttpServletRequest request, RedirectAttributes redirect) {
		Challenge challenge = (Challenge) session.getAttribute(Challenge.SESSION_KEY);
		session.removeAttribute(Challenge.SESSION_KEY);
		if (form.phone() != null && !form.phone().isBlank() && !PhoneNumber.isValid(form.phone())) {
			result.rejectValue("phone", "portal.error.phoneFormat");
		}
		if (challenge == null || !challenge.accepts(form.answer())) {
			result.rejectValue("answer", "portal.error.challenge");
		}
		if (result.hasErrors()) {
			model.addAttribute("nonce", form.nonce());
			return page(model, session, line);
		}
		if (!this.limiter.tryAcquire("submit:" + request.getRemoteAddr(), this.settings.submissionsPerWindow(),
				this.settings.window())) {
			model.addAttribute("nonce", form.nonce());
			model.addAttribute("limited", true);
			return page(model, session, line);
		}
		CitizenPortal.Submission submission;
		try {
			submission = this.portal.submit(form, (line != null) ? line : ServiceLine.MAIN);
		}
		catch (UnknownCodeException ex) {
			result.reject("portal.error.unknownCode");
			model.addAttribute("nonce", form.nonce());
			return page(model, session, line);
		}
		redirect.addFlashAttribute("submission", submission);
		return "redirect:/portal/submitted";
	}

	@GetMapping("/portal/submitted")
	String submitted(Model model) {
		if (!model.containsAttribute("submission")) {
			return "redirect:/portal";
		}
		return "portal/submitted";
	}

	@GetMapping("/portal/track")
	String track(Model model, HttpSession session) {
		String tracked = (String) session.getAttribute(TRACKED);
		if (tracked != null) {
			this.portal.view(tracked).ifPresent((ticket) -> model.addAttribute("ticket", ticket));
		}
		return "portal/track";
	}

	@PostMapping("/portal/track")
	String lookUp(@RequestParam(name = "ticketNo", defaultValue = "") String ticketNo,
			@RequestParam(name = "code", defaultValue = "") String code, Model model, HttpSession session,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("ticketNo", ticketNo);
		if (!this.limiter.tryAcquire("track:" + request.getRemoteAddr(), this.settings.lookupsPerWindow(),
				this.settings.window())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("limited", true);
			return "portal/track";
		}
		String number = ticketNo.strip().toUpperCase();
		if (!this.portal.verify(number, code)) {
			model.addAttribute("notFound", true);
			return "portal/track";
		}
		session.setAttribute(TRACKED, number);
		return "redirect:/portal/track";
	}

	@PostMapping("/portal/rate")
	String rate(@RequestParam(name = "satisfaction", required = false) Satisfaction satisfaction,
			@RequestParam(name = "solved", required = false) Boolean solved, HttpSession session,
			RedirectAttributes redirect) {
		String tracked = (String) session.getAttribute(TRACKED);
		if (tracked == null) {
			return "redirect:/portal/track";
		}
		if (satisfaction == null) {
			redirect.addFlashAttribute("portalError", "portal.error.satisfaction");
			return "redirect:/portal/track";
		}
		try {
			this.portal.rate(tracked, solved, satisfaction);
			redirect.addFlashAttribute("portalMessage", "portal.rated");
		}
		catch (IllegalTransitionException ex) {
			redirect.addFlashAttribute("portalError", "portal.error.notRatable");
		}
		return "redirect:/portal/track";
	}

	@PostMapping("/portal/track/forget")
	String forget(HttpSession session) {
		session.removeAttribute(TRACKED);
		return "redirect:/portal/track";
	}

	private String page(Model model, HttpSession session, ServiceLine line) {
		Challenge challenge = Challenge.next();
		session.setAttribute(Challenge.SESSION_KEY, challenge);
		model.addAttribute("challenge", challenge.question());
		model.addAttribute("line", (line != null) ? line : ServiceLine.MAIN);
		return "portal/form";
	}

}
