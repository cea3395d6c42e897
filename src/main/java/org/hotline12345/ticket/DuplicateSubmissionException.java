package org.hotline12345.ticket;

/**
 * Two submissions with the same idempotency key raced; the other one created the ticket. Callers answer with that
 * ticket ({@link TicketWorkflow#ticketFor(String)}) instead of an error.
 */
public class DuplicateSubmissionException extends RuntimeException {

	private final String idempotencyKey;

	DuplicateSubmissionException(String idempotencyKey) {
		super("Already submitted");
		this.idempotencyKey = idempotencyKey;
	}

	public String idempotencyKey() {
		return this.idempotencyKey;
	}

}
