package org.hotline12345.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.TicketEvents.TicketClosed;
import org.hotline12345.ticket.TicketEvents.TicketReplied;
import org.hotline12345.ticket.TicketNotFoundException;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.user.HotlineUser;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办 and 催办: a supervisor's order or reminder on a ticket a unit holds, on the ticket's timeline (through the
 * workflow) and in {@code supervision_order}, complete once the unit replies or the ticket closes.
 */
@Service
@Transactional
class SupervisionOrders {

	enum Kind {

		/** 督办: a formal order with its own deadline. */
		ORDER("SUPERVISION_ORDER"),

		/** 催办: a nudge before the deadline. */
		REMINDER("REMINDER");

		final String timelineType;

		Kind(String timelineType) {
			this.timelineType = timelineType;
		}

	}

	private final JdbcTemplate jdbc;

	private final TicketWorkflow workflow;

	private final AuditLog audit;

	private final Clock clock;

	SupervisionOrders(JdbcTemplate jdbc, TicketWorkflow workflow, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.workflow = workflow;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Issues an order or a reminder to the unit that holds the ticket now. The workflow refuses it (with the ticket's
	 * status) unless a unit holds the ticket.
	 */
	void issue(String ticketNo, Kind kind, String note, Instant dueAt, HotlineUser supervisor) {
		this.workflow.remind(ticketNo, kind.timelineType, note, Actor.of(supervisor));
		Map<String, Object> ticket = this.jdbc
			.queryForList("select id, lead_unit_id from ticket where ticket_no = ?", ticketNo)
			.stream()
			.findFirst()
			.orElseThrow(() -> new TicketNotFoundException(ticketNo));
		this.jdbc.update("""
				insert into supervision_order (ticket_id, unit_id, kind, note, due_at, issued_by, issued_at)
				values (?, ?, ?, ?, ?, ?, ?)""", ticket.get("id"), ticket.get("lead_unit_id"), kind.name(), note,
				(dueAt != null) ? Timestamp.from(dueAt) : null, supervisor.getUsername(),
				Timestamp.from(this.clock.instant()));
		this.audit.record(AuditEvent.success(kind.timelineType, supervisor.getUsername(), null, "TICKET", ticketNo,
				null));
	}

	@ApplicationModuleListener
	void on(TicketReplied event) {
		complete(event.ticketId(), event.at());
	}

	@ApplicationModuleListener
	void on(TicketClosed event) {
		complete(event.ticketId(), event.at());
	}

	private void complete(long ticketId, Instant at) {
		this.jdbc.update("update supervision_order set completed_at = ? where ticket_id = ? and completed_at is null",
				Timestamp.from(at), ticketId);
	}

	record Entry(long id, String ticketNo, String unitName, Kind kind, String note, Instant dueAt, String issuedBy,
			Instant issuedAt, Instant completedAt, boolean overdue) {
	}

	@Transactional(readOnly = true)
	List<Entry> list(boolean open, int limit, Names names) {
		Instant now = this.clock.instant();
		return this.jdbc.query("""
				select o.id, t.ticket_no, o.unit_id, o.kind, o.note, o.due_at, o.issued_by, o.issued_at, o.completed_at
				from supervision_order o join ticket t on t.id = o.ticket_id
				where (o.completed_at is null) = ?
				order by o.issued_at desc limit ?""", (rs, i) -> {
			Timestamp due = rs.getTimestamp(6);
			Timestamp completed = rs.getTimestamp(9);
			Long unit = (Long) rs.getObject(3);
			return new Entry(rs.getLong(1), rs.getString(2), (unit != null) ? names.unitName(unit) : "—",
					Kind.valueOf(rs.getString(4)), rs.getString(5), (due != null) ? due.toInstant() : null,
					rs.getString(7), rs.getTimestamp(8).toInstant(), (completed != null) ? completed.toInstant() : null,
					completed == null && due != null && due.toInstant().isBefore(now));
		}, open, limit);
	}

	@Transactional(readOnly = true)
	Map<String, Object> counts() {
		return this.jdbc.queryForMap("""
				select count(*) filter (where completed_at is null) as open,
				  count(*) filter (where completed_at is null and due_at < ?) as overdue
				from supervision_order""", Timestamp.from(this.clock.instant()));
	}

}
