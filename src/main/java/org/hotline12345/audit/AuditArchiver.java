package org.hotline12345.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the live audit trail at {@code hotline.audit.retention} (at least 180 days, Cybersecurity Law art. 21(3)):
 * older records are copied to {@code audit_log_archive} and only then removed from {@code audit_log}; the
 * database's trigger lets a DELETE through only for a record older than 180 days whose identical copy is already
 * archived (V81). Runs nightly; two instances running it at once copy nothing twice ({@code on conflict do nothing}).
 */
@Service
public class AuditArchiver {

	static final Duration MINIMUM = Duration.ofDays(180);

	private static final Log logger = LogFactory.getLog(AuditArchiver.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration retention;

	AuditArchiver(JdbcTemplate jdbc, Clock clock, @Value("${hotline.audit.retention:180d}") Duration retention) {
		if (retention.compareTo(MINIMUM) < 0) {
			throw new IllegalStateException("hotline.audit.retention must be at least 180 days (Cybersecurity Law)");
		}
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(cron = "${hotline.audit.archive-cron:0 30 2 * * *}", zone = "${hotline.time-zone:Asia/Shanghai}")
	void nightly() {
		int moved = archive();
		if (moved > 0) {
			logger.info("Archived " + moved + " audit records older than " + this.retention.toDays() + " days");
		}
	}

	/** @return how many records moved to the archive */
	@Transactional
	public int archive() {
		Timestamp cutoff = Timestamp.from(cutoff());
		this.jdbc.update("""
				insert into audit_log_archive (id, at, actor, source_address, event_type, object_type, object_id, outcome, detail, prev_hash, hash)
				select id, at, actor, source_address, event_type, object_type, object_id, outcome, detail, prev_hash, hash
				from audit_log where at < ? on conflict (id) do nothing""", cutoff);
		return this.jdbc.update("""
				delete from audit_log l where l.at < ?
				and exists (select 1 from audit_log_archive a where a.id = l.id and a.hash = l.hash)""", cutoff);
	}

	Instant cutoff() {
		return this.clock.instant().minus(this.retention);
	}

}
