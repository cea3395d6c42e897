package org.hotline12345.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.QueueCursor;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketQueries.Queue;
import org.hotline12345.ticket.TicketQueries.QueuePage;
import org.hotline12345.ticket.TicketQueries.QueueSize;
import org.hotline12345.ticket.TicketSummary;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The centre's dispatch queues: 紧急 (CRITICAL and URGENT), 一般, and 退单 (returned by a unit, with its reason).
 * CRITICAL first, then the longest waiting, {@value TicketQueries#PAGE_SIZE} at a time with the queue's total; "更多"
 * brings the next ones after the last row's sort key ({@code ?after=}), below the rows with htmx or as the next page
 * without JavaScript. The first page polls its own table every ten seconds (htmx), so the list stays current without a
 * reload; once the user has loaded more, the browser stops that refresh rather than throw their rows away
 * ({@code app.js}).
 */
@Controller
class QueueController {

	static final java.util.regex.Pattern TICKET_NO = java.util.regex.Pattern.compile("[A-Z0-9]{4,24}");

	/** One row: the ticket, how long it has waited, and for a returned ticket who returned it and why. */
	record QueueRow(TicketSummary ticket, String waited, String returnedBy, String returnReason,
			boolean needsSupervisor) {

		boolean critical() {
			return this.ticket.level().name().equals("CRITICAL");
		}

	}

	private final TicketQueries tickets;

	private final DispatchQueries queries;

	private final DepartmentDirectory directory;

	private final MessageSource messages;

	private final Clock clock;

	QueueController(TicketQueries tickets, DispatchQueries queries, DepartmentDirectory directory,
			MessageSource messages, Clock clock) {
		this.tickets = tickets;
		this.queries = queries;
		this.directory = directory;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * A page of a queue. Without {@code after} the first page; with it the page after that row. The page alone (a
	 * full page without JavaScript), the polled table ({@code HX-Request}, first page), or only the next rows and the
	 * next "更多" ({@code HX-Request} with {@code after}). A cursor the queue cannot have produced shows the first page,
	 * or 400 to htmx, which then appends nothing (rather than the first page's rows again).
	 */
	@GetMapping("/queues/{name}")
	String queue(@PathVariable String name, @RequestParam(required = false) String after,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal HotlineUser user, Model model, Locale locale) {
		Queue queue = switch (name) {
			case "urgent" -> Queue.URGENT;
			case "routine" -> Queue.ROUTINE;
			case "returned" -> Queue.RETURNED;
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
		QueueCursor cursor = null;
		if (after != null && !after.isBlank()) {
			cursor = this.tickets.cursor(queue, after).orElse(null);
			if (cursor == null && htmx != null) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a cursor of this queue: " + after);
			}
		}
		QueuePage page = this.tickets.queuePage(queue, cursor, TicketQueries.PAGE_SIZE);
		List<TicketSummary> summaries = page.rows();
		List<String> returned = summaries.stream().filter((t) -> t.returnCount() > 0).map(TicketSummary::ticketNo).toList();
		Map<String, DispatchQueries.LastReturn> returns = this.queries.lastReturns(returned);
		List<QueueRow> rows = summaries.stream().map((t) -> {
			DispatchQueries.LastReturn last = returns.get(t.ticketNo());
			String unit = (last != null && last.unitId() != null) ? unitName(last.unitId()) : null;
			return new QueueRow(t, waited(Duration.between(t.createdAt(), this.clock.instant()), locale), unit,
					(last != null) ? last.reason() : null, t.returnCount() >= 2);
		}).toList();
		model.addAttribute("queue", name);
		model.addAttribute("rows", rows);
		model.addAttribute("next", page.hasMore() ? page.next().token() : null);
		model.addAttribute("supervisor", user.role() == Role.SUPERVISOR);
		if (htmx != null && cursor != null) {
			return "dispatch/queue :: rows";
		}
		QueueSize size = this.tickets.queueSize(queue);
		model.addAttribute("total", size.tickets());
		model.addAttribute("criticalCount", size.critical());
		model.addAttribute("firstPage", cursor == null);
		return (htmx != null) ? "dispatch/queue :: table" : "dispatch/queue";
	}

	/** 按工单号打开: the number a caller reads out, straight to its dispatch screen. */
	@GetMapping("/dispatch")
	String open(@RequestParam(name = "no", required = false) String ticketNo) {
		String no = (ticketNo != null) ? ticketNo.strip().toUpperCase(Locale.ROOT) : "";
		if (!TICKET_NO.matcher(no).matches()) {
			return "redirect:/queues/urgent";
		}
		return "redirect:/dispatch/" + no;
	}

	private String unitName(long id) {
		try {
			return this.directory.unit(id).name();
		}
		catch (RuntimeException ex) {
			return String.valueOf(id);
		}
	}

	private String waited(Duration duration, Locale locale) {
		long minutes = Math.max(0, duration.toMinutes());
		if (minutes < 60) {
			return this.messages.getMessage("dispatch.age.minutes", new Object[] { minutes }, locale);
		}
		if (minutes < 24 * 60) {
			return this.messages.getMessage("dispatch.age.hours", new Object[] { minutes / 60, minutes % 60 }, locale);
		}
		return this.messages.getMessage("dispatch.age.days", new Object[] { minutes / 1440, (minutes % 1440) / 60 },
				locale);
	}

}
