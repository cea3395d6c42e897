package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;

import java.util.List;
import java.util.Objects;

/**
 * A complete, immutable set of triage rules: what the centre tunes, versions and back-tests. The
 * {@link TriageEngine} compiles it once and grades any number of requests with it.
 *
 * @param version the published version (0 for an unsaved draft)
 * @param thresholds the score thresholds and engine settings
 * @param phrases the phrase rules, scoring and modifying
 * @param categoryDefaults the minimum level of some categories
 * @param requestTypeFactors how much each request type lets hazards count
 * @param cluster when several tickets form a 集中 cluster (used beyond a single ticket, not by the engine)
 */
public record RuleSet(int version, Thresholds thresholds, List<PhraseRule> phrases,
		List<CategoryDefault> categoryDefaults, List<RequestTypeFactor> requestTypeFactors, Cluster cluster) {

	public RuleSet {
		Objects.requireNonNull(thresholds, "thresholds");
		phrases = List.copyOf(phrases);
		categoryDefaults = List.copyOf(categoryDefaults);
		requestTypeFactors = List.copyOf(requestTypeFactors);
		cluster = (cluster != null) ? cluster : Cluster.DEFAULTS;
	}

	/**
	 * A rule set with the default cluster settings.
	 */
	public RuleSet(int version, Thresholds thresholds, List<PhraseRule> phrases, List<CategoryDefault> categoryDefaults,
			List<RequestTypeFactor> requestTypeFactors) {
		this(version, thresholds, phrases, categoryDefaults, requestTypeFactors, Cluster.DEFAULTS);
	}

	/**
	 * @return the same rules under another version number
	 */
	public RuleSet withVersion(int newVersion) {
		return new RuleSet(newVersion, thresholds, phrases, categoryDefaults, requestTypeFactors, cluster);
	}

	/**
	 * When tickets form a 集中 cluster: {@code threshold} open tickets within {@code windowHours} of the same
	 * category (or its level-2 parent) and district, or with descriptions at least {@code similarity} percent alike.
	 *
	 * @param windowHours the window, in hours before the newest ticket
	 * @param threshold how many tickets make a cluster
	 * @param similarity the pg_trgm similarity in percent from which two descriptions are the same matter
	 */
	public record Cluster(int windowHours, int threshold, int similarity) {

		/** Six hours, three tickets, 60 % alike. */
		public static final Cluster DEFAULTS = new Cluster(6, 3, 60);

		public Cluster {
			if (windowHours < 1 || windowHours > 168 || threshold < 2 || threshold > 100 || similarity < 30
					|| similarity > 100) {
				throw new IllegalArgumentException("Cluster settings out of range: " + windowHours + " h, " + threshold
						+ " tickets, " + similarity + " %");
			}
		}

	}

	/**
	 * Score thresholds and the few numbers the engine needs.
	 *
	 * @param urgent the score from which a request is URGENT
	 * @param critical the score from which a request is CRITICAL, if a life-danger rule fired
	 * @param amplifierGate the score of hazards and sensitive signs from which amplifiers count
	 * @param negationWindow how many characters may stand between a negation and the phrase it negates
	 * @param gapWindow how many characters may stand between the parts of a gap phrase (明天…考试)
	 * @param scaleMinCount the head count (30名, 几十户) from which a number counts as many affected
	 * @param scaleWeight the weight of such a head count
	 * @param durationMinHours the duration (20个小时, 两天) from which a number counts as long-lasting
	 * @param durationWeight the weight of such a duration
	 * @param vulnerableFlagWeight the weight when the operator ticked "vulnerable person involved"
	 */
	public record Thresholds(int urgent, int critical, int amplifierGate, int negationWindow, int gapWindow, int scaleMinCount,
			int scaleWeight, int durationMinHours, int durationWeight, int vulnerableFlagWeight) {

		public Thresholds {
			if (urgent <= 0 || critical < urgent) {
				throw new IllegalArgumentException(
						"Need 0 < urgent <= critical, got urgent=" + urgent + ", critical=" + critical);
			}
		}

	}

	/**
	 * One phrase and what it means.
	 *
	 * @param kind what the phrase does
	 * @param rule the rule's name in Chinese, shown in reasons (生命危险, 时态 …)
	 * @param phrase the words, matched as a plain substring; parts joined by … must follow each other
	 * in one clause, a few characters apart at most (明天…考试 matches 明天就要考试); parts joined by + must all
	 * occur anywhere in the request (掉下去+河); | separates alternatives within a part (明天|后天…考试|面试)
	 * @param weight the score it adds; for modifiers the factor in percent (0 cancels, 50 halves)
	 * @param mark the mark it gives when it counts, or {@code null}
	 * @param critical whether it can make a request CRITICAL (danger to life or health)
	 */
	public record PhraseRule(RuleKind kind, String rule, String phrase, int weight, TriageMark mark,
			boolean critical) {

		public PhraseRule {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(rule, "rule");
			if (phrase == null || phrase.isBlank()) {
				throw new IllegalArgumentException("A " + kind + " rule needs a phrase");
			}
			phrase = phrase.strip();
		}

	}

	/**
	 * A category that is at least a given level whatever the words say, e.g. a missing manhole cover.
	 *
	 * @param categoryCode the code; it also covers its sub-categories ({@code code.*})
	 * @param rule the rule's name in Chinese
	 * @param floor the minimum level
	 * @param mark the mark it gives, or {@code null}
	 */
	public record CategoryDefault(String categoryCode, String rule, TriageLevel floor, TriageMark mark) {

		public CategoryDefault {
			Objects.requireNonNull(categoryCode, "categoryCode");
			Objects.requireNonNull(floor, "floor");
		}

		boolean covers(String code) {
			return code != null && (code.equals(categoryCode) || code.startsWith(categoryCode + "."));
		}

	}

	/**
	 * How much hazards count for a request type: a praise letter mentioning a fire is not a fire.
	 *
	 * @param requestType the request type (PRAISE, CONSULTATION …)
	 * @param label its Chinese name, shown in reasons
	 * @param factor the factor in percent applied to hazard weights
	 * @param allKinds whether it also scales sensitive signs and amplifiers (PRAISE), not only hazards
	 * @param exemptWhenNow whether a hazard happening now escapes the factor (a consultation about a bite
	 * that happened just now is still an emergency)
	 * @param floorExempt whether category defaults do not apply to this type
	 */
	public record RequestTypeFactor(String requestType, String label, int factor, boolean allKinds,
			boolean exemptWhenNow, boolean floorExempt) {

		public RequestTypeFactor {
			Objects.requireNonNull(requestType, "requestType");
		}

	}

}
