package org.hotline12345.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hotline12345.ticket.Grade.Reason;

/**
 * One ticket as a particular viewer may see it: for unit staff the phone is masked, and on a confidential ticket
 * (保密) the caller's name, phone and address are withheld entirely.
 */
public record TicketDetails(long id, String ticketNo, TicketStatus status, TriageLevel level, Set<TriageMark> marks,
		int triageScore, List<Reason> reasons, Integer ruleSetVersion, boolean levelOverridden, String callerName,
		String callerPhone, boolean anonymous, boolean confidential, boolean callerWithheld, String address,
		String districtCode, String districtName, Instant occurredAt, String description, RequestType requestType,
		String categoryCode, String categoryPath, Channel channel, ServiceLine serviceLine, boolean vulnerable,
		String leadUnitCode, String leadUnitName, List<String> assistUnitNames, Instant dispatchedAt,
		Instant acceptDueAt, Instant acceptedAt, Instant replyDueAt, Instant repliedAt, Instant callbackDueAt,
		Instant closedAt, ReplyOutcome replyOutcome, String replyAnswer, String directAnswer, int callbackAttempts,
		Boolean callbackSolved, Satisfaction satisfaction, CloseReason closeReason, int returnCount, int reopenCount,
		boolean extensionPending, String masterNo, List<String> childNos, Instant createdAt, String createdBy,
		long version, TicketSummary.DeadlineState deadlineState, List<TimelineEntry> timeline) {

	/** One step on the ticket's timeline. */
	public record TimelineEntry(Instant at, String actor, String actorUnitName, String type, TicketStatus fromStatus,
			TicketStatus toStatus, String note) {
	}

	/**
	 * Whether the timeline's first entries are in a month detached into the archive (docs/operations.md): every
	 * timeline starts with REGISTERED, so one that does not has lost its beginning to the archive.
	 */
	public boolean earlierTimelineArchived() {
		return this.timeline.isEmpty() || !"REGISTERED".equals(this.timeline.get(0).type());
	}

	/** The deadline that currently runs: accept, reply or callback. */
	public Instant currentDue() {
		return switch (this.status) {
			case DISPATCHED -> this.acceptDueAt;
			case IN_PROGRESS -> this.replyDueAt;
			case CALLBACK_PENDING -> this.callbackDueAt;
			default -> null;
		};
	}

}
