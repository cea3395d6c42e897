package org.hotline12345.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TriageLevel;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * 监控台: the supervisor's home. The page is a set of panels that htmx refreshes on their own; the charts read JSON
 * from this controller (the CSP allows no inline script, so no data is written into a script block).
 */
@Controller
class DashboardController {

	private static final Set<String> PANELS = Set.of("today", "open", "urgent", "due", "rates", "hot", "replica");

	private final DashboardStatistics statistics;

	private final TicketList tickets;

	private final MessageSource messages;

	DashboardController(DashboardStatistics statistics, TicketList tickets, MessageSource messages) {
		this.statistics = statistics;
		this.tickets = tickets;
		this.messages = messages;
	}

	@GetMapping("/supervision")
	String dashboard(Model model) {
		for (String panel : PANELS) {
			fill(panel, model);
		}
		return "supervision/dashboard";
	}

	@GetMapping("/supervision/panels/{panel}")
	String panel(@PathVariable String panel, Model model) {
		if (!PANELS.contains(panel)) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		fill(panel, model);
		return "supervision/dashboard :: " + panel;
	}

	private void fill(String panel, Model model) {
		Period week = this.statistics.week();
		model.addAttribute("today", this.statistics.today());
		model.addAttribute("week", week);
		switch (panel) {
			case "today" -> model.addAttribute("taken", this.statistics.takenToday());
			case "open" -> model.addAttribute("open", this.statistics.open());
			case "urgent" -> {
				model.addAttribute("urgent", this.statistics.urgentBoard(40));
				model.addAttribute("clusters", this.statistics.clusters());
			}
			case "due" -> model.addAttribute("due", this.statistics.dueByUnit());
			case "rates" -> model.addAttribute("rates", this.statistics.rates(week, null));
			case "hot" -> model.addAttribute("hot", this.statistics.hotTopics(week, null, 10));
			case "replica" -> {
				// ReplicaNotice adds how far behind the figures are.
			}
			default -> throw new IllegalArgumentException(panel);
		}
	}

	/** Chart data: labels, values, and for each bar the link to the tickets behind it. */
	record Chart(String title, List<String> labels, List<Long> values, List<Long> secondary, List<String> links) {
	}

	@GetMapping("/supervision/charts/trend")
	@ResponseBody
	Chart trend(Locale locale) {
		List<String> labels = new ArrayList<>();
		List<Long> totals = new ArrayList<>();
		List<Long> direct = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (DashboardStatistics.Day day : this.statistics.trend(30)) {
			labels.add(day.day().getMonthValue() + "/" + day.day().getDayOfMonth());
			totals.add(day.total());
			direct.add(day.direct());
			links.add(link().queryParam("from", day.day()).queryParam("to", day.day()).toUriString());
		}
		return new Chart(this.messages.getMessage("supervision.dashboard.trend", null, locale), labels, totals, direct,
				links);
	}

	@GetMapping("/supervision/charts/districts")
	@ResponseBody
	Chart districts(Locale locale) {
		Period week = this.statistics.week();
		List<String> labels = new ArrayList<>();
		List<Long> values = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (DashboardStatistics.DistrictCount district : this.statistics.byDistrict(week)) {
			labels.add(district.name());
			values.add(district.count());
			links.add(link().queryParam("from", week.from())
				.queryParam("to", week.to())
				.queryParam("district", district.code())
				.toUriString());
		}
		return new Chart(this.messages.getMessage("supervision.dashboard.districts", null, locale), labels, values,
				null, links);
	}

	private static UriComponentsBuilder link() {
		return UriComponentsBuilder.fromPath("/supervision/tickets");
	}

	/** The tickets behind a number. */
	@GetMapping("/supervision/tickets")
	String tickets(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String on, @RequestParam(required = false) Channel channel,
			@RequestParam(required = false) ServiceLine line, @RequestParam(required = false) TriageLevel level,
			@RequestParam(required = false) TicketStatus status, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) String category, @RequestParam(required = false) String district,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String due,
			@RequestParam(required = false) Boolean cluster, @RequestParam(required = false) String closeReason,
			@RequestParam(required = false) Boolean reached, @RequestParam(required = false) Boolean solved,
			@RequestParam(required = false) Boolean satisfied, @RequestParam(required = false) Boolean onTime,
			@RequestParam(required = false) Boolean reopened, @RequestParam(required = false) Boolean urgent,
			@RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
		TicketList.Filter filter = new TicketList.Filter(from, to, on, name(channel), name(line), name(level),
				name(status), open, category, district, unit, due, cluster,
				(closeReason != null && closeReason.matches("[A-Z_]{1,20}")) ? closeReason : null, reached, solved,
				satisfied, onTime, reopened, urgent, page);
		model.addAttribute("filter", filter);
		TicketList.Page result = this.tickets.find(filter);
		model.addAttribute("page", result);
		model.addAttribute("previousUrl", (result.index() > 0) ? pageUrl(request, result.index() - 1) : null);
		model.addAttribute("nextUrl", result.hasNext() ? pageUrl(request, result.index() + 1) : null);
		return "supervision/tickets";
	}

	private static String pageUrl(HttpServletRequest request, int page) {
		UriComponents uri = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", page).build();
		return uri.getPath() + "?" + uri.getQuery();
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

}
