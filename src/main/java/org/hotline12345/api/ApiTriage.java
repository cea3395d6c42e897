package org.hotline12345.api;

import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.triage.TriageInput;
import org.hotline12345.triage.TriageResult;
import org.hotline12345.triage.TriageService;

import org.springframework.stereotype.Component;

/**
 * 急慢分治 for the API: the same published rules the intake screen grades with, so that a ticket from a channel is
 * graded exactly like one typed by an operator, reasons and rule-set version included.
 */
@Component
class ApiTriage {

	private final TriageService triage;

	ApiTriage(TriageService triage) {
		this.triage = triage;
	}

	TriageResult preview(TriageInput input) {
		return this.triage.preview(input);
	}

	Grade grade(NewTicket request) {
		TriageResult result = preview(new TriageInput(request.description(), request.requestType().name(),
				request.categoryCode(), request.districtCode(), request.vulnerable()));
		return new Grade(result.level(), result.marks(), result.score(),
				result.reasons().stream().map((r) -> new Grade.Reason(r.rule(), r.matched(), r.weight())).toList(),
				result.ruleSetVersion());
	}

}
