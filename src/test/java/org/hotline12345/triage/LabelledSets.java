package org.hotline12345.triage;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hotline12345.triage.TriageEvaluation.LabelledCase;
import org.hotline12345.triage.TriageEvaluation.Misgrade;
import org.hotline12345.triage.TriageEvaluation.Report;

/**
 * Loads a labelled set from the classpath, grades it with the shipped default rules and the statistical signal learnt
 * from the OTHER shipped sets (leave one set out: a set is never graded by a signal trained on it), and prints the
 * figures and every misgrade with its reasons, so that each set's test only states what it asserts.
 */
final class LabelledSets {

	/** A set and how the default rules did on it. */
	record Evaluated(List<LabelledCase> cases, Report report) {
	}

	private LabelledSets() {
	}

	/**
	 * @return the default rules with the signal trained on every shipped example set except {@code resource}
	 */
	static TriageEngine engineWithout(String resource) {
		return TriageEngine.compile(RuleSetFormat.defaults(),
				ExampleSignal.shipped(ExampleSignal.DEFAULT_URGENT_FROM, resource));
	}

	/** A set's floors: urgent-class recall and precision, CRITICAL recall; the failure shows the whole report. */
	static void assertAtLeast(Report report, double urgentRecall, double urgentPrecision, double criticalRecall) {
		org.assertj.core.api.SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(report.urgentClassRecall()).as("urgent-class recall\n" + report.format())
				.isGreaterThanOrEqualTo(urgentRecall);
			softly.assertThat(report.urgentClassPrecision()).as("urgent-class precision\n" + report.format())
				.isGreaterThanOrEqualTo(urgentPrecision);
			softly.assertThat(report.criticalRecall()).as("CRITICAL recall\n" + report.format())
				.isGreaterThanOrEqualTo(criticalRecall);
		});
	}

	static Evaluated evaluate(String resource, String title) {
		List<LabelledCase> cases = TriageEvaluation.readTsv(
				new InputStreamReader(LabelledSets.class.getResourceAsStream(resource), StandardCharsets.UTF_8));
		Report report = TriageEvaluation.evaluate(cases, engineWithout(resource));
		System.out.println(title + ", " + cases.size() + " cases");
		System.out.println(report.format());
		System.out.printf("urgent-class recall %.3f, urgent-class precision %.3f, CRITICAL recall %.3f, "
				+ "CRITICAL precision %.3f, accuracy %.3f%n", report.urgentClassRecall(), report.urgentClassPrecision(),
				report.criticalRecall(), report.criticalPrecision(), report.accuracy());
		for (Misgrade m : report.misgraded()) {
			System.out.println("MISGRADED expected " + m.labelled().expectedLevel() + ", got " + m.actual().level() + " ("
					+ m.actual().score() + "): " + m.labelled().input().text() + "\n    "
					+ m.actual().explain().replace("\n", "\n    "));
		}
		return new Evaluated(cases, report);
	}

}
