package org.hotline12345.ticket;

/** Why a ticket was closed; the assessment counts some of them differently. */
public enum CloseReason {

	/** 直接答复. */
	DIRECT_ANSWER,

	/** Closed after the citizen was reached at callback. */
	CALLBACK,

	/** Three callback attempts without reaching the citizen. */
	UNREACHED,

	/** A supervisor ruled the demand unreasonable (诉求不合理). */
	UNREASONABLE,

	/** A duplicate of another ticket, closed by the centre. */
	DUPLICATE,

	/** The citizen rated the outcome online before the callback. */
	CITIZEN_RATED

}
