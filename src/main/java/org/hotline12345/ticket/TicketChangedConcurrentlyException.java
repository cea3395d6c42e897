package org.hotline12345.ticket;

/**
 * Someone else changed the ticket after the user opened it (已被他人修改). Nothing of this user's step was saved.
 */
public class TicketChangedConcurrentlyException extends RuntimeException {

	private final String ticketNo;

	public TicketChangedConcurrentlyException(String ticketNo) {
		super("Ticket " + ticketNo + " was changed by someone else");
		this.ticketNo = ticketNo;
	}

	public String ticketNo() {
		return this.ticketNo;
	}

}
