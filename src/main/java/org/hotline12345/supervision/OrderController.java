package org.hotline12345.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hotline12345.ticket.IllegalTransitionException;
import org.hotline12345.ticket.TicketMessages;
import org.hotline12345.ticket.TicketNotFoundException;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketSummary;
import org.hotline12345.user.HotlineUser;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 督办 / 催办 forms (from the dashboard and the ticket page) and the list of orders. */
@Controller
class OrderController {

	private final SupervisionOrders orders;

	private final TicketQueries tickets;

	private final Names names;

	private final MessageSource messages;

	private final Clock clock;

	OrderController(SupervisionOrders orders, TicketQueries tickets, Names names, MessageSource messages,
			Clock clock) {
		this.orders = orders;
		this.tickets = tickets;
		this.names = names;
		this.messages = messages;
		this.clock = clock;
	}

	/** The form: a note, and for an order a deadline of its own. */
	record OrderForm(@NotBlank @Size(max = 1000) String note,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime dueAt) {
	}

	@GetMapping("/supervision/orders")
	String list(Model model) {
		model.addAttribute("open", this.orders.list(true, 200, this.names));
		model.addAttribute("done", this.orders.list(false, 50, this.names));
		return "supervision/orders";
	}

	@GetMapping({ "/supervision/tickets/{no}/order", "/supervision/tickets/{no}/remind" })
	String form(@PathVariable String no, Model model, jakarta.servlet.http.HttpServletRequest request) {
		model.addAttribute("form", new OrderForm("", null));
		return show(no, kindOf(request), model);
	}

	@PostMapping("/supervision/tickets/{no}/order")
	String order(@PathVariable String no, @Valid @ModelAttribute("form") OrderForm form, BindingResult errors,
			@AuthenticationPrincipal HotlineUser user, Model model, RedirectAttributes redirect, Locale locale) {
		return issue(no, SupervisionOrders.Kind.ORDER, form, errors, user, model, redirect, locale);
	}

	@PostMapping("/supervision/tickets/{no}/remind")
	String remind(@PathVariable String no, @Valid @ModelAttribute("form") OrderForm form, BindingResult errors,
			@AuthenticationPrincipal HotlineUser user, Model model, RedirectAttributes redirect, Locale locale) {
		return issue(no, SupervisionOrders.Kind.REMINDER, form, errors, user, model, redirect, locale);
	}

	private String issue(String no, SupervisionOrders.Kind kind, OrderForm form, BindingResult errors,
			HotlineUser user, Model model, RedirectAttributes redirect, Locale locale) {
		Instant due = (form.dueAt() != null) ? form.dueAt().atZone(this.clock.getZone()).toInstant() : null;
		if (kind == SupervisionOrders.Kind.ORDER && due == null) {
			errors.rejectValue("dueAt", "supervision.order.dueRequired");
		}
		if (due != null && !due.isAfter(this.clock.instant())) {
			errors.rejectValue("dueAt", "supervision.order.dueInPast");
		}
		if (errors.hasErrors()) {
			return show(no, kind, model);
		}
		try {
			this.orders.issue(no, kind, form.note().strip(), due, user);
		}
		catch (IllegalTransitionException ex) {
			model.addAttribute("error", TicketMessages.illegalTransition(this.messages, ex, locale));
			return show(no, kind, model);
		}
		redirect.addFlashAttribute("message", "supervision.order.issued." + kind);
		return "redirect:/supervision/orders";
	}

	private String show(String no, SupervisionOrders.Kind kind, Model model) {
		TicketSummary ticket = this.tickets.summary(no).orElseThrow(() -> new TicketNotFoundException(no));
		model.addAttribute("ticket", ticket);
		model.addAttribute("kind", kind);
		return "supervision/order-form";
	}

	private static SupervisionOrders.Kind kindOf(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI().endsWith("/order") ? SupervisionOrders.Kind.ORDER
				: SupervisionOrders.Kind.REMINDER;
	}

}
