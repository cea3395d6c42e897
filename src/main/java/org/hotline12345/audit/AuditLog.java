package org.hotline12345.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the audit trail. A record joins the caller's transaction, so that an action whose record cannot be written
 * does not happen (fail closed), and a rolled-back action leaves no record claiming it happened.
 */
@Service
public class AuditLog {

	/** Serialises writers so that every record's hash covers exactly the record before it. */
	private static final long CHAIN_LOCK = 0x12345_0001L;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	AuditLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event) {
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, CHAIN_LOCK);
		List<String> last = this.jdbc.queryForList("select hash from audit_log order by id desc limit 1", String.class);
		if (last.isEmpty()) {
			// Everything archived (a quiet system): the chain goes on from the archive.
			last = this.jdbc.queryForList("select hash from audit_log_archive order by id desc limit 1", String.class);
		}
		String previous = last.isEmpty() ? "" : last.get(0);
		String hash = hash(previous, at, event);
		this.jdbc.update("""
				insert into audit_log (at, actor, source_address, event_type, object_type, object_id, outcome, detail, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Timestamp.from(at), event.actor(), event.sourceAddress(),
				event.type(), event.objectType(), event.objectId(), event.outcome().name(), event.detail(), previous,
				hash);
	}

	/** A record in its own transaction: for refusals and failed logins, which must be kept though nothing else is. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSeparately(AuditEvent event) {
		record(event);
	}

	static String hash(String previous, Instant at, AuditEvent event) {
		String canonical = String.join("\u001f", previous, at.toString(), nullToEmpty(event.actor()),
				nullToEmpty(event.sourceAddress()), event.type(), nullToEmpty(event.objectType()),
				nullToEmpty(event.objectId()), event.outcome().name(), nullToEmpty(event.detail()));
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
