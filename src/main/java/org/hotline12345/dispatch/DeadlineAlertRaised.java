package org.hotline12345.dispatch;

import java.time.Instant;

/**
 * The deadline sweep flagged a ticket: one of its clocks reached the warning share (预警) or passed (超时). Raised
 * exactly once per ticket, clock, level and deadline; notifications (SMS, the unit's alert) listen to it.
 *
 * @param ticketId the ticket's id
 * @param ticketNo the ticket's number
 * @param leadUnitId the unit the clock runs against, {@code null} for the centre's own callback clock
 * @param clock which deadline
 * @param level warning or overdue
 * @param dueAt the deadline that was flagged
 * @param raisedAt when the sweep flagged it
 */
public record DeadlineAlertRaised(long ticketId, String ticketNo, Long leadUnitId, DeadlineClock clock,
		AlertLevel level, Instant dueAt, Instant raisedAt) {

	/** The three clocks of DOMAIN.md. */
	public enum DeadlineClock {

		/** 签收: the lead unit signs for the dispatched ticket. */
		ACCEPT,

		/** 办理回复: the lead unit replies; runs from dispatch. */
		REPLY,

		/** 回访: the centre calls the citizen back after the reply. */
		CALLBACK

	}

	/** 预警 or 超时. */
	public enum AlertLevel {

		/** The clock passed the configured share of its window. */
		WARNING,

		/** The deadline passed. */
		OVERDUE

	}

}
