package org.hotline12345.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Query codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), stored as a salted SHA-256. The
 * code space (31^6 ≈ 8.9 × 10^8) with the look-up rate limit makes guessing a number's code impractical.
 */
@Repository
class PortalAccess {

	private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	PortalAccess(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates and stores a fresh code for the ticket; answers the code, the only time it exists in clear. */
	String issue(String ticketNo, Instant now) {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		byte[] saltBytes = new byte[16];
		RANDOM.nextBytes(saltBytes);
		String salt = HexFormat.of().formatHex(saltBytes);
		this.jdbc.update("""
				insert into portal_access (ticket_id, ticket_no, code_salt, code_hash, created_at)
				select id, ticket_no, ?, ?, ? from ticket where ticket_no = ?""", salt, hash(salt, code.toString()),
				Timestamp.from(now), ticketNo);
		return code.toString();
	}

	/** Whether {@code code} is the query code of {@code ticketNo}; false for an unknown number too. */
	boolean matches(String ticketNo, String code) {
		if (ticketNo == null || code == null) {
			return false;
		}
		List<String[]> rows = this.jdbc.query("select code_salt, code_hash from portal_access where ticket_no = ?",
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, ticketNo.strip());
		if (rows.isEmpty()) {
			// Same work either way, so timing does not tell which numbers exist.
			hash("00000000000000000000000000000000", code);
			return false;
		}
		String given = hash(rows.get(0)[0], code.strip().toUpperCase());
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
				rows.get(0)[1].getBytes(StandardCharsets.US_ASCII));
	}

	void markRated(String ticketNo, Instant now) {
		this.jdbc.update("update portal_access set rated_at = ? where ticket_no = ?", Timestamp.from(now), ticketNo);
	}

	private static String hash(String salt, String code) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(salt.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest.digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
