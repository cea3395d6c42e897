package org.hotline12345.interop;

import java.time.Instant;
import java.util.Map;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.portal.PublicIntake;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.ServiceLine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A peer's ticket becomes a linked ticket of ours (channel 跨市转办), triaged like any other. The sender's ticket number
 * is the idempotency key: a resent hand-over answers the ticket the first one created.
 */
@Service
@Transactional
class Receiver {

	private final PublicIntake intake;

	private final Transfers transfers;

	private final DepartmentDirectory directory;

	Receiver(PublicIntake intake, Transfers transfers, DepartmentDirectory directory) {
		this.intake = intake;
		this.transfers = transfers;
		this.directory = directory;
	}

	String receive(Peer peer, Map<String, Object> payload) {
		String origin = (String) payload.get("originTicketNo");
		String category = text(payload, "categoryCode");
		if (category != null && this.directory.category(category).isEmpty()) {
			category = null;
		}
		RequestType type;
		try {
			type = RequestType.valueOf(String.valueOf(payload.get("requestType")));
		}
		catch (IllegalArgumentException ex) {
			type = RequestType.HELP;
		}
		String note = text(payload, "note");
		String description = (String) payload.get("description");
		if (note != null) {
			description = description + "\n【" + peer.name() + "转办说明】" + note;
		}
		String name = text(payload, "callerName");
		NewTicket request = new NewTicket(name, text(payload, "callerPhone"), name == null,
				Boolean.TRUE.equals(payload.get("confidential")), text(payload, "address"), null, null,
				(description.length() > 4000) ? description.substring(0, 4000) : description, type, category,
				Channel.OTHER_CITY, ServiceLine.MAIN, Boolean.TRUE.equals(payload.get("vulnerable")),
				"interop:" + peer.code() + ":" + origin);
		String ticketNo = this.intake.register(request, Transfers.INTEROP).ticketNo();
		if (this.transfers.received(peer.id(), origin, ticketNo, note)) {
			this.transfers.noteLinkageReceived(ticketNo, peer.name() + "转来，对方工单号 " + origin);
		}
		return ticketNo;
	}

	boolean status(Peer peer, String localTicketNo, String event, Instant at, String note) {
		return this.transfers.statusReceived(peer.id(), localTicketNo, event, at, peer.name() + "：" + note);
	}

	private static String text(Map<String, Object> payload, String key) {
		Object value = payload.get(key);
		return (value instanceof String s && !s.isBlank()) ? s.strip() : null;
	}

}
