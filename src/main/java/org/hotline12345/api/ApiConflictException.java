package org.hotline12345.api;

/**
 * A step the ticket's current state rules out for a reason beyond its status (an extension already pending, the
 * deadline already passed); answered 409 with the message {@code key} about {@code ticketNo}.
 */
class ApiConflictException extends RuntimeException {

	private final String key;

	private final String ticketNo;

	ApiConflictException(String key, String ticketNo) {
		super(key, null, false, false);
		this.key = key;
		this.ticketNo = ticketNo;
	}

	String key() {
		return this.key;
	}

	String ticketNo() {
		return this.ticketNo;
	}

}
