package org.hotline12345.triage;

/**
 * The urgency grade of a request; it sets the ticket's deadlines and queue. Ordered from the most to
 * the least urgent, so {@code compareTo} ranks them. UI labels come from {@code triage.level.<NAME>}.
 */
public enum TriageLevel {

	/** 特急: life, health or major property at risk now; minutes matter. */
	CRITICAL,

	/** 紧急: sudden, sensitive, clustered or important, but not a danger to life right now. */
	URGENT,

	/** 一般: everything else. */
	ROUTINE;

	/**
	 * @return the message key of the Chinese label (特急 / 紧急 / 一般)
	 */
	public String messageKey() {
		return "triage.level." + name();
	}

	/**
	 * @return whether this level is at least as urgent as {@code other}
	 */
	public boolean isAtLeast(TriageLevel other) {
		return compareTo(other) <= 0;
	}

	/**
	 * @return the more urgent of the two levels
	 */
	public static TriageLevel max(TriageLevel a, TriageLevel b) {
		return a.isAtLeast(b) ? a : b;
	}

}
