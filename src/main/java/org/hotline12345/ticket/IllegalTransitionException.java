package org.hotline12345.ticket;

/**
 * A step that the ticket's current status does not allow. The message names the current status; nothing changed.
 */
public class IllegalTransitionException extends RuntimeException {

	private final String ticketNo;

	private final TicketStatus status;

	private final TicketStatus.Step step;

	IllegalTransitionException(String ticketNo, TicketStatus status, TicketStatus.Step step) {
		super("Cannot " + step.name().toLowerCase().replace('_', ' ') + " ticket " + ticketNo + " in status " + status);
		this.ticketNo = ticketNo;
		this.status = status;
		this.step = step;
	}

	public String ticketNo() {
		return this.ticketNo;
	}

	public TicketStatus status() {
		return this.status;
	}

	public TicketStatus.Step step() {
		return this.step;
	}

}
