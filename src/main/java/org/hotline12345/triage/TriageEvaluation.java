package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures a rule set against requests whose right grade is known: the confusion matrix, precision and
 * recall of the urgent class (URGENT or CRITICAL) and of CRITICAL, and how well the marks agree. The
 * supervisors' report shows the same figures for the current and a draft rule set.
 */
public final class TriageEvaluation {

	private TriageEvaluation() {
	}

	/**
	 * Grades every case with {@code rules} and compares.
	 * @param cases the labelled requests
	 * @param rules the rule set to measure
	 * @return the figures and the misgraded cases
	 */
	public static Report evaluate(List<LabelledCase> cases, RuleSet rules) {
		return evaluate(cases, TriageEngine.compile(rules));
	}

	/**
	 * Grades every case with an already compiled engine and compares.
	 * @param cases the labelled requests
	 * @param engine the engine to measure
	 * @return the figures and the misgraded cases
	 */
	public static Report evaluate(List<LabelledCase> cases, TriageEngine engine) {
		Map<TriageLevel, Map<TriageLevel, Integer>> confusion = new EnumMap<>(TriageLevel.class);
		for (TriageLevel expected : TriageLevel.values()) {
			Map<TriageLevel, Integer> row = new EnumMap<>(TriageLevel.class);
			for (TriageLevel actual : TriageLevel.values()) {
				row.put(actual, 0);
			}
			confusion.put(expected, row);
		}
		Map<TriageMark, int[]> markCounts = new EnumMap<>(TriageMark.class);
		for (TriageMark mark : TriageMark.values()) {
			markCounts.put(mark, new int[3]);
		}
		List<Misgrade> misgraded = new ArrayList<>();
		for (LabelledCase c : cases) {
			TriageResult result = engine.grade(c.input());
			confusion.get(c.expectedLevel()).merge(result.level(), 1, Integer::sum);
			if (result.level() != c.expectedLevel()) {
				misgraded.add(new Misgrade(c, result));
			}
			for (TriageMark mark : TriageMark.values()) {
				boolean expected = c.expectedMarks().contains(mark);
				boolean actual = result.marks().contains(mark);
				int[] counts = markCounts.get(mark);
				if (expected && actual) {
					counts[0]++;
				}
				else if (actual) {
					counts[1]++;
				}
				else if (expected) {
					counts[2]++;
				}
			}
		}
		Map<TriageMark, MarkScore> marks = new EnumMap<>(TriageMark.class);
		markCounts.forEach((mark, n) -> marks.put(mark, new MarkScore(n[0], n[1], n[2])));
		return new Report(engine.ruleSet().version(), cases.size(), confusion, marks, misgraded);
	}

