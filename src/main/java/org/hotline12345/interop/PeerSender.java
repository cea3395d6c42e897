package org.hotline12345.interop;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.interop.InteropEvents.LinkedStatusChanged;
import org.hotline12345.interop.InteropEvents.TicketTransferRequested;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends what the registry holds: hand-overs and status pushes. A failure is recorded on the transfer and thrown, so
 * that the publication stays incomplete; {@link Resubmission} sends it again with backoff. The receiving side is
 * idempotent, so a resend after a lost answer changes nothing there.
 */
@Component
class PeerSender {

	private static final Log logger = LogFactory.getLog(PeerSender.class);

	/** Reads the ticket as the centre does, to hand the whole matter (caller included) to the other city. */
	private static final HotlineUser VIEWER = HotlineUser.of(0, "interop", "跨市联动", Role.OPERATOR, null, null, null);

	private final Transfers transfers;

	private final Peers peers;

	private final PeerClient client;

	private final TicketQueries tickets;

	private final InteropSettings settings;

	private final AuditLog audit;

	PeerSender(Transfers transfers, Peers peers, PeerClient client, TicketQueries tickets, InteropSettings settings,
			AuditLog audit) {
		this.transfers = transfers;
		this.peers = peers;
		this.client = client;
		this.tickets = tickets;
		this.settings = settings;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(TicketTransferRequested event) {
		deliver(event.transferId());
	}

	@ApplicationModuleListener
	void on(LinkedStatusChanged event) {
		Transfer transfer = this.transfers.find(event.transferId()).orElseThrow();
		Peer peer = this.peers.find(transfer.peerId()).orElseThrow();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("originTicketNo", transfer.remoteTicketNo());
		payload.put("ticketNo", transfer.localTicketNo());
		payload.put("event", event.event());
		payload.put("at", event.at());
		payload.put("note", event.note());
		try {
			this.client.post(peer, "/interop/v1/status", payload);
		}
		catch (RuntimeException ex) {
			logger.warn("Status of " + transfer.localTicketNo() + " not delivered to " + peer.name() + ": "
					+ ex.getMessage());
			throw ex;
		}
	}

	/** Sends the hand-over; answers the peer's ticket number. */
	String deliver(long transferId) {
		Transfer transfer = this.transfers.find(transferId).orElseThrow();
		Peer peer = this.peers.find(transfer.peerId()).orElseThrow();
		TicketDetails ticket = this.tickets.find(transfer.localTicketNo(), VIEWER).orElseThrow();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("originTicketNo", ticket.ticketNo());
		payload.put("originName", this.settings.selfName());
		payload.put("description", ticket.description());
		payload.put("requestType", ticket.requestType().name());
		payload.put("categoryCode", ticket.categoryCode());
		payload.put("address", ticket.address());
		payload.put("callerName", ticket.callerName());
		payload.put("callerPhone", this.tickets.revealPhone(ticket.ticketNo(), VIEWER).orElse(null));
		payload.put("confidential", ticket.confidential());
		payload.put("vulnerable", ticket.vulnerable());
		payload.put("note", transfer.note());
		try {
			Map<String, Object> answer = this.client.post(peer, "/interop/v1/transfers", payload);
			String remote = String.valueOf(answer.get("ticketNo"));
			this.transfers.delivered(transferId, remote);
			this.audit.record(new AuditEvent("PII_TRANSFER", "interop", null, "TICKET", ticket.ticketNo(),
					AuditEvent.Outcome.SUCCESS, peer.code()));
			return remote;
		}
		catch (RuntimeException ex) {
			this.transfers.failed(transferId, ex.getMessage());
			logger.warn("Transfer " + ticket.ticketNo() + " to " + peer.name() + " not delivered yet: "
					+ ex.getMessage());
			throw ex;
		}
	}

}
