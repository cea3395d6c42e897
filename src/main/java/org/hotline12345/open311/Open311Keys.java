package org.hotline12345.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** API keys: long random strings issued to client applications; only their SHA-256 is stored. */
@Repository
class Open311Keys {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Open311Keys(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The id of the enabled key, if {@code key} is one. */
	Optional<Long> check(String key) {
		if (key == null || key.isBlank()) {
			return Optional.empty();
		}
		List<Long> ids = this.jdbc.queryForList("select id from open311_api_key where key_hash = ? and enabled",
				Long.class, hash(key.strip()));
		return ids.stream().findFirst();
	}

	/** Registers a key (idempotent for the same key). */
	void register(String name, String key) {
		this.jdbc.update("insert into open311_api_key (name, key_hash, created_at) values (?, ?, ?)"
				+ " on conflict (key_hash) do nothing", name, hash(key), Timestamp.from(this.clock.instant()));
	}

	static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
