package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A grade with the reasons that produced it.
 *
 * @param level the grade
 * @param marks the marks (empty for {@link TriageLevel#ROUTINE})
 * @param score the sum of the reasons' weights
 * @param reasons every rule that fired, in the order the engine applied them
 * @param ruleSetVersion the version of the rule set that graded it, recorded on the ticket
 */
public record TriageResult(TriageLevel level, Set<TriageMark> marks, int score, List<Reason> reasons,
		int ruleSetVersion) {

	public TriageResult {
		marks = Set.copyOf(marks);
		reasons = List.copyOf(reasons);
	}

	/**
	 * @return the reasons as an operator reads them, one per line
	 */
	public String explain() {
		return reasons.stream().map(Reason::toString).collect(Collectors.joining("\n"));
	}

	/**
	 * One rule that fired.
	 *
	 * @param rule the rule's name in Chinese, e.g. 生命危险 or 时态
	 * @param matched the words or facts it fired on, e.g. 咬伤 or 去年 (过去) ×0
	 * @param weight what it added to (or, for a modifier, took from) the score
	 */
	public record Reason(String rule, String matched, int weight) {

		@Override
		public String toString() {
			if (weight == 0) {
				return rule + ": " + matched;
			}
			return rule + ": " + matched + " " + (weight > 0 ? "+" : "") + weight;
		}

	}

}
