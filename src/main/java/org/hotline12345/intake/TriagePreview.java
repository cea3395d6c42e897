package org.hotline12345.intake;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;

/**
 * What the intake screen needs from 急慢分治 triage: a grade with its reasons for what the operator has typed so far.
 * <p>
 * Implemented by {@link TriageServicePreview} over the triage module. Should no implementation be present, the screen
 * says the preview is not connected and the operator grades the ticket by hand (never a made-up grade).
 */
interface TriagePreview {

	/** The grade the triage engine gives; empty if it cannot grade right now. */
	Optional<Result> preview(Input input);

	/** What triage looks at. */
	record Input(String text, String requestType, String categoryCode, String districtCode, boolean vulnerable) {
	}

	/** A grade with reasons, in the ticket's own terms. */
	record Result(TriageLevel level, Set<TriageMark> marks, int score, List<Grade.Reason> reasons,
			Integer ruleSetVersion) {

		Grade toGrade() {
			return new Grade(this.level, this.marks, this.score, this.reasons, this.ruleSetVersion);
		}

	}

}
