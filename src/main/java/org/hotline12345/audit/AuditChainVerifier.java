package org.hotline12345.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the hash chain over the archive and the live trail, oldest first: a record whose content no longer
 * gives its hash, or whose {@code prev_hash} is not the hash of the record before it, was changed or removed behind
 * the application's back.
 */
@Service
public class AuditChainVerifier {

	/** The outcome: how many records were checked, and the first ids (at most 100) that break the chain. */
	public record Verification(long checked, long archived, List<Long> broken) {

		public boolean intact() {
			return this.broken.isEmpty();
		}

		public Long firstBroken() {
			return this.broken.isEmpty() ? null : this.broken.get(0);
		}

	}

	private static final String COLUMNS = "id, at, actor, source_address, event_type, object_type, object_id, outcome, detail, prev_hash, hash";

	private final JdbcTemplate jdbc;

	AuditChainVerifier(JdbcTemplate jdbc) {
		// Its own template: streams the trail 1000 rows at a time without changing the shared one.
		this.jdbc = new JdbcTemplate(jdbc.getDataSource());
		this.jdbc.setFetchSize(1000);
	}

	@Transactional(readOnly = true)
	public Verification verify() {
		long archived = this.jdbc.queryForObject("select count(*) from audit_log_archive", Long.class);
		List<Long> broken = new ArrayList<>();
		long[] checked = { 0 };
		String[] previous = { null };
		this.jdbc.query("select " + COLUMNS + " from audit_log_archive union all select " + COLUMNS
				+ " from audit_log order by id", (RowCallbackHandler) (rs) -> {
					checked[0]++;
					String hash = rs.getString("hash");
					String prev = rs.getString("prev_hash");
					boolean linked = (previous[0] == null) || previous[0].equals(prev);
					if ((!linked || !recompute(rs, prev).equals(hash)) && broken.size() < 100) {
						broken.add(rs.getLong("id"));
					}
					previous[0] = hash;
				});
		return new Verification(checked[0], archived, List.copyOf(broken));
	}

	private static String recompute(ResultSet rs, String prev) throws SQLException {
		AuditEvent event = new AuditEvent(rs.getString("event_type"), rs.getString("actor"),
				rs.getString("source_address"), rs.getString("object_type"), rs.getString("object_id"),
				AuditEvent.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"));
		return AuditLog.hash(prev, rs.getObject("at", Timestamp.class).toInstant(), event);
	}

}
