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
 * The published default rules measured on a second BLIND set ({@code /triage/blind-set-2.tsv}): 160 requests
 * written and labelled by someone who had not seen the rules, the tuning set, the held-out set or any rule-tuning
 * branch, by DOMAIN.md's definitions (35 CRITICAL, 50 URGENT, 75 ROUTINE, many of them tricky negatives). It
 * measures how well the rules generalise to wording nobody tuned against.
 * <p>
 * Measured blind on 2026-11-29: with rule set v1 as first written, urgent-class recall 0.494, precision 0.933,
 * CRITICAL recall 0.371; with the rules regrouped by danger class (tuned on the first two sets only), recall 0.706,
 * precision 0.938, CRITICAL recall 0.629. The targets are 0.95 / 0.90 / 0.90; the assertions below are the measured
 * figures as floors, so a rule change that generalises worse fails. Do not edit the labels to match the rules.
 */
class TriageBlindSet2EvaluationTests {

	private static List<LabelledCase> cases;

	private static Report report;

	@BeforeAll
	static void evaluate() {
		cases = TriageEvaluation.readTsv(new InputStreamReader(
				TriageBlindSet2EvaluationTests.class.getResourceAsStream("/triage/blind-set-2.tsv"),
				StandardCharsets.UTF_8));
		report = TriageEvaluation.evaluate(cases, RuleSetFormat.defaults());
		System.out.println("BLIND SET 2, " + cases.size() + " cases");
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

	@org.junit.jupiter.api.Test
	void doesNotFallBelowTheMeasuredFloors() {
		assertThat(report.urgentClassRecall()).as(report.format()).isGreaterThanOrEqualTo(0.70);
		assertThat(report.urgentClassPrecision()).as(report.format()).isGreaterThanOrEqualTo(0.90);
		assertThat(report.criticalRecall()).as(report.format()).isGreaterThanOrEqualTo(0.62);
	}

}
