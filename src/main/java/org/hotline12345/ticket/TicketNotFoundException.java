package org.hotline12345.ticket;

/**
 * No such ticket, or none the current user may see: both answer 404 so that another unit's tickets do not leak.
 */
public class TicketNotFoundException extends RuntimeException {

	public TicketNotFoundException(String ticketNo) {
		super("No visible ticket " + ticketNo);
	}

}
