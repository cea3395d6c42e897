package org.hotline12345.triage;

import java.util.List;

import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.triage.TriageEvaluation.LabelledCase;
import org.hotline12345.triage.TriageEvaluation.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default rules on blind set 6 ({@code /triage/blind-set-6.tsv}, test resources only, so the statistical signal
 * never learns from it): 200 requests (40 CRITICAL, 60 URGENT, 100 ROUTINE) written and labelled on 2026-12-05 by a
 * writer who saw no code, no rules and no other set, while the 危及在场人员 rule was being built on set 5.
 * <p>
 * This is the generalisation figure, measured once, after the rules and the signal were final: FLOORS below are what
 * was measured then (a change that generalises worse fails). Do not tune against these texts; when they have been
 * studied, rename the set to a tuning set and write a new blind one.
 */
class TriageBlindSet6EvaluationTests {

	// Measured 2026-12-05 with the default rules v1 + the signal (rules of commit 1e30b62, with the 危及在场人员 rule):
	// urgent-class recall 0.980 (98 of 100), precision 0.899, CRITICAL recall 0.850 (34 of 40; the other 6 graded
	// URGENT, none ROUTINE), CRITICAL precision 0.773, accuracy 0.890. Targets 0.95 / 0.90 / 0.90: urgent recall meets
	// it, urgent precision is just under, CRITICAL recall is not met (docs/triage.md "Blind set 6").

	static final double URGENT_RECALL_FLOOR = 0.98;

	static final double URGENT_PRECISION_FLOOR = 0.89;

	static final double CRITICAL_RECALL_FLOOR = 0.85;

	private static List<LabelledCase> cases;

	private static Report report;

	@BeforeAll
	static void evaluate() {
		LabelledSets.Evaluated evaluated = LabelledSets.evaluate("/triage/blind-set-6.tsv", "SET 6 (blind)");
		cases = evaluated.cases();
		report = evaluated.report();
	}

	@Test
	void setIsLargeEnoughAndCoversEveryLevel() {
		assertThat(cases).hasSize(200);
		for (TriageLevel level : TriageLevel.values()) {
			assertThat(cases).anyMatch((c) -> c.expectedLevel() == level);
		}
	}

	@Test
	void doesNotFallBelowTheMeasuredFloors() {
		LabelledSets.assertAtLeast(report, URGENT_RECALL_FLOOR, URGENT_PRECISION_FLOOR, CRITICAL_RECALL_FLOOR);
	}

}
