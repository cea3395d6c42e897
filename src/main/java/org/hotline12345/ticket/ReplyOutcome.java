package org.hotline12345.ticket;

/** The unit's own verdict in its reply (办理回复). */
public enum ReplyOutcome {

	SOLVED, PARTLY_SOLVED, UNSOLVED

}
