package org.hotline12345.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Period;
import java.time.ZonedDateTime;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases the caller's personal data from tickets closed longer than {@code hotline.retention.caller-data} (default
 * three years): name, encrypted phone, its blind index and masked form, and the address. Category, unit, district,
 * dates, outcome and satisfaction stay, so every statistic still counts the ticket. The run is audited.
 * <p>
 * It works in SQL on the ticket table on purpose: a closed ticket has no workflow left, and the run must not load
 * years of tickets into memory. The version is bumped so that a stale form cannot write the data back.
 */
@Service
public class CallerDataRetention {

	private static final Log logger = LogFactory.getLog(CallerDataRetention.class);

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final Period keep;

	CallerDataRetention(JdbcTemplate jdbc, AuditLog audit, Clock clock,
			@Value("${hotline.retention.caller-data:3y}") Period keep) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.keep = keep;
	}

	@Scheduled(cron = "${hotline.retention.cron:0 15 3 * * *}", zone = "${hotline.time-zone:Asia/Shanghai}")
	void nightly() {
		int erased = run();
		if (erased > 0) {
			logger.info("Caller data erased from " + erased + " tickets closed before " + cutoff());
		}
	}

	/** @return how many tickets lost their caller data */
	@Transactional
	public int run() {
		Timestamp cutoff = Timestamp.from(cutoff().toInstant());
		int erased = this.jdbc.update("""
				update ticket set caller_name = null, caller_phone_enc = null, caller_phone_index = null,
				  caller_phone_masked = null, address = null, version = version + 1
				where status = 'CLOSED' and closed_at < ?
				  and (caller_name is not null or caller_phone_enc is not null or caller_phone_index is not null
				       or caller_phone_masked is not null or address is not null)""", cutoff);
		if (erased > 0) {
			this.audit.record(AuditEvent.success("PII_ERASED", "system", null, "TICKET", null,
					"tickets=" + erased + ",closedBefore=" + cutoff.toInstant()));
		}
		return erased;
	}

	ZonedDateTime cutoff() {
		return ZonedDateTime.now(this.clock).minus(this.keep);
	}

}
