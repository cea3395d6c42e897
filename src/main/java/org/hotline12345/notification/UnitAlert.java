package org.hotline12345.notification;

/**
 * One alert to one unit (or to the centre, {@code unitId == null}).
 *
 * @param key unique per event and recipient: the consumer's deduplication key and the gateway's idempotency key
 * @param kind what happened
 * @param ticketId the ticket
 * @param ticketNo its number, as the unit knows it
 * @param unitId the recipient unit, {@code null} for the centre
 * @param text the message, in Chinese, with no personal data of the caller
 */
public record UnitAlert(String key, Kind kind, long ticketId, String ticketNo, Long unitId, String text) {

	/** What the alert is about. */
	public enum Kind {

		/** 新派单: a ticket was dispatched to the unit (lead or assisting). */
		DISPATCHED,

		/** 预警: a clock reached its warning share. */
		DEADLINE_WARNING,

		/** 超时: a deadline passed. */
		DEADLINE_OVERDUE

	}

}
