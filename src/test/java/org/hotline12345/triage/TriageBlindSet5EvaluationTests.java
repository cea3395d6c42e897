package org.hotline12345.triage;

import java.util.List;

import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.triage.TriageEvaluation.LabelledCase;
import org.hotline12345.triage.TriageEvaluation.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default rules on blind set 5 ({@code /triage/blind-set-5.tsv}, test resources only, so the statistical signal
 * never learns from it): 200 Nantong requests (30 CRITICAL, 60 URGENT, 110 ROUTINE) written and labelled on
 * 2026-12-04 by someone who saw DOMAIN.md only — not the rules, not the other sets, not the tuning branch — with many
 * wordings of danger that avoid the obvious keywords (symptoms, smells, sounds, rising water) and many tricky negatives.
 * <p>
 * This is the generalisation figure, measured once, after the rules and the signal were final: FLOORS below are what
 * was measured then (a change that generalises worse fails). Do not tune against these texts; when they have been
 * studied, rename the set to a tuning set and write a new blind one.
 */
class TriageBlindSet5EvaluationTests {

	// Measured 2026-12-04 with the default rules v1 + the signal (rules of commit e6696a2): urgent-class recall 0.956
	// (86 of 90), precision 0.915, CRITICAL recall 0.700 (21 of 30; the other 9 graded URGENT, none ROUTINE), CRITICAL
	// precision 0.724, accuracy 0.865. Targets 0.95 / 0.90 / 0.90: the urgent class meets them on unseen text,
	// CRITICAL recall does not (docs/triage.md "Quality").

	static final double URGENT_RECALL_FLOOR = 0.95;

	static final double URGENT_PRECISION_FLOOR = 0.91;

	static final double CRITICAL_RECALL_FLOOR = 0.70;

	private static List<LabelledCase> cases;

	private static Report report;

	@BeforeAll
	static void evaluate() {
		LabelledSets.Evaluated evaluated = LabelledSets.evaluate("/triage/blind-set-5.tsv", "SET 5 (blind)");
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
