package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;

import java.util.List;

import org.hotline12345.triage.TriageEvaluation.LabelledCase;
import org.hotline12345.triage.TriageEvaluation.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published default rules measured on a fourth BLIND set ({@code /triage/blind-set-4.tsv}): 150 Nantong
 * requests written and labelled by someone who had not seen the rules, the tuning set, the other evaluation sets
 * or any rule-tuning branch, by DOMAIN.md's definitions (32 CRITICAL, 45 URGENT, 73 ROUTINE, many of them tricky
 * negatives: past events, hypotheticals, suggestions, negations, thanks, resolved or withdrawn reports, harmless
 * uses of hazard words). It measures how well the rules generalise to situations and wording nobody tuned against.
 * <p>
 * This test prints the confusion matrix and the figures and asserts only the set's shape; it has no quality
 * thresholds. Do not edit the labels to match the rules, and do not tune rules against these texts.
 * <p>
 * Measured blind on 2026-11-29: with the danger-class rules (tuned on sets 1–2) urgent-class recall 0.714, precision
 * 0.846, CRITICAL recall 0.625; after the third tuning round (sets 1–3, never this set) recall 0.818, precision 0.863,
 * CRITICAL recall 0.781. The targets are 0.95 / 0.90 / 0.90 and are NOT met on unseen wording; the assertions below
 * are the measured figures as floors, so a change that generalises worse fails. Do not tune against these texts.
 */
class TriageBlindSet4EvaluationTests {

	private static List<LabelledCase> cases;

	private static Report report;

	@BeforeAll
	static void evaluate() {
		LabelledSets.Evaluated evaluated = LabelledSets.evaluate("/triage/blind-set-4.tsv", "BLIND SET 4");
		cases = evaluated.cases();
		report = evaluated.report();
	}

	@Test
	void setIsLargeEnoughAndCoversEveryLevel() {
		assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
		for (TriageLevel level : TriageLevel.values()) {
			assertThat(cases).anyMatch((c) -> c.expectedLevel() == level);
		}
	}

	@org.junit.jupiter.api.Test
	void doesNotFallBelowTheMeasuredFloors() {
		assertThat(report.urgentClassRecall()).as(report.format()).isGreaterThanOrEqualTo(0.81);
		assertThat(report.urgentClassPrecision()).as(report.format()).isGreaterThanOrEqualTo(0.85);
		assertThat(report.criticalRecall()).as(report.format()).isGreaterThanOrEqualTo(0.77);
	}

}
