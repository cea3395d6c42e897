package org.hotline12345.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

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

	private static final String SEPARATOR = "\u001f";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	AuditLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Appends a record to the chain: one statement ({@code audit_append}, V145) that takes the chain's lock, reads the
	 * previous hash and inserts, so the lock is held for as few round trips as possible until the caller commits.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event) {
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.jdbc.queryForObject("select audit_append(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", String.class, CHAIN_LOCK,
				Timestamp.from(at), event.actor(), event.sourceAddress(), event.type(), event.objectType(),
				event.objectId(), event.outcome().name(), event.detail(), canonicalTail(at, event));
	}

	/** A record in its own transaction: for refusals and failed logins, which must be kept though nothing else is. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSeparately(AuditEvent event) {
		record(event);
	}

	/** The record's hash: SHA-256 of the previous hash and the canonical fields, joined by U+001F. */
	static String hash(String previous, Instant at, AuditEvent event) {
		String canonical = previous + SEPARATOR + canonicalTail(at, event);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The canonical fields after the previous hash; {@code audit_append} hashes the same bytes. */
	static String canonicalTail(Instant at, AuditEvent event) {
		return String.join(SEPARATOR, at.toString(), nullToEmpty(event.actor()), nullToEmpty(event.sourceAddress()),
				event.type(), nullToEmpty(event.objectType()), nullToEmpty(event.objectId()), event.outcome().name(),
				nullToEmpty(event.detail()));
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
