package org.hotline12345.enforcement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.ticket.TicketEvents.TicketDispatched;
import org.hotline12345.ticket.TicketEvents.TicketRegistered;
import org.hotline12345.ticket.TicketQueries;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a supervision case when a ticket turns out to be about an enforcement body's conduct (on registration, or on
 * dispatch when the holder is an enforcement body), and carries the justice bureau's steps on it. Opening is
 * idempotent: one case per ticket, however often an event is delivered.
 */
@Service
@Transactional
class EnforcementCases {

	private final JdbcTemplate jdbc;

	private final TicketQueries tickets;

	private final EnforcementRecognizer recognizer;

	private final DepartmentDirectory directory;

	private final AuditLog audit;

	private final Clock clock;

	EnforcementCases(JdbcTemplate jdbc, TicketQueries tickets, EnforcementRecognizer recognizer,
			DepartmentDirectory directory, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.recognizer = recognizer;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(TicketRegistered event) {
		this.tickets.matter(event.ticketNo()).ifPresent((ticket) -> consider(ticket, null));
	}

	@ApplicationModuleListener
	void on(TicketDispatched event) {
		UnitView lead = this.directory.unit(event.leadUnitId());
		this.jdbc.update("update enforcement_case set enforcing_unit_id = ? where ticket_id = ? and enforcing_unit_id is null",
				lead.id(), event.ticketId());
		this.tickets.matter(event.ticketNo()).ifPresent((ticket) -> consider(ticket, lead.code()));
	}

	private void consider(TicketQueries.Matter ticket, String leadUnitCode) {
		this.recognizer.recognise(ticket.categoryCode(), ticket.description(), leadUnitCode).ifPresent((found) -> {
			Long unitId = (found.enforcingUnitCode() != null)
					? this.directory.unit(found.enforcingUnitCode()).map(UnitView::id).orElse(null) : null;
			int opened = this.jdbc.update("""
					insert into enforcement_case (ticket_id, ticket_no, enforcing_unit_id, recognised_by, status, opened_at)
					values (?, ?, ?, ?, 'OPEN', ?) on conflict (ticket_id) do nothing""", ticket.id(), ticket.ticketNo(),
					unitId, found.reason(), Timestamp.from(this.clock.instant()));
			if (opened == 1) {
				this.audit.record(new AuditEvent("ENFORCEMENT_CASE_OPEN", "system", null, "TICKET", ticket.ticketNo(),
						AuditEvent.Outcome.SUCCESS, found.reason()));
			}
		});
	}

	@Transactional(readOnly = true)
	List<EnforcementCase> list(boolean open, int limit) {
		return this.jdbc.query("select * from enforcement_case where status = ? order by opened_at "
				+ (open ? "asc" : "desc") + " limit ?", this::map, open ? "OPEN" : "CLOSED", limit);
	}

	@Transactional(readOnly = true)
	Optional<EnforcementCase> find(long id) {
		return this.jdbc.query("select * from enforcement_case where id = ?", this::map, id).stream().findFirst();
	}

	@Transactional(readOnly = true)
	Optional<EnforcementCase> findByTicket(String ticketNo) {
		return this.jdbc.query("select * from enforcement_case where ticket_no = ?", this::map, ticketNo)
			.stream()
			.findFirst();
	}

	void recordOpinion(long id, String opinion, String by) {
		change(id, "update enforcement_case set opinion = ?, opinion_by = ?, opinion_at = ?, version = version + 1"
				+ " where id = ? and status = 'OPEN'", opinion, by, Timestamp.from(this.clock.instant()), id);
		audit("ENFORCEMENT_OPINION", by, id, null);
	}

	void issueCorrection(long id, String notice, LocalDate due, String by) {
		if (due.isBefore(LocalDate.now(this.clock))) {
			throw new IllegalArgumentException("The correction deadline must not be in the past");
		}
		change(id, "update enforcement_case set correction_notice = ?, correction_due = ?, correction_issued_by = ?,"
				+ " correction_issued_at = ?, version = version + 1 where id = ? and status = 'OPEN'", notice, due, by,
				Timestamp.from(this.clock.instant()), id);
		audit("ENFORCEMENT_CORRECTION", by, id, due.toString());
	}

	void close(long id, String note, String by) {
		change(id, "update enforcement_case set status = 'CLOSED', close_note = ?, closed_by = ?, closed_at = ?,"
				+ " version = version + 1 where id = ? and status = 'OPEN'", note, by,
				Timestamp.from(this.clock.instant()), id);
		audit("ENFORCEMENT_CASE_CLOSE", by, id, null);
	}

	/** Per enforcing unit: cases, open, closed, with an opinion, with a correction notice, corrections overdue. */
	@Transactional(readOnly = true)
	List<UnitFigures> report(Instant from, Instant to) {
		return this.jdbc.query("""
				select enforcing_unit_id, count(*) total,
				  count(*) filter (where status = 'OPEN') open,
				  count(*) filter (where status = 'CLOSED') closed,
				  count(*) filter (where opinion is not null) with_opinion,
				  count(*) filter (where correction_notice is not null) corrections,
				  count(*) filter (where status = 'OPEN' and correction_due < ?) overdue
				from enforcement_case where opened_at >= ? and opened_at < ?
				group by enforcing_unit_id order by total desc""",
				(rs, i) -> {
					long unitId = rs.getLong("enforcing_unit_id");
					String name = rs.wasNull() ? null : unitName(unitId);
					return new UnitFigures(name, rs.getInt("total"), rs.getInt("open"), rs.getInt("closed"),
							rs.getInt("with_opinion"), rs.getInt("corrections"), rs.getInt("overdue"));
				}, LocalDate.now(this.clock), Timestamp.from(from), Timestamp.from(to));
	}

	/** One row of the justice bureau's report; {@code unitName} null for cases whose body is not known yet. */
	record UnitFigures(String unitName, int total, int open, int closed, int withOpinion, int corrections,
			int overdueCorrections) {
	}

	private void change(long id, String sql, Object... args) {
		if (this.jdbc.update(sql, args) != 1) {
			throw new IllegalStateException("Enforcement case " + id + " is closed or does not exist");
		}
	}

	private void audit(String type, String by, long id, String detail) {
		this.audit.record(new AuditEvent(type, by, null, "ENFORCEMENT_CASE", String.valueOf(id),
				AuditEvent.Outcome.SUCCESS, detail));
	}

	private String unitName(long id) {
		try {
			return this.directory.unit(id).name();
		}
		catch (RuntimeException ex) {
			return String.valueOf(id);
		}
	}

	private EnforcementCase map(ResultSet rs, int row) throws SQLException {
		long unitId = rs.getLong("enforcing_unit_id");
		Long unit = rs.wasNull() ? null : unitId;
		java.sql.Date due = rs.getDate("correction_due");
		return new EnforcementCase(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("ticket_no"), unit,
				(unit != null) ? unitName(unit) : null, rs.getString("recognised_by"), rs.getString("status"),
				rs.getString("opinion"), rs.getString("opinion_by"), instant(rs, "opinion_at"),
				rs.getString("correction_notice"), (due != null) ? due.toLocalDate() : null,
				rs.getString("correction_issued_by"), instant(rs, "correction_issued_at"), rs.getString("close_note"),
				rs.getString("closed_by"), instant(rs, "opened_at"), instant(rs, "closed_at"), rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

}