	/**
	 * Reads labelled cases from tab-separated lines: expected level, expected marks (comma list or
	 * {@code -}), request type, category code (may be empty), text. Blank lines and lines starting with
	 * {@code #} are skipped.
	 * @param reader the lines
	 * @return the cases in file order
	 */
	public static List<LabelledCase> readTsv(Reader reader) {
		List<LabelledCase> cases = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(reader)) {
			String line;
			int number = 0;
			while ((line = lines.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cols = line.split("\t", -1);
				if (cols.length != 5) {
					throw new IllegalArgumentException("Line " + number + ": expected 5 tab-separated columns, got "
							+ cols.length);
				}
				Set<TriageMark> marks = EnumSet.noneOf(TriageMark.class);
				if (!cols[1].isBlank() && !cols[1].strip().equals("-")) {
					for (String mark : cols[1].split(",")) {
						marks.add(TriageMark.valueOf(mark.strip()));
					}
				}
				cases.add(new LabelledCase(TriageLevel.valueOf(cols[0].strip()), marks,
						new TriageInput(cols[4], cols[2], cols[3], null, false)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return cases;
	}

	/**
	 * A request and its right grade.
	 *
	 * @param expectedLevel the level a senior operator would give
	 * @param expectedMarks the marks a senior operator would give (empty for ROUTINE)
	 * @param input the request
	 */
	public record LabelledCase(TriageLevel expectedLevel, Set<TriageMark> expectedMarks, TriageInput input) {

		public LabelledCase {
			expectedMarks = Set.copyOf(expectedMarks);
		}

	}

	/**
	 * A case the rules graded differently from its label.
	 *
	 * @param labelled the case
	 * @param actual what the rules said, with reasons
	 */
	public record Misgrade(LabelledCase labelled, TriageResult actual) {
	}

	/**
	 * Agreement on one mark.
	 *
	 * @param truePositives given and expected
	 * @param falsePositives given, not expected
	 * @param falseNegatives expected, not given
	 */
	public record MarkScore(int truePositives, int falsePositives, int falseNegatives) {

		public double precision() {
			return ratio(this.truePositives, this.truePositives + this.falsePositives);
		}

		public double recall() {
			return ratio(this.truePositives, this.truePositives + this.falseNegatives);
		}

	}

	/**
	 * The outcome of one evaluation.
	 *
	 * @param ruleSetVersion the version measured
	 * @param total the number of cases
	 * @param confusion counts by expected level (outer) and graded level (inner)
	 * @param marks agreement per mark
	 * @param misgraded the cases graded at another level than their label
	 */
	public record Report(int ruleSetVersion, int total, Map<TriageLevel, Map<TriageLevel, Integer>> confusion,
			Map<TriageMark, MarkScore> marks, List<Misgrade> misgraded) {

		public Report {
			confusion = Collections.unmodifiableMap(confusion);
			marks = Collections.unmodifiableMap(marks);
			misgraded = List.copyOf(misgraded);
		}

		/**
		 * @return how many cases labelled {@code expected} were graded {@code actual}
		 */
		public int count(TriageLevel expected, TriageLevel actual) {
			return this.confusion.get(expected).get(actual);
		}

		/**
		 * @return of the cases labelled URGENT or CRITICAL, the share graded URGENT or CRITICAL
		 */
		public double urgentClassRecall() {
			int tp = urgentBoth();
			return ratio(tp, tp + count(TriageLevel.URGENT, TriageLevel.ROUTINE)
					+ count(TriageLevel.CRITICAL, TriageLevel.ROUTINE));
		}

		/**
		 * @return of the cases graded URGENT or CRITICAL, the share labelled URGENT or CRITICAL
		 */
		public double urgentClassPrecision() {
			int tp = urgentBoth();
			return ratio(tp, tp + count(TriageLevel.ROUTINE, TriageLevel.URGENT)
					+ count(TriageLevel.ROUTINE, TriageLevel.CRITICAL));
		}

		/**
		 * @return of the cases labelled CRITICAL, the share graded CRITICAL
		 */
		public double criticalRecall() {
			int expected = 0;
			for (TriageLevel actual : TriageLevel.values()) {
				expected += count(TriageLevel.CRITICAL, actual);
			}
			return ratio(count(TriageLevel.CRITICAL, TriageLevel.CRITICAL), expected);
		}

		/**
		 * @return of the cases graded CRITICAL, the share labelled CRITICAL
		 */
		public double criticalPrecision() {
			int graded = 0;
			for (TriageLevel expected : TriageLevel.values()) {
				graded += count(expected, TriageLevel.CRITICAL);
			}
			return ratio(count(TriageLevel.CRITICAL, TriageLevel.CRITICAL), graded);
		}

		/**
		 * @return the share of cases graded exactly at their label
		 */
		public double accuracy() {
			int right = 0;
			for (TriageLevel level : TriageLevel.values()) {
				right += count(level, level);
			}
			return ratio(right, this.total);
		}

		private int urgentBoth() {
			return count(TriageLevel.URGENT, TriageLevel.URGENT) + count(TriageLevel.URGENT, TriageLevel.CRITICAL)
					+ count(TriageLevel.CRITICAL, TriageLevel.URGENT) + count(TriageLevel.CRITICAL, TriageLevel.CRITICAL);
		}

		/**
		 * @return the figures as a plain-text table, for logs and test output
		 */
		public String format() {
			StringBuilder sb = new StringBuilder();
			sb.append(String.format(Locale.ROOT, "rule set v%d, %d cases, accuracy %.3f%n", this.ruleSetVersion,
					this.total, accuracy()));
			sb.append(String.format(Locale.ROOT, "urgent class (URGENT+CRITICAL): precision %.3f, recall %.3f%n",
					urgentClassPrecision(), urgentClassRecall()));
			sb.append(String.format(Locale.ROOT, "CRITICAL: precision %.3f, recall %.3f%n", criticalPrecision(),
					criticalRecall()));
			sb.append(String.format("%-18s%10s%10s%10s%n", "expected \\ graded", "CRITICAL", "URGENT", "ROUTINE"));
			for (TriageLevel expected : TriageLevel.values()) {
				sb.append(String.format("%-18s", expected));
				for (TriageLevel actual : TriageLevel.values()) {
					sb.append(String.format("%10d", count(expected, actual)));
				}
				sb.append(System.lineSeparator());
			}
			this.marks.forEach((mark, score) -> sb.append(String.format(Locale.ROOT,
					"mark %-10s precision %.3f, recall %.3f (tp %d, fp %d, fn %d)%n", mark, score.precision(),
					score.recall(), score.truePositives(), score.falsePositives(), score.falseNegatives())));
			return sb.toString();
		}

	}

	private static double ratio(int numerator, int denominator) {
		return (denominator == 0) ? 1.0 : (double) numerator / denominator;
	}

}
