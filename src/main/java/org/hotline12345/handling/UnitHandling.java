package org.hotline12345.handling;

import java.util.List;

import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketNotFoundException;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.user.HotlineUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A progress note and its photos in one transaction: both are kept, or neither.
 */
@Service
class UnitHandling {

	private final TicketWorkflow workflow;

	private final TicketQueries queries;

	private final TicketAttachments attachments;

	UnitHandling(TicketWorkflow workflow, TicketQueries queries, TicketAttachments attachments) {
		this.workflow = workflow;
		this.queries = queries;
		this.attachments = attachments;
	}

	@Transactional
	void addProgress(String ticketNo, String note, List<TicketAttachments.Photo> photos, HotlineUser user) {
		TicketDetails ticket = this.queries.find(ticketNo, user).orElseThrow(() -> new TicketNotFoundException(ticketNo));
		long eventId = this.workflow.addProgress(ticketNo, note, Actor.of(user));
		this.attachments.store(ticket.id(), eventId, photos, user.getUsername());
	}

}
