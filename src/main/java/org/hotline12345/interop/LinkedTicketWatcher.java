package org.hotline12345.interop;

import java.time.Instant;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.interop.InteropEvents.LinkedStatusChanged;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketEvents.TicketAccepted;
import org.hotline12345.ticket.TicketEvents.TicketClosed;
import org.hotline12345.ticket.TicketEvents.TicketDispatched;
import org.hotline12345.ticket.TicketEvents.TicketReopened;
import org.hotline12345.ticket.TicketEvents.TicketReplied;
import org.hotline12345.ticket.TicketEvents.TicketReturned;
import org.hotline12345.ticket.TicketQueries;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every status change of a ticket we received from a peer becomes a push back to the peer: recorded here as an event
 * (so it survives the peer being down) and sent by {@link PeerSender}. Tickets not linked are ignored.
 */
@Component
class LinkedTicketWatcher {

	private final Transfers transfers;

	private final TicketQueries tickets;

	private final DepartmentDirectory directory;

	private final ApplicationEventPublisher events;

	LinkedTicketWatcher(Transfers transfers, TicketQueries tickets, DepartmentDirectory directory,
			ApplicationEventPublisher events) {
		this.transfers = transfers;
		this.tickets = tickets;
		this.directory = directory;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(TicketDispatched event) {
		push(event.ticketNo(), "DISPATCHED", event.at(), "已派至" + unitName(event.leadUnitId()));
	}

	@ApplicationModuleListener
	void on(TicketAccepted event) {
		push(event.ticketNo(), "ACCEPTED", event.at(), unitName(event.unitId()) + "已签收");
	}

	@ApplicationModuleListener
	void on(TicketReturned event) {
		push(event.ticketNo(), "RETURNED", event.at(), "承办单位退回，重新派单中");
	}

	@ApplicationModuleListener
	void on(TicketReplied event) {
		String answer = this.tickets.findForOversight(event.ticketNo()).map(TicketDetails::replyAnswer).orElse("");
		push(event.ticketNo(), "REPLIED", event.at(), unitName(event.unitId()) + "已答复：" + answer);
	}

	@ApplicationModuleListener
	void on(TicketReopened event) {
		push(event.ticketNo(), "REOPENED", event.at(), "重办");
	}

	@ApplicationModuleListener
	void on(TicketClosed event) {
		push(event.ticketNo(), "CLOSED", event.at(), "已办结");
	}

	private void push(String ticketNo, String kind, Instant at, String text) {
		this.transfers.incoming(ticketNo).ifPresent((transfer) -> this.events.publishEvent(
				new LinkedStatusChanged(transfer.id(), kind, at.toString(), text)));
	}

	private String unitName(long unitId) {
		try {
			return this.directory.unit(unitId).name();
		}
		catch (RuntimeException ex) {
			return "承办单位";
		}
	}

}
