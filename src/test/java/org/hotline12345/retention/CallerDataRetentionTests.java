package org.hotline12345.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checklist #30: callers' personal data on tickets closed longer than three years is erased, statistics stay.
 */
@HotlineIntegrationTest
class CallerDataRetentionTests {

	@Autowired
	CallerDataRetention retention;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void callersOfTicketsClosedMoreThanThreeYearsAgoAreErasedTheTicketsStay() {
		ZonedDateTime now = ZonedDateTime.now();
		String old = closedTicket(now.minusYears(3).minusDays(1).toInstant());
		String recent = closedTicket(now.minusYears(3).plusDays(1).toInstant());
		assertThat(this.retention.run()).isPositive();
		Map<String, Object> erased = row(old);
		assertThat(erased.get("caller_name")).isNull();
		assertThat(erased.get("caller_phone_enc")).isNull();
		assertThat(erased.get("caller_phone_index")).isNull();
		assertThat(erased.get("caller_phone_masked")).isNull();
		assertThat(erased.get("address")).isNull();
		assertThat(erased.get("status")).isEqualTo("CLOSED");
		assertThat(erased.get("category_code")).isEqualTo("SB.YL.GXZY");
		assertThat(erased.get("district_code")).isEqualTo("320602");
		assertThat(erased.get("satisfaction")).isEqualTo("SATISFIED");
		assertThat(row(recent).get("caller_name")).isEqualTo("张三");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_log where event_type = 'PII_ERASED'",
				Integer.class)).isPositive();
	}

	private String closedTicket(Instant closedAt) {
		String no = "RT" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Timestamp at = Timestamp.from(closedAt);
		this.jdbc.update("""
				insert into ticket (id, ticket_no, status, level, caller_name, caller_phone_enc, caller_phone_index,
				  caller_phone_masked, address, district_code, description, request_type, category_code, channel,
				  satisfaction, closed_at, created_at, created_by, updated_at)
				values (nextval('ticket_id_seq'), ?, 'CLOSED', 'ROUTINE', '张三', 'ENCRYPTED', 'INDEX', '138****1234',
				  '崇川区工农路 1 号', '320602', '路灯不亮', 'COMPLAINT', 'SB.YL.GXZY', 'PHONE', 'SATISFIED', ?, ?, 'operator', ?)""",
				no, at, at, at);
		return no;
	}

	private Map<String, Object> row(String no) {
		return this.jdbc.queryForMap("select * from ticket where ticket_no = ?", no);
	}

}
