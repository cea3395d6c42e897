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

/** 考核: the unit assessment for any date range (default: this month so far), with its ranking and exports. */
@Controller
class AssessmentController {

	private final Assessment assessment;

	private final Exports exports;

	private final MessageSource messages;

	private final Clock clock;

	AssessmentController(Assessment assessment, Exports exports, MessageSource messages, Clock clock) {
		this.assessment = assessment;
		this.exports = exports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/supervision/assessment")
	String assessment(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		model.addAttribute("report", this.assessment.report(period(from, to)));
		return "supervision/assessment";
	}

	@GetMapping("/supervision/assessment/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "xlsx") String format, @AuthenticationPrincipal HotlineUser user,
			HttpServletRequest request, Locale locale) {
		Period period = period(from, to);
		Assessment.Report report = this.assessment.report(period);
		List<String> header = List.of("rank", "unit", "received", "acceptOnTime", "replyOnTime", "solved", "satisfied",
				"returnRate", "reopenRate", "extensions", "overdue", "orders", "reminders", "score")
			.stream()
			.map((key) -> this.messages.getMessage("supervision.assessment.col." + key, null, locale))
			.toList();
		Spreadsheet sheet = new Spreadsheet()
			.table(text("supervision.assessment.ranking", locale), header, rows(report.ranking(), true))
			.table(text("supervision.assessment.units", locale), header, rows(report.units(), false))
			.table(text("supervision.assessment.rollup", locale), header, rows(report.rollup(), false));
		return this.exports.send(sheet, format, "assessment-" + period.from() + "-" + period.to(), "ASSESSMENT",
				period.from() + ".." + period.to(), user, request);
	}

	private static List<List<Object>> rows(List<Assessment.Row> rows, boolean ranked) {
		List<List<Object>> out = new ArrayList<>();
		int rank = 1;
		for (Assessment.Row row : rows) {
			out.add(List.of(ranked ? rank++ : "", row.unitName(), row.received(), row.acceptRate(), row.replyRate(),
					row.solvedRate(), row.satisfiedRate(), row.returnRate(), row.reopenRate(), row.extensions(),
					row.overdue(), row.orders(), row.reminders(), row.scoreText()));
		}
		return out;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private Period period(LocalDate from, LocalDate to) {
		return Period.of(from, to, Period.monthToDate(LocalDate.now(this.clock), this.clock.getZone()));
	}

}
