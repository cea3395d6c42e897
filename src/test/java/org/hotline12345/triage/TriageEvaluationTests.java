package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hotline12345.triage.TriageEvaluation.LabelledCase;
import org.hotline12345.triage.TriageEvaluation.Misgrade;
import org.hotline12345.triage.TriageEvaluation.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default rules measured on the hand-labelled evaluation set. The set was written before the rules
 * were tuned; when this fails, fix the rules, not the labels.
 */
class TriageEvaluationTests {

	private static List<LabelledCase> cases;

	private static Report report;

	@BeforeAll
	static void evaluate() {
		cases = TriageEvaluation.readTsv(new InputStreamReader(
				TriageEvaluationTests.class.getResourceAsStream("/triage/evaluation-set.tsv"), StandardCharsets.UTF_8));
		report = TriageEvaluation.evaluate(cases, LabelledSets.engineWithout("/triage/evaluation-set.tsv"));
		System.out.println(report.format());
		for (Misgrade m : report.misgraded()) {
			System.out.println("MISGRADED expected " + m.labelled().expectedLevel() + ", got " + m.actual().level()
					+ " (" + m.actual().score() + "): " + m.labelled().input().text() + "\n    "
					+ m.actual().explain().replace("\n", "\n    "));
		}
	}

	@Test
	void setCoversEveryLevelAndMarkAndIsLargeEnough() {
		assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
		for (TriageLevel level : TriageLevel.values()) {
			assertThat(cases).anyMatch((c) -> c.expectedLevel() == level);
		}
		for (TriageMark mark : TriageMark.values()) {
			assertThat(cases).anyMatch((c) -> c.expectedMarks().contains(mark));
		}
	}

	@Test
	void urgentClassRecallIsAtLeast95Percent() {
		assertThat(report.urgentClassRecall()).as(report.format()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void urgentClassPrecisionIsAtLeast90Percent() {
		assertThat(report.urgentClassPrecision()).as(report.format()).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void criticalRecallIsAtLeast90Percent() {
		assertThat(report.criticalRecall()).as(report.format()).isGreaterThanOrEqualTo(0.90);
	}

	/**
	 * What was reached on 2026-12-04, the set-4 round's rules with the signal, which is never trained on this set:
	 * a change that does worse fails.
	 */
	@Test
	void holdsTheFloorsReached() {
		LabelledSets.assertAtLeast(report, 1.00, 0.99, 1.00);
	}

}
