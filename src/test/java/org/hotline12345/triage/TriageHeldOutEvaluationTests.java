package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;

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
 * The published default rules measured on a HELD-OUT set: hand-labelled by someone who had not seen the
 * rules or the tuning evaluation set. It measures how well the rules generalise. When it fails, do not
 * edit the labels and do not tune the rules against these texts (that would make it a second tuning
 * set); write new held-out cases instead.
 * <p>
 * Measured on 2026-11-29 with rule set v1 (152 cases): urgent-class recall 0.597, precision 0.939, CRITICAL recall
 * 0.531 — far below the targets (0.95 / 0.90 / 0.90) that the tuning set meets. The assertions below are the
 * recorded figures as a floor, so that a rule change that makes generalisation worse fails here; the gap to the
 * targets is tracked in docs/triage.md and closed by better rules, not by lowering these numbers.
 */
class TriageHeldOutEvaluationTests {

	private static List<LabelledCase> cases;

	private static Report report;

	@BeforeAll
	static void evaluate() {
		cases = TriageEvaluation.readTsv(new InputStreamReader(
				TriageHeldOutEvaluationTests.class.getResourceAsStream("/triage/held-out-set.tsv"),
				StandardCharsets.UTF_8));
		report = TriageEvaluation.evaluate(cases, RuleSetFormat.defaults());
		System.out.println("HELD-OUT SET, " + cases.size() + " cases");
		System.out.println(report.format());
		System.out.printf("urgent-class recall %.3f, urgent-class precision %.3f, CRITICAL recall %.3f, "
				+ "CRITICAL precision %.3f, accuracy %.3f%n", report.urgentClassRecall(),
				report.urgentClassPrecision(), report.criticalRecall(), report.criticalPrecision(),
				report.accuracy());
		for (Misgrade m : report.misgraded()) {
			System.out.println("MISGRADED expected " + m.labelled().expectedLevel() + ", got " + m.actual().level()
					+ " (" + m.actual().score() + "): " + m.labelled().input().text() + "\n    "
					+ m.actual().explain().replace("\n", "\n    "));
		}
	}

	@Test
	void setIsLargeEnoughAndCoversEveryLevel() {
		assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
		for (TriageLevel level : TriageLevel.values()) {
			assertThat(cases).anyMatch((c) -> c.expectedLevel() == level);
		}
	}

	/** Recorded floors (see the class comment); the targets are 0.95, 0.90 and 0.90. */
	static final double URGENT_RECALL_FLOOR = 0.59;

	static final double URGENT_PRECISION_FLOOR = 0.90;

	static final double CRITICAL_RECALL_FLOOR = 0.53;

	@Test
	void urgentClassRecallDoesNotFallBelowItsRecordedFloor() {
		assertThat(report.urgentClassRecall()).as(report.format()).isGreaterThanOrEqualTo(URGENT_RECALL_FLOOR);
	}

	@Test
	void urgentClassPrecisionStaysAtLeast90Percent() {
		assertThat(report.urgentClassPrecision()).as(report.format()).isGreaterThanOrEqualTo(URGENT_PRECISION_FLOOR);
	}

	@Test
	void criticalRecallDoesNotFallBelowItsRecordedFloor() {
		assertThat(report.criticalRecall()).as(report.format()).isGreaterThanOrEqualTo(CRITICAL_RECALL_FLOOR);
	}

}
