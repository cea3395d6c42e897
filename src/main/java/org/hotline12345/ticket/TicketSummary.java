package org.hotline12345.ticket;

import java.time.Instant;
import java.util.Set;

/**
 * A ticket as a row of a list or queue: enough to decide what to open next, with personal data already masked.
 */
public record TicketSummary(String ticketNo, TicketStatus status, TriageLevel level, Set<TriageMark> marks,
		String categoryCode, String categoryName, String excerpt, String callerPhoneMasked, boolean confidential,
		String leadUnitName, ServiceLine serviceLine, Instant createdAt, Instant dueAt, DeadlineState deadlineState,
		boolean extensionPending, int returnCount, int reopenCount) {

	/** 正常 / 预警 / 超时 against the deadline that currently runs. */
	public enum DeadlineState {

		NONE, ON_TIME, WARNING, OVERDUE

	}

	public boolean isOverdue() {
		return this.deadlineState == DeadlineState.OVERDUE;
	}

}
