package org.hotline12345.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.user.HotlineUser;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access tokens of the integration API. A token is 32 random bytes, shown once when issued; only its SHA-256 is
 * stored, so a copy of the database does not hand out access. Each token is bound to one account and acts exactly as
 * that account; revoking it takes effect with the next request on this instance, and within
 * {@code hotline.api.token-cache-ttl} on others.
 * <p>
 * Every API call presents its token, so owners are remembered for that short time (by the token's hash, only for
 * tokens that exist), and {@code last_used_at} is written at most once every few minutes per token without asking
 * the database on the other calls: no statement for the token on most calls.
 */
@Service
@Transactional
class ApiTokens {

	static final String PREFIX = "h12345_";

	/** How stale {@code last_used_at} may get before a request writes it again: one write, not one per call. */
	private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The account a presented token stands for. */
	record TokenOwner(long tokenId, String username) {
	}

	/** A token as the admin screen lists it; never the token itself. */
	record TokenRow(long id, String username, String label, String hint, Instant createdAt, String createdBy,
			Instant lastUsedAt, Instant revokedAt, String revokedBy) {

		public boolean active() {
			return this.revokedAt == null;
		}

	}

	/** A freshly issued token: the only moment the plain value exists outside the caller's hands. */
	record IssuedToken(long id, String username, String token) implements java.io.Serializable {
	}

	private record Remembered(TokenOwner owner, Instant until) {
	}

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration cacheTtl;

	/** Owners of tokens presented lately, by token hash; only tokens that exist, so no bigger than the table. */
	private final Map<String, Remembered> owners = new ConcurrentHashMap<>();

	/** When this instance last wrote each token's {@code last_used_at}. */
	private final Map<Long, Instant> touched = new ConcurrentHashMap<>();

	ApiTokens(JdbcTemplate jdbc, AuditLog audit, Clock clock, ApiSettings settings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.cacheTtl = settings.tokenCacheTtl();
	}

	/** The owner of an active token, or empty for an unknown or revoked one. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<TokenOwner> authenticate(String token) {
		if (token == null || token.isEmpty() || token.length() > 200) {
			return Optional.empty();
		}
		String hash = hash(token);
		Instant now = this.clock.instant();
		Remembered remembered = this.owners.get(hash);
		if (remembered != null && now.isBefore(remembered.until())) {
			return Optional.of(remembered.owner());
		}
		Optional<TokenOwner> owner = this.jdbc
			.query("select id, username from api_token where token_hash = ? and revoked_at is null",
					(rs, i) -> new TokenOwner(rs.getLong("id"), rs.getString("username")), hash)
			.stream()
			.findFirst();
		if (owner.isPresent() && !this.cacheTtl.isNegative() && !this.cacheTtl.isZero()) {
			this.owners.put(hash, new Remembered(owner.get(), now.plus(this.cacheTtl)));
		}
		else {
			this.owners.remove(hash);
		}
		return owner;
	}

	/** Notes that the token was used, at most once every few minutes. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public void touch(long tokenId) {
		Instant now = this.clock.instant();
		Instant last = this.touched.get(tokenId);
		if (last != null && last.isAfter(now.minus(TOUCH_EVERY)) && !last.isAfter(now)) {
			return;
		}
		this.jdbc.update("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
				Timestamp.from(now), tokenId, Timestamp.from(now.minus(TOUCH_EVERY)));
		this.touched.put(tokenId, now);
	}

	/** Issues a new random token for {@code account}; the answer holds the only copy of its value. */
	public IssuedToken issue(HotlineUser account, String label, HotlineUser by, String address) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = insert(account, label, token, by.getUsername());
		this.audit.record(new AuditEvent("API_TOKEN_ISSUED", by.getUsername(), address, "USER", account.getUsername(),
				AuditEvent.Outcome.SUCCESS, "token " + id + " " + label));
		return new IssuedToken(id, account.getUsername(), token);
	}

	/** The demo city's fixed, documented tokens; does nothing for a token that exists already. */
	void seed(HotlineUser account, String label, String token) {
		if (this.jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Integer.class,
				hash(token)) == 0) {
			insert(account, label, token, "demo");
		}
	}

	/** Revokes a token; the next request presenting it is answered 401. */
	public boolean revoke(long id, HotlineUser by, String address) {
		Instant now = this.clock.instant();
		List<String> owner = this.jdbc.queryForList(
				"update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null returning username",
				String.class, Timestamp.from(now), by.getUsername(), id);
		forget(id);
		if (owner.isEmpty()) {
			return false;
		}
		this.audit.record(new AuditEvent("API_TOKEN_REVOKED", by.getUsername(), address, "USER", owner.get(0),
				AuditEvent.Outcome.SUCCESS, "token " + id));
		return true;
	}

	/** Forgets what this instance remembers of a token, so that its next call asks the database. */
	private void forget(long tokenId) {
		this.owners.values().removeIf((remembered) -> remembered.owner().tokenId() == tokenId);
		this.touched.remove(tokenId);
	}

	@Transactional(readOnly = true)
	public List<TokenRow> tokens() {
		return this.jdbc.query("""
				select id, username, label, token_hint, created_at, created_by, last_used_at, revoked_at, revoked_by
				from api_token order by (revoked_at is not null), username, created_at desc, id desc""",
				(rs, i) -> new TokenRow(rs.getLong("id"), rs.getString("username"), rs.getString("label"),
						rs.getString("token_hint"), instant(rs, "created_at"), rs.getString("created_by"),
						instant(rs, "last_used_at"), instant(rs, "revoked_at"), rs.getString("revoked_by")));
	}

	private long insert(HotlineUser account, String label, String token, String createdBy) {
		Long id = this.jdbc.queryForObject("""
				insert into api_token (user_id, username, label, token_hash, token_hint, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, account.id(), account.getUsername(), label,
				hash(token), hint(token), Timestamp.from(this.clock.instant()), createdBy);
		return id;
	}

	static String hash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Enough of the token to recognise it in a list, far too little to use it. */
	private static String hint(String token) {
		int shown = token.startsWith(PREFIX) ? PREFIX.length() + 4 : Math.min(8, token.length() / 2);
		return token.substring(0, shown) + "…";
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
