package org.hotline12345.intake;

import java.util.Optional;

import org.hotline12345.ticket.Grade;
import org.hotline12345.triage.TriageInput;
import org.hotline12345.triage.TriageResult;
import org.hotline12345.triage.TriageService;

import org.springframework.stereotype.Component;

/** The intake screen's triage: {@link TriageService#preview} on the current rule set, in the ticket's terms. */
@Component
class TriageServicePreview implements TriagePreview {

	private final TriageService triage;

	TriageServicePreview(TriageService triage) {
		this.triage = triage;
	}

	@Override
	public Optional<Result> preview(Input input) {
		TriageResult result = this.triage.preview(new TriageInput(input.text(), input.requestType(),
				input.categoryCode(), input.districtCode(), input.vulnerable()));
		return Optional.of(new Result(result.level(), result.marks(), result.score(),
				result.reasons().stream().map((r) -> new Grade.Reason(r.rule(), r.matched(), r.weight())).toList(),
				result.ruleSetVersion()));
	}

}
