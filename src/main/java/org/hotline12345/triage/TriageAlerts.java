package org.hotline12345.triage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Alerts for supervisors: one row per 集中 cluster, keyed by its master ticket. Raising the same cluster again (a
 * re-delivered event, a fourth member) updates that row, so a cluster is one alert however often it is seen.
 */
@Component
class TriageAlerts {

	private final JdbcTemplate jdbc;

	TriageAlerts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void raiseCluster(String masterNo, String categoryCode, String districtCode, List<String> ticketNos, Instant at) {
		this.jdbc.update("""
				INSERT INTO triage_alert (kind, master_ticket_no, category_code, district_code, ticket_count, ticket_nos,
				                          created_at, updated_at)
				VALUES ('CLUSTER', ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (kind, master_ticket_no) DO UPDATE
				  SET ticket_count = GREATEST(triage_alert.ticket_count, EXCLUDED.ticket_count),
				      ticket_nos = CASE WHEN EXCLUDED.ticket_count >= triage_alert.ticket_count
				                        THEN EXCLUDED.ticket_nos ELSE triage_alert.ticket_nos END,
				      updated_at = GREATEST(triage_alert.updated_at, EXCLUDED.updated_at),
				      acknowledged_by = CASE WHEN EXCLUDED.ticket_count > triage_alert.ticket_count
				                             THEN NULL ELSE triage_alert.acknowledged_by END,
				      acknowledged_at = CASE WHEN EXCLUDED.ticket_count > triage_alert.ticket_count
				                             THEN NULL ELSE triage_alert.acknowledged_at END""", masterNo, categoryCode,
				districtCode, ticketNos.size(), String.join(",", ticketNos), Timestamp.from(at), Timestamp.from(at));
	}

	/**
	 * @return the most recent alerts, unacknowledged first
	 */
	List<Alert> recent(int limit) {
		return this.jdbc.query("""
				SELECT id, kind, master_ticket_no, category_code, district_code, ticket_count, ticket_nos, created_at,
				       updated_at, acknowledged_by, acknowledged_at
				FROM triage_alert
				ORDER BY (acknowledged_at IS NULL) DESC, updated_at DESC
				LIMIT ?""", (rs, n) -> new Alert(rs.getLong("id"), rs.getString("kind"), rs.getString("master_ticket_no"),
				rs.getString("category_code"), rs.getString("district_code"), rs.getInt("ticket_count"),
				Arrays.asList(rs.getString("ticket_nos").split(",")), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("acknowledged_by"),
				(rs.getTimestamp("acknowledged_at") != null) ? rs.getTimestamp("acknowledged_at").toInstant() : null),
				limit);
	}

	int openCount() {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM triage_alert WHERE acknowledged_at IS NULL",
				Integer.class);
		return (count != null) ? count : 0;
	}

	boolean acknowledge(long id, String by, Instant at) {
		return this.jdbc.update(
				"UPDATE triage_alert SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL",
				by, Timestamp.from(at), id) == 1;
	}

	/**
	 * A supervisor's alert.
	 */
	record Alert(long id, String kind, String masterNo, String categoryCode, String districtCode, int ticketCount,
			List<String> ticketNos, Instant createdAt, Instant updatedAt, String acknowledgedBy, Instant acknowledgedAt) {

		public boolean acknowledged() {
			return this.acknowledgedAt != null;
		}

	}

}
