package org.hotline12345.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.hotline12345.user.HotlineUser;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 周报: the weekly public report for any range (default: last week, Monday to Sunday), printable and exported. */
@Controller
class WeeklyReportController {

	private final WeeklyReport reports;

	private final Exports exports;

	private final MessageSource messages;

	private final Clock clock;

	WeeklyReportController(WeeklyReport reports, Exports exports, MessageSource messages, Clock clock) {
		this.reports = reports;
		this.exports = exports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/supervision/weekly-report")
	String report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		model.addAttribute("report", this.reports.report(period(from, to)));
		return "supervision/weekly-report";
	}

	@GetMapping("/supervision/weekly-report/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "xlsx") String format, @AuthenticationPrincipal HotlineUser user,
			HttpServletRequest request, Locale locale) {
		Period period = period(from, to);
		WeeklyReport.Report report = this.reports.report(period);
		Spreadsheet sheet = new Spreadsheet();
		sheet.table(text("supervision.weekly.summary", locale), List.of(text("supervision.weekly.text", locale)),
				List.of(List.of(report.intakeLine()), List.of(report.hotTopicLine()), List.of(report.ratesLine())));
		List<List<Object>> lines = List.of(
				List.of(text("ticket.serviceLine.MAIN", locale), report.mainLine()),
				List.of(text("ticket.serviceLine.TALENT", locale), report.talentLine()),
				List.of(text("ticket.serviceLine.ENTERPRISE", locale), report.enterpriseLine()));
		sheet.table(text("supervision.weekly.lines", locale),
				List.of(text("supervision.col.item", locale), text("supervision.col.count", locale)), lines);
		List<List<Object>> hot = new ArrayList<>();
		int rank = 1;
		for (DashboardStatistics.HotTopic topic : report.hotTopics()) {
			hot.add(List.of(rank++, topic.name(), topic.count(), topic.share(), topic.previous(),
					(topic.change() != null) ? topic.change() : Shares.NONE));
		}
		sheet.table(text("supervision.weekly.hotTopics", locale),
				List.of(text("supervision.col.rank", locale), text("supervision.col.category", locale),
						text("supervision.col.count", locale), text("supervision.col.share", locale),
						text("supervision.col.previous", locale), text("supervision.col.change", locale)),
				hot);
		sheet.table(text("supervision.weekly.byChannel", locale), countHeader(locale),
				counts(report.byChannel(), "ticket.channel.", locale));
		sheet.table(text("supervision.weekly.byType", locale), countHeader(locale),
				counts(report.byRequestType(), "ticket.requestType.", locale));
		DashboardStatistics.Rates rates = report.rates();
		sheet.table(text("supervision.weekly.rates", locale),
				List.of(text("supervision.col.item", locale), text("supervision.col.rate", locale)),
				List.of(List.of(text("supervision.rate.direct", locale), rates.directRate()),
						List.of(text("supervision.rate.onTime", locale), rates.onTimeRate()),
						List.of(text("supervision.rate.resolution", locale), rates.resolutionRate()),
						List.of(text("supervision.rate.satisfaction", locale), rates.satisfactionRate())));
		return this.exports.send(sheet, format, "weekly-report-" + period.from() + "-" + period.to(),
				"WEEKLY_REPORT", period.from() + ".." + period.to(), user, request);
	}

	private List<String> countHeader(Locale locale) {
		return List.of(text("supervision.col.item", locale), text("supervision.col.count", locale),
				text("supervision.col.share", locale));
	}

	private List<List<Object>> counts(List<WeeklyReport.Count> counts, String prefix, Locale locale) {
		return counts.stream()
			.map((count) -> List.<Object>of(text(prefix + count.key(), locale), count.count(), count.share()))
			.toList();
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private Period period(LocalDate from, LocalDate to) {
		return Period.of(from, to, Period.lastWeek(LocalDate.now(this.clock), this.clock.getZone()));
	}

}
