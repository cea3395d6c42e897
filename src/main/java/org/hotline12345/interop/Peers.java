package org.hotline12345.interop;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.shared.PersonalDataProtection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The peers the system administrator set up; secrets are kept encrypted with the platform's data key. */
@Repository
@Transactional
class Peers {

	private final JdbcTemplate jdbc;

	private final PersonalDataProtection protection;

	private final AuditLog audit;

	private final Clock clock;

	Peers(JdbcTemplate jdbc, PersonalDataProtection protection, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.protection = protection;
		this.audit = audit;
		this.clock = clock;
	}

	private final RowMapper<Peer> mapper = (rs, i) -> peer(rs.getLong("id"), rs.getString("code"),
			rs.getString("name"), rs.getString("base_url"), rs.getString("secret_enc"), rs.getBoolean("enabled"));

	private Peer peer(long id, String code, String name, String baseUrl, String secretEnc, boolean enabled) {
		return new Peer(id, code, name, baseUrl, this.protection.decrypt(secretEnc), enabled);
	}



	@Transactional(readOnly = true)
	List<Peer> all() {
		return this.jdbc.query("select * from interop_peer order by name", this.mapper);
	}

	@Transactional(readOnly = true)
	List<Peer> enabled() {
		return this.jdbc.query("select * from interop_peer where enabled order by name", this.mapper);
	}

	@Transactional(readOnly = true)
	Optional<Peer> find(long id) {
		return this.jdbc.query("select * from interop_peer where id = ?", this.mapper, id).stream().findFirst();
	}

	@Transactional(readOnly = true)
	Optional<Peer> byCode(String code) {
		return this.jdbc.query("select * from interop_peer where code = ?", this.mapper, code).stream().findFirst();
	}

	/** Adds a peer or, for a code already known, changes its name, address and secret. */
	long save(String code, String name, String baseUrl, String secret, String by) {
		URI uri = URI.create(baseUrl.strip());
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
			throw new IllegalArgumentException("The base URL must be http(s)://host[:port][/path]");
		}
		Long id = this.jdbc.queryForObject("""
				insert into interop_peer (code, name, base_url, secret_enc, created_at) values (?, ?, ?, ?, ?)
				on conflict (code) do update set name = excluded.name, base_url = excluded.base_url,
				  secret_enc = excluded.secret_enc
				returning id""", Long.class, code.strip(), name.strip(), baseUrl.strip(),
				this.protection.encrypt(secret), Timestamp.from(this.clock.instant()));
		this.audit.record(new AuditEvent("INTEROP_PEER_SAVE", by, null, "INTEROP_PEER", code,
				AuditEvent.Outcome.SUCCESS, baseUrl));
		return id;
	}

	void enable(long id, boolean enabled, String by) {
		this.jdbc.update("update interop_peer set enabled = ? where id = ?", enabled, id);
		this.audit.record(new AuditEvent(enabled ? "INTEROP_PEER_ENABLE" : "INTEROP_PEER_DISABLE", by, null,
				"INTEROP_PEER", String.valueOf(id), AuditEvent.Outcome.SUCCESS, null));
	}

}
