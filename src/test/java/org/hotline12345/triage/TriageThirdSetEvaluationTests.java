package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;

import java.util.List;

import org.hotline12345.triage.TriageEvaluation.LabelledCase;
import org.hotline12345.triage.TriageEvaluation.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published default rules on the third set ({@code /triage/tuning-set-3.tsv}, formerly blind-set-2): 160
 * requests written and labelled by someone who had not seen the rules, the other sets or any rule-tuning branch, by
 * DOMAIN.md's definitions (35 CRITICAL, 50 URGENT, 75 ROUTINE, many of them tricky negatives).
 * <p>
 * Measured BLIND on 2026-11-29: with rule set v1 as first written, urgent-class recall 0.494, precision 0.933,
 * CRITICAL recall 0.371; with the rules regrouped by danger class (tuned on the first two sets only), recall 0.706,
 * precision 0.938, CRITICAL recall 0.629. Those are the generalisation figures; keep them.
 * <p>
 * It has been a TUNING set since: its misgrades were studied by kind (chemical leaks and toxic smoke, people locked
 * in cold stores and confined spaces, fire cutting off the escape, people in water and boats, altered consciousness
 * and cyanosis, group food poisoning, deadlines with blocked paperwork, going to the government in person, debris
 * and animals on the road, a 谢谢 that closes a request, look-alikes such as pets, insurance and unreachable
 * landlords), and the vocabulary was broadened per kind. After that, on 2026-11-29: recall 1.000, precision 1.000,
 * CRITICAL recall 1.000, CRITICAL precision 0.972, exact level 0.994. These are tuning figures, not a measure; the
 * next blind set is the measure. The targets are asserted. Do not edit the labels to match the rules.
 */
class TriageThirdSetEvaluationTests {

	private static List<LabelledCase> cases;

	private static Report report;

	@BeforeAll
	static void evaluate() {
		LabelledSets.Evaluated evaluated = LabelledSets.evaluate("/triage/tuning-set-3.tsv", "SET 3 (tuning)");
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

	@Test
	void meetsTheTargets() {
		LabelledSets.assertAtLeast(report, 0.95, 0.90, 0.90);
	}

	/**
	 * What was reached on 2026-12-04, the set-4 round's rules with the signal trained on the other shipped sets:
	 * a change that does worse fails.
	 */
	@Test
	void holdsTheFloorsReached() {
		LabelledSets.assertAtLeast(report, 1.00, 0.98, 1.00);
	}

}
