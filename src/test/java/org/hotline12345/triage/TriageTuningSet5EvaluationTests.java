package org.hotline12345.triage;

import java.util.List;

import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.triage.TriageEvaluation.LabelledCase;
import org.hotline12345.triage.TriageEvaluation.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default rules on set 5 ({@code /triage/tuning-set-5.tsv}, test resources only, so the statistical signal never
 * learns from it): 200 Nantong requests (30 CRITICAL, 60 URGENT, 110 ROUTINE) written and labelled on 2026-12-04 by
 * someone who saw DOMAIN.md only — not the rules, not the other sets, not the tuning branch — with many wordings of
 * danger that avoid the obvious keywords (symptoms, smells, sounds, rising water) and many tricky negatives.
 * <p>
 * It was the blind set (was {@code blind-set-5.tsv}) and was run once blind (figures below); its nine CRITICAL misses
 * were then studied for the 危及在场人员 rule (a sudden danger happening now next to a person at risk from it), so it
 * is a tuning set now and blind set 6 is the measure (docs/triage.md "Measuring honestly"). FLOORS are the figures
 * after that round: a change that does worse here fails.
 */
class TriageTuningSet5EvaluationTests {

	// Blind, 2026-12-04, default rules v1 + the signal (rules of commit e6696a2): urgent-class recall 0.956 (86 of 90),
	// precision 0.915, CRITICAL recall 0.700 (21 of 30; the other 9 graded URGENT, none ROUTINE), CRITICAL precision
	// 0.724, accuracy 0.865.
	// Tuned on it, 2026-12-05 (the 危及在场人员 rule and indirect wordings of danger by class): urgent-class recall
	// 0.956, precision 0.915, CRITICAL recall 0.967 (29 of 30), CRITICAL precision 0.784, accuracy 0.905. These are
	// tuning figures, not a measure.

	static final double URGENT_RECALL_FLOOR = 0.95;

	static final double URGENT_PRECISION_FLOOR = 0.91;

	static final double CRITICAL_RECALL_FLOOR = 0.96;

	private static List<LabelledCase> cases;

	private static Report report;

	@BeforeAll
	static void evaluate() {
		LabelledSets.Evaluated evaluated = LabelledSets.evaluate("/triage/tuning-set-5.tsv", "SET 5 (tuning)");
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
