package org.hotline12345.dispatch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.ticket.TicketEvents.ExtensionRequested;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the centre's screens read beyond {@link org.hotline12345.ticket.TicketQueries}: the unit's reason for its
 * latest return, the units that solved similar tickets before, and what a pending extension request asked for.
 * Plain SQL over indexed columns, one query per list.
 */
@Component
class DispatchQueries {

	/** A unit's latest return of a ticket: who, why, when. */
	record LastReturn(Long unitId, String reason, Instant at) {
	}

	/** A unit that solved tickets of the category before, to the citizen's satisfaction, and how often. */
	record SolvedBefore(long unitId, int count) {
	}

	/** A pending extension request: the deadline asked for (when known) and the unit's reason. */
	record ExtensionAsked(Instant until, String reason, Instant at) {
	}

	private final JdbcTemplate jdbc;

	DispatchQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, LastReturn> lastReturns(Collection<String> ticketNos) {
		Map<String, LastReturn> returns = new HashMap<>();
		if (ticketNos.isEmpty()) {
			return returns;
		}
		this.jdbc.query("""
				select distinct on (e.ticket_id) t.ticket_no, e.actor_unit_id, e.note, e.at
				from ticket t join ticket_event e on e.ticket_id = t.id
				where t.ticket_no = any (?) and e.type = 'RETURNED' and e.at >= t.created_at - interval '1 day'
				order by e.ticket_id, e.id desc""", (rs) -> {
			long unit = rs.getLong("actor_unit_id");
			returns.put(rs.getString("ticket_no"), new LastReturn(rs.wasNull() ? null : unit, rs.getString("note"),
					rs.getTimestamp("at").toInstant()));
		}, (Object) ticketNos.toArray(String[]::new));
		return returns;
	}

	/** The top lead units of closed-loop successes in this category: solved, and the citizen satisfied. */
	List<SolvedBefore> solvedBefore(String categoryCode, int limit) {
		if (categoryCode == null) {
			return List.of();
		}
		return this.jdbc.query("""
				select t.lead_unit_id, count(*) as solved from ticket t
				where t.category_code = ? and t.reply_outcome = 'SOLVED'
				  and t.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') and t.lead_unit_id is not null
				group by t.lead_unit_id order by solved desc, t.lead_unit_id limit ?""",
				(rs, i) -> new SolvedBefore(rs.getLong("lead_unit_id"), rs.getInt("solved")), categoryCode, limit);
	}

	Map<String, ExtensionAsked> extensionRequests(Collection<String> ticketNos) {
		Map<String, ExtensionAsked> requests = new HashMap<>();
		if (ticketNos.isEmpty()) {
			return requests;
		}
		this.jdbc.query("""
				select distinct on (e.ticket_id) t.ticket_no, r.until, e.note, e.at
				from ticket t join ticket_event e on e.ticket_id = t.id
				left join dispatch_extension_request r on r.ticket_id = t.id
				  and abs(extract(epoch from r.requested_at - e.at)) < 1
				where t.ticket_no = any (?) and e.type = 'EXTENSION_REQUESTED'
				  and e.at >= t.created_at - interval '1 day'
				order by e.ticket_id, e.id desc""", (rs) -> {
			Timestamp until = rs.getTimestamp("until");
			requests.put(rs.getString("ticket_no"), new ExtensionAsked((until != null) ? until.toInstant() : null,
					rs.getString("note"), rs.getTimestamp("at").toInstant()));
		}, (Object) ticketNos.toArray(String[]::new));
		return requests;
	}

	/** Keeps the deadline a unit asked for: the ticket itself only knows that a request is pending. */
	@ApplicationModuleListener
	void on(ExtensionRequested event) {
		this.jdbc.update("""
				insert into dispatch_extension_request (ticket_id, until, requested_at) values (?, ?, ?)
				on conflict (ticket_id) do update set until = excluded.until, requested_at = excluded.requested_at""",
				event.ticketId(), Timestamp.from(event.until()), Timestamp.from(event.at()));
	}

}
