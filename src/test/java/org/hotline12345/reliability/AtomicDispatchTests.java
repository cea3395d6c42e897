package org.hotline12345.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Checklist #45: the database session of a dispatch is killed ({@code pg_terminate_backend}) in the middle of its
 * transaction, after the ticket and its timeline were written and while it waits for the audit trail's chain lock
 * (held by the test). Afterwards the ticket, its timeline, its audit record and its event publication are all
 * absent; the same dispatch done again leaves all of them.
 */
@HotlineIntegrationTest
class AtomicDispatchTests {

	static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null);

	/** {@code AuditLog.CHAIN_LOCK}: every audited action takes it, as a transaction lock, before its record. */
	static final long AUDIT_CHAIN_LOCK = 0x12345_0001L;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	record Traces(String status, long version, int timeline, int audit, int publications) {
	}

	Traces traces(String no) {
		return new Traces(
				this.jdbc.queryForObject("select status from ticket where ticket_no = ?", String.class, no),
				this.jdbc.queryForObject("select version from ticket where ticket_no = ?", Long.class, no),
				this.jdbc.queryForObject("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id"
						+ " where t.ticket_no = ? and e.type = 'DISPATCHED'", Integer.class, no),
				this.jdbc.queryForObject("select count(*) from audit_log where event_type = 'TICKET_DISPATCH'"
						+ " and object_id = ?", Integer.class, no),
				this.jdbc.queryForObject("select count(*) from event_publication where event_type like '%TicketDispatched'"
						+ " and serialized_event like ?", Integer.class, "%" + no + "%"));
	}

	@Test
	void aDispatchKilledMidTransactionLeavesNothingAndDoneAgainLeavesEverything() throws Exception {
		NewTicket request = new NewTicket("吴先生", "13912347788", false, false, "崇川区和平桥街道", "chongchuan", null,
				"自来水管爆裂，原子性测试", RequestType.HELP, "SB.YL", Channel.PHONE, null, false, null);
		String no = this.workflow.register(request, Grade.manual(TriageLevel.URGENT), TicketWorkflow.Outcome.QUEUE,
				null, OPERATOR).ticketNo();
		Traces before = traces(no);
		assertThat(before.status()).isEqualTo("PENDING_DISPATCH");

		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (Connection holder = this.dataSource.getConnection()) {
			try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_lock(?)")) {
				lock.setLong(1, AUDIT_CHAIN_LOCK);
				lock.execute();
			}
			try {
				Future<?> dispatch = executor.submit(
						() -> this.workflow.dispatch(no, "swjt", List.of(), "请尽快处置", null, OPERATOR));
				// The dispatch waits for the chain lock (taken by audit_append), with its transaction open and already
				// written to (it has an xid).
				Integer pid = await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.query("""
						select pid from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'
						and query like 'select audit_append%' and backend_xid is not null""",
						(rs, i) -> rs.getInt(1)).stream().findFirst().orElse(null), (found) -> found != null);
				assertThat(this.jdbc.queryForObject("select pg_terminate_backend(?)", Boolean.class, pid)).isTrue();
				assertThatThrownBy(() -> dispatch.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
			}
			finally {
				// A session lock outlives the pooled connection's return to the pool: released whatever happened, or
				// every audited action after this test would wait for it.
				try (PreparedStatement unlock = holder.prepareStatement("select pg_advisory_unlock(?)")) {
					unlock.setLong(1, AUDIT_CHAIN_LOCK);
					unlock.execute();
				}
			}
		}
		finally {
			executor.shutdownNow();
		}

		assertThat(traces(no)).as("nothing of the killed dispatch is left").isEqualTo(before);

		this.workflow.dispatch(no, "swjt", List.of(), "请尽快处置", null, OPERATOR);
		Traces after = traces(no);
		assertThat(after.status()).isEqualTo("DISPATCHED");
		assertThat(after.version()).isGreaterThan(before.version());
		assertThat(after.timeline()).isEqualTo(1);
		assertThat(after.audit()).isEqualTo(1);
	}

}
