package org.hotline12345.interop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.interop.InteropEvents.TicketTransferRequested;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.TicketNotFoundException;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketWorkflow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The hand-overs: recording them, and what the sender and receiver learn about them. */
@Service
@Transactional
class Transfers {

	static final Actor INTEROP = new Actor("interop", null, null);

	private final JdbcTemplate jdbc;

	private final Peers peers;

	private final TicketWorkflow workflow;

	private final TicketQueries tickets;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	Transfers(JdbcTemplate jdbc, Peers peers, TicketWorkflow workflow, TicketQueries tickets,
			ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.peers = peers;
		this.workflow = workflow;
		this.tickets = tickets;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * 转办外市: records the hand-over and, in the same transaction, the event that sends it; the ticket's timeline says
	 * so. A ticket goes to a given peer once.
	 */
	long request(String ticketNo, long peerId, String note, String by) {
		Peer peer = this.peers.find(peerId)
			.filter(Peer::enabled)
			.orElseThrow(() -> new IllegalArgumentException("Unknown or disabled peer " + peerId));
		if (this.tickets.findForOversight(ticketNo).isEmpty()) {
			throw new TicketNotFoundException(ticketNo);
		}
		if (!this.jdbc.queryForList("select id from interop_transfer where direction = 'OUT' and peer_id = ?"
				+ " and local_ticket_no = ?", Long.class, peerId, ticketNo).isEmpty()) {
			throw new IllegalStateException("Ticket " + ticketNo + " was already transferred to " + peer.name());
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		Long id = this.jdbc.queryForObject("""
				insert into interop_transfer (direction, peer_id, local_ticket_no, status, note, requested_by,
				  created_at, updated_at)
				values ('OUT', ?, ?, 'PENDING', ?, ?, ?, ?) returning id""", Long.class, peerId, ticketNo, note, by,
				now, now);
		this.workflow.noteLinkage(ticketNo, "转交" + peer.name() + "办理（" + by + "）" + ((note != null && !note.isBlank()) ? "：" + note : ""), INTEROP);
		this.audit.record(new AuditEvent("INTEROP_TRANSFER", by, null, "TICKET", ticketNo, AuditEvent.Outcome.SUCCESS,
				peer.code()));
		this.events.publishEvent(new TicketTransferRequested(id, ticketNo));
		return id;
	}

	@Transactional(readOnly = true)
	Optional<Transfer> find(long id) {
		return this.jdbc.query(SELECT + " where x.id = ?", this::map, id).stream().findFirst();
	}

	@Transactional(readOnly = true)
	List<Transfer> forTicket(String ticketNo) {
		return this.jdbc.query(SELECT + " where x.local_ticket_no = ? order by x.id", this::map, ticketNo);
	}

	@Transactional(readOnly = true)
	List<Transfer> recent(int limit) {
		return this.jdbc.query(SELECT + " order by x.id desc limit ?", this::map, limit);
	}

	@Transactional(readOnly = true)
	Optional<Transfer> incoming(String localTicketNo) {
		return this.jdbc.query(SELECT + " where x.direction = 'IN' and x.local_ticket_no = ?", this::map, localTicketNo)
			.stream()
			.findFirst();
	}

	void delivered(long id, String remoteTicketNo) {
		int changed = this.jdbc.update("update interop_transfer set status = 'DELIVERED', remote_ticket_no = ?,"
				+ " delivered_at = ?, attempts = attempts + 1, last_error = null, updated_at = ?"
				+ " where id = ? and status = 'PENDING'", remoteTicketNo, Timestamp.from(this.clock.instant()),
				Timestamp.from(this.clock.instant()), id);
		if (changed == 1) {
			Transfer transfer = find(id).orElseThrow();
			this.workflow.noteLinkage(transfer.localTicketNo(),
					transfer.peerName() + "已接收，对方工单号 " + remoteTicketNo, INTEROP);
		}
	}

	/** Kept even though the send's own transaction rolls back with the failure. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void failed(long id, String error) {
		this.jdbc.update("update interop_transfer set attempts = attempts + 1, last_error = ?, updated_at = ?"
				+ " where id = ?", (error.length() > 500) ? error.substring(0, 500) : error,
				Timestamp.from(this.clock.instant()), id);
	}

	/** Records a ticket received from a peer; false when that peer's ticket was received before. */
	boolean received(long peerId, String remoteTicketNo, String localTicketNo, String note) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.update("""
				insert into interop_transfer (direction, peer_id, local_ticket_no, remote_ticket_no, status, note,
				  requested_by, created_at, delivered_at, updated_at)
				values ('IN', ?, ?, ?, 'RECEIVED', ?, 'interop', ?, ?, ?)
				on conflict (peer_id, remote_ticket_no) where direction = 'IN' do nothing""", peerId, localTicketNo,
				remoteTicketNo, note, now, now, now) == 1;
	}

	void noteLinkageReceived(String localTicketNo, String text) {
		this.workflow.noteLinkage(localTicketNo, text, INTEROP);
	}

	/** A status push from the peer that holds our ticket; false when it was applied before. */
	boolean statusReceived(long peerId, String localTicketNo, String event, Instant at, String text) {
		List<Long> ids = this.jdbc.queryForList("select id from interop_transfer where direction = 'OUT'"
				+ " and peer_id = ? and local_ticket_no = ?", Long.class, peerId, localTicketNo);
		if (ids.isEmpty()) {
			throw new TicketNotFoundException(localTicketNo);
		}
		long id = ids.get(0);
		Timestamp now = Timestamp.from(this.clock.instant());
		boolean fresh = this.jdbc.update("insert into interop_status_received (transfer_id, event, at, received_at)"
				+ " values (?, ?, ?, ?) on conflict do nothing", id, event, Timestamp.from(at), now) == 1;
		if (fresh) {
			// Pushes may arrive out of order (retries): the latest by the peer's time is the one shown.
			this.jdbc.update("update interop_transfer set last_remote_status = ?, updated_at = ? where id = ?"
					+ " and not exists (select 1 from interop_status_received where transfer_id = ? and at > ?)",
					(text.length() > 500) ? text.substring(0, 500) : text, now, id, id, Timestamp.from(at));
			this.workflow.noteLinkage(localTicketNo, text, INTEROP);
		}
		return fresh;
	}

	private static final String SELECT = """
			select x.*, p.name peer_name from interop_transfer x join interop_peer p on p.id = x.peer_id""";

	private Transfer map(ResultSet rs, int row) throws SQLException {
		return new Transfer(rs.getLong("id"), rs.getString("direction"), rs.getLong("peer_id"),
				rs.getString("peer_name"), rs.getString("local_ticket_no"), rs.getString("remote_ticket_no"),
				rs.getString("status"), rs.getString("note"), rs.getString("requested_by"), rs.getInt("attempts"),
				rs.getString("last_error"), rs.getString("last_remote_status"), instant(rs, "created_at"),
				instant(rs, "delivered_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

}
