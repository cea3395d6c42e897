package org.hotline12345.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.hotline12345.ticket.ServiceLine;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /queues/lines: a service line's own queue and the lines' figures (OPERATOR or SUPERVISOR, as /queues/**). */
@Controller
class ServiceLinesController {

	private final ServiceLines lines;

	private final Clock clock;

	ServiceLinesController(ServiceLines lines, Clock clock) {
		this.lines = lines;
		this.clock = clock;
	}

	@GetMapping("/queues/lines")
	String lines(@RequestParam(name = "line", defaultValue = "TALENT") ServiceLine line,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		ZoneId zone = this.clock.getZone();
		LocalDate end = (to != null) ? to : LocalDate.now(this.clock);
		LocalDate start = (from != null && !from.isAfter(end)) ? from : end.minusDays(6);
		model.addAttribute("line", line);
		model.addAttribute("lines", ServiceLine.values());
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("figures", this.lines.figures(start.atStartOfDay(zone).toInstant(),
				end.plusDays(1).atStartOfDay(zone).toInstant()));
		model.addAttribute("rows", this.lines.open(line, 200));
		return "portal/lines";
	}

}
