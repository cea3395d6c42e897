package org.hotline12345.ticket;

/**
 * 急慢分治: how urgent a ticket is. The level sets the ticket's queue and its deadlines.
 */
public enum TriageLevel {

	/** 特急: life, health or major property at risk now; minutes matter. */
	CRITICAL,

	/** 紧急: sudden, sensitive, clustered or important (突发·敏感·集中·重要). */
	URGENT,

	/** 一般: everything else. */
	ROUTINE;

	public boolean isUrgent() {
		return this != ROUTINE;
	}

	/** The more urgent of the two. */
	public TriageLevel atLeast(TriageLevel other) {
		return (other.ordinal() < ordinal()) ? other : this;
	}

	public boolean isHigherThan(TriageLevel other) {
		return ordinal() < other.ordinal();
	}

}
