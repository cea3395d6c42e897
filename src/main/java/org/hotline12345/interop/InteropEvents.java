package org.hotline12345.interop;

/** What the interop module tells itself, through the event publication registry so that nothing is lost. */
final class InteropEvents {

	private InteropEvents() {
	}

	/** An operator handed a ticket to a peer; it is sent (and resent) until the peer has it. */
	record TicketTransferRequested(long transferId, String ticketNo) {
	}

	/** A linked ticket we received changed; the change goes back (and again) until the origin has it. */
	record LinkedStatusChanged(long transferId, String event, String at, String note) {
	}

}
