package org.hotline12345.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What happened to tickets, as past-tense records carrying ids and facts. Listeners in other modules react to them
 * after the change is committed (through the event publication registry, so none is lost in a crash).
 */
public final class TicketEvents {

	private TicketEvents() {
	}

	/** A ticket was recorded by an operator, the API, the portal or a peer city. */
	public record TicketRegistered(long ticketId, String ticketNo, TriageLevel level, Set<TriageMark> marks,
			String categoryCode, String districtCode, Channel channel, ServiceLine serviceLine, Instant at) {
	}

	/** The operator answered on the call and the ticket closed at once. */
	public record TicketAnsweredDirectly(long ticketId, String ticketNo, Instant at) {
	}

	/** The ticket entered the urgent or routine dispatch queue. */
	public record TicketQueued(long ticketId, String ticketNo, TriageLevel level, Instant at) {
	}

	public record TicketDispatched(long ticketId, String ticketNo, long leadUnitId, List<Long> assistUnitIds,
			TriageLevel level, Instant acceptDueAt, Instant replyDueAt, Instant at) {
	}

	public record TicketAccepted(long ticketId, String ticketNo, long unitId, Instant at) {
	}

	public record TicketReturned(long ticketId, String ticketNo, long unitId, String reason, int returnCount,
			Instant at) {
	}

	public record TicketReplied(long ticketId, String ticketNo, long unitId, ReplyOutcome outcome, Instant at) {
	}

	/** 审核: the centre accepted the unit's reply (on to the callback) or sent it back to the unit. */
	public record TicketReviewed(long ticketId, String ticketNo, boolean approved, Instant at) {
	}

	/** A merged child took its master's reply and now waits for its own callback. */
	public record MasterReplyReceived(long ticketId, String ticketNo, long masterId, Instant at) {
	}

	public record CallbackRecorded(long ticketId, String ticketNo, boolean reached, Boolean solved,
			Satisfaction satisfaction, Instant at) {
	}

	public record TicketReopened(long ticketId, String ticketNo, long unitId, Instant replyDueAt, Instant at) {
	}

	public record TicketClosed(long ticketId, String ticketNo, CloseReason reason, Instant at) {
	}

	/** The level changed: by re-triage (only ever upwards) or by a person's override. */
	public record TicketLevelChanged(long ticketId, String ticketNo, TriageLevel from, TriageLevel to,
			boolean override, Instant at) {
	}

	/** The caller rang again about an open ticket (追加诉求); triage may raise the level. */
	public record FollowUpAdded(long ticketId, String ticketNo, String text, Instant at) {
	}

	public record ExtensionRequested(long ticketId, String ticketNo, long unitId, Instant until, Instant at) {
	}

	public record ExtensionDecided(long ticketId, String ticketNo, boolean approved, Instant replyDueAt, Instant at) {
	}

	public record TicketMerged(long childId, String childNo, long masterId, String masterNo, Instant at) {
	}

}
