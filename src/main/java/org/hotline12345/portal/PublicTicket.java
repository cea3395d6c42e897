package org.hotline12345.portal;

import java.time.Instant;
import java.util.List;

import org.hotline12345.ticket.Satisfaction;
import org.hotline12345.ticket.TicketStatus;

/**
 * A ticket as the citizen sees it on the portal: where it stands and the public steps, never staff names or internal
 * notes.
 */
record PublicTicket(String ticketNo, TicketStatus status, String categoryPath, Instant createdAt, String leadUnitName,
		List<Step> steps, boolean ratable, Satisfaction satisfaction) {

	/**
	 * One public step: {@code key} names a message ({@code portal.step.*}), {@code unit} the unit involved where the
	 * public may know it, {@code text} the unit's public answer on a reply.
	 */
	record Step(Instant at, String key, String unit, String text) {
	}

}
