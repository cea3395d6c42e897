package org.hotline12345.enforcement;

import java.time.Instant;
import java.time.LocalDate;

/** One supervision case as the justice bureau's screens show it. */
record EnforcementCase(long id, long ticketId, String ticketNo, Long enforcingUnitId, String enforcingUnitName,
		String recognisedBy, String status, String opinion, String opinionBy, Instant opinionAt,
		String correctionNotice, LocalDate correctionDue, String correctionIssuedBy, Instant correctionIssuedAt,
		String closeNote, String closedBy, Instant openedAt, Instant closedAt, long version) {

	public boolean isOpen() {
		return "OPEN".equals(this.status);
	}

	/** A correction notice whose deadline has passed while the case is still open. */
	public boolean correctionOverdue(LocalDate today) {
		return isOpen() && this.correctionDue != null && today.isAfter(this.correctionDue);
	}

}
