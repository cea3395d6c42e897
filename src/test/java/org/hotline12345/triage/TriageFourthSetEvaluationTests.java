package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;

import java.util.List;

import org.hotline12345.triage.TriageEvaluation.LabelledCase;
import org.hotline12345.triage.TriageEvaluation.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default rules on the fourth set ({@code /triage/tuning-set-4.tsv}, was {@code blind-set-4.tsv}): 150 Nantong
 * requests written and labelled by someone who had not seen the rules, the tuning set, the other evaluation sets or
 * any rule-tuning branch, by DOMAIN.md's definitions (32 CRITICAL, 45 URGENT, 73 ROUTINE, many of them tricky
 * negatives: past events, hypotheticals, suggestions, negations, thanks, resolved or withdrawn reports, harmless
 * uses of hazard words).
 * <p>
 * Measured blind on 2026-11-29: with the danger-class rules (tuned on sets 1–2) urgent-class recall 0.714, precision
 * 0.846, CRITICAL recall 0.625; after the third tuning round (sets 1–3, never this set) recall 0.818, precision 0.863,
 * CRITICAL recall 0.781. Those are the generalisation figures. On 2026-12-04 its misses were studied by kind and the
 * rules broadened by danger class and scope (docs/triage.md "The fourth set"), so it is a TUNING set since: with those
 * rules and the statistical signal trained on the other shipped sets (never this one) recall 1.000, precision 0.963,
 * CRITICAL recall 0.969, asserted below as floors. A new blind set is the measure. Do not edit the labels.
 */
class TriageFourthSetEvaluationTests {

	private static List<LabelledCase> cases;

	private static Report report;

	@BeforeAll
	static void evaluate() {
		LabelledSets.Evaluated evaluated = LabelledSets.evaluate("/triage/tuning-set-4.tsv", "SET 4 (tuning)");
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
		LabelledSets.assertAtLeast(report, 1.00, 0.96, 0.96);
	}

}
