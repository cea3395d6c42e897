package org.hotline12345.ticket;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A triage grade as the ticket keeps it: the level, the marks and the reasons that produced them, and the rule set
 * version that graded it.
 */
public record Grade(TriageLevel level, Set<TriageMark> marks, int score, List<Reason> reasons, Integer ruleSetVersion) {

	/** One rule that fired: its name, the words or facts it matched, its weight. */
	public record Reason(String rule, String matched, int weight) {
	}

	public Grade {
		marks = marks.isEmpty() ? EnumSet.noneOf(TriageMark.class) : EnumSet.copyOf(marks);
		reasons = List.copyOf(reasons);
	}

	/** A grade without reasons, for tickets a person graded by hand. */
	public static Grade manual(TriageLevel level) {
		return new Grade(level, Set.of(), 0, List.of(), null);
	}

	/** One line for the timeline: the reasons with their weights. */
	String summary() {
		if (this.reasons.isEmpty()) {
			return null;
		}
		return this.reasons.stream()
			.map((reason) -> reason.rule() + ": " + reason.matched() + " " + signed(reason.weight()))
			.collect(Collectors.joining("; "));
	}

	/** Stored as one reason per line, fields tab-separated (reasons never contain tabs or line breaks). */
	String reasonsText() {
		return this.reasons.stream()
			.map((reason) -> clean(reason.rule()) + "\t" + clean(reason.matched()) + "\t" + reason.weight())
			.collect(Collectors.joining("\n"));
	}

	static List<Reason> parseReasons(String text) {
		List<Reason> reasons = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return reasons;
		}
		for (String line : text.split("\n")) {
			String[] parts = line.split("\t", -1);
			if (parts.length == 3) {
				reasons.add(new Reason(parts[0], parts[1], Integer.parseInt(parts[2])));
			}
		}
		return reasons;
	}

	private static String clean(String text) {
		return (text != null) ? text.replace('\t', ' ').replace('\n', ' ') : "";
	}

	private static String signed(int weight) {
		return (weight >= 0) ? "+" + weight : String.valueOf(weight);
	}

}
