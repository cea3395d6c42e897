package org.hotline12345.triage;

import java.util.List;

import org.hotline12345.triage.TriageEvaluation.LabelledCase;
import org.hotline12345.triage.TriageEvaluation.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spot checks written by the engineer who tuned the rules on the third set ({@code /triage/spot-checks-triage4.tsv},
 * 180 sentences). NOT a blind set and NOT a measure of generalisation: the writer knew the rules. It is kept as a
 * regression guard for the danger kinds added while tuning, and for the honest record of what fresh text did to
 * the rules. The five batches were each run once when written (urgent-class recall / precision / CRITICAL recall /
 * exact level):
 * <ul>
 * <li>A, 60, written before any tuning: 0.857 / 0.938 / 0.733 / 0.800 with the danger-class rules;</li>
 * <li>B, 30, after the third-set tuning: 0.650 / 1.000 / 0.500 / 0.733;</li>
 * <li>C, 30, after a round on B's kinds: 0.400 / 0.889 / 0.300 / 0.533;</li>
 * <li>D, 30, after a round on C's kinds: 0.500 / 1.000 / 0.600 / 0.600;</li>
 * <li>E, 30, after the last round (on D's kinds), never tuned against: 0.600 / 1.000 / 0.500 / 0.667.</li>
 * </ul>
 * Each new batch of the writer's own text lost a third to a half of its urgent requests to phrasings no list
 * held, although each round had covered the previous batch's kinds broadly. Expect a blind set to do the same.
 * All 180 on 2026-11-29 after the last round: recall 0.913, precision 0.981, CRITICAL recall 0.909, exact 0.900.
 * On 2026-12-04, after the set-4 round (its kinds, not its sentences) and with the statistical signal trained on the
 * other shipped sets: 1.000 / 1.000 / 1.000, exact 0.972; those are asserted as floors. Do not edit the labels to
 * match the rules.
 */
class TriageSpotCheckEvaluationTests {

	private static List<LabelledCase> cases;

	private static Report report;

	@BeforeAll
	static void evaluate() {
		LabelledSets.Evaluated evaluated = LabelledSets.evaluate("/triage/spot-checks-triage4.tsv", "SPOT CHECKS (not blind)");
		cases = evaluated.cases();
		report = evaluated.report();
	}

	@Test
	void holdsTheFloorsReachedWhenTheyWereWritten() {
		assertThat(cases).hasSize(180);
		LabelledSets.assertAtLeast(report, 1.00, 1.00, 1.00);
	}

}
