package org.hotline12345.api;

import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.TriageLevel;

import org.springframework.stereotype.Component;

/**
 * Grades a ticket registered through the API. Until the triage module is on main this is a placeholder: every API
 * ticket is graded ROUTINE by hand, without reasons ({@link Grade#manual}); an operator can override the level.
 */
@Component
class ApiTriage {

	Grade grade(NewTicket request) {
		return Grade.manual(TriageLevel.ROUTINE);
	}

}
