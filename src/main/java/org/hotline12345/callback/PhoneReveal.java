package org.hotline12345.callback;

import java.util.Optional;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.user.HotlineUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's full number for the callback, only with a reason and only after the audit record is written (fail
 * closed: no record, no number). The record names the ticket and the reason, never the number.
 */
@Service
class PhoneReveal {

	private final TicketQueries queries;

	private final AuditLog audit;

	PhoneReveal(TicketQueries queries, AuditLog audit) {
		this.queries = queries;
		this.audit = audit;
	}

	@Transactional
	Optional<String> reveal(String ticketNo, String reason, HotlineUser user, String sourceAddress) {
		this.audit.record(AuditEvent.success("PII_VIEW", user.getUsername(), sourceAddress, "TICKET", ticketNo,
				"callback phone; reason: " + reason));
		return this.queries.revealPhone(ticketNo, user);
	}

}
