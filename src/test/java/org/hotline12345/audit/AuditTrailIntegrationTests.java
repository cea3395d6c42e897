package org.hotline12345.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.audit.AuditEvent.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit trail: tamper evidence, retention and archive, export, log injection, fail-closed and coverage
 * (checklist #19-#24, #31).
 */
@HotlineIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	AuditChainVerifier verifier;

	@Autowired
	AuditArchiver archiver;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theVerificationFindsARecordEditedBehindTheApplicationsBack() {
		new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
			tx.setRollbackOnly();
			String marker = "tamper-" + UUID.randomUUID();
			this.audit.record(AuditEvent.success("TEST", "tester", "127.0.0.1", "TEST", marker, "original"));
			long id = this.jdbc.queryForObject("select id from audit_log where object_id = ?", Long.class, marker);
			assertThat(this.verifier.verify().broken()).doesNotContain(id);
			// What a superuser could do: switch the guard off and edit the record.
			this.jdbc.execute("alter table audit_log disable trigger audit_log_no_update");
			this.jdbc.update("update audit_log set detail = 'edited' where id = ?", id);
			assertThat(this.verifier.verify().broken()).contains(id);
		});
	}

	@Test
	void concurrentWritersKeepOneUnbrokenChain() throws Exception {
		String marker = "chain-" + UUID.randomUUID();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> written = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String detail = "并发写入第" + i + "条";
				written.add(writers.submit(() -> this.audit.recordSeparately(
						new AuditEvent("TEST", "测试员", null, "TEST", marker, Outcome.SUCCESS, detail))));
			}
			for (Future<?> done : written) {
				done.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			writers.shutdown();
		}
		// Each record links to the record written just before it, whoever wrote that (the archive's last one, or
		// nothing, before the first), and its hash is the one the application computes (the database computes it in
		// audit_append, V145).
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				select * from (select id, at, actor, detail, object_id, prev_hash, hash,
				                      coalesce(lag(hash) over (order by id),
				                               (select a.hash from audit_log_archive a order by a.id desc limit 1), '') as before
				               from audit_log) chain
				where object_id = ? order by id""", marker);
		assertThat(rows).hasSize(40);
		for (Map<String, Object> row : rows) {
			assertThat(row.get("prev_hash")).isEqualTo(row.get("before"));
			AuditEvent event = new AuditEvent("TEST", "测试员", null, "TEST", marker, Outcome.SUCCESS,
					(String) row.get("detail"));
			assertThat(row.get("hash"))
				.isEqualTo(AuditLog.hash((String) row.get("prev_hash"), ((Timestamp) row.get("at")).toInstant(), event));
		}
	}

	@Test
	void theAuditorSeesTheVerificationAndItIsAudited() throws Exception {
		this.mvc.perform(get("/audit/verify").with(user(this.users.loadUserByUsername("auditor"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("审计日志完整性校验")));
		this.mvc.perform(get("/audit/verify").with(user(this.users.loadUserByUsername("sysadmin"))))
			.andExpect(status().isForbidden());
		assertThat(count("select count(*) from audit_log where event_type = 'AUDIT_VERIFY' and actor = 'auditor'"))
			.isPositive();
	}

	@Test
	void theApplicationCannotChangeOrDeleteRecords() {
		this.audit.record(AuditEvent.success("TEST", "tester", null, "TEST", "immutable", null));
		assertThatThrownBy(() -> this.jdbc.update("update audit_log set detail = 'x' where object_id = 'immutable'"))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("delete from audit_log where object_id = 'immutable'"))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.execute("truncate audit_log")).hasMessageContaining("append-only");
	}

	@Test
	void recordsYoungerThanTheRetentionStayAndOlderOnesMoveToTheArchive() {
		new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
			tx.setRollbackOnly();
			Instant now = Instant.now();
			long young = insertDated(now.minus(Duration.ofDays(179)));
			long old = insertDated(now.minus(Duration.ofDays(181)));
			int moved = this.archiver.archive();
			assertThat(moved).isPositive();
			assertThat(count("select count(*) from audit_log where id = " + young)).as("179 days: kept").isEqualTo(1);
			assertThat(count("select count(*) from audit_log where id = " + old)).isZero();
			assertThat(count("select count(*) from audit_log_archive where id = " + old)).as("archived, not dropped")
				.isEqualTo(1);
			assertThatThrownBy(() -> this.jdbc.update("delete from audit_log_archive where id = " + old))
				.hasMessageContaining("append-only");
		});
	}

	@Test
	void anOldRecordCannotBeDeletedUnlessArchivedNorARecentOneEvenIfCopied() {
		new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
			tx.setRollbackOnly();
			long old = insertDated(Instant.now().minus(Duration.ofDays(400)));
			assertThatThrownBy(() -> this.jdbc.update("delete from audit_log where id = " + old))
				.hasMessageContaining("append-only");
		});
		new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
			tx.setRollbackOnly();
			long recent = insertDated(Instant.now().minus(Duration.ofDays(10)));
			this.jdbc.update("""
					insert into audit_log_archive (id, at, event_type, outcome, prev_hash, hash)
					select id, at, event_type, outcome, prev_hash, hash from audit_log where id = ?""", recent);
			assertThatThrownBy(() -> this.jdbc.update("delete from audit_log where id = " + recent))
				.hasMessageContaining("append-only");
		});
	}

	@Test
	void theRetentionCannotBeConfiguredBelow180Days() {
		assertThatThrownBy(() -> new AuditArchiver(this.jdbc, java.time.Clock.systemUTC(), Duration.ofDays(179)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theExportIsFormulaSafeAndAudited() throws Exception {
		String actor = "csv" + UUID.randomUUID().toString().substring(0, 8);
		this.audit.record(AuditEvent.success("TEST", actor, null, "TEST", "x", "=HYPERLINK(\"http://evil\")"));
		this.mvc.perform(get("/audit/export.csv").param("actor", actor)
			.with(user(this.users.loadUserByUsername("auditor"))))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"'=HYPERLINK(\"\"http://evil\"\")\"")));
		assertThat(count("select count(*) from audit_log where event_type = 'AUDIT_EXPORT' and actor = 'auditor' and detail like '%"
				+ actor + "%'")).isEqualTo(1);
		this.mvc.perform(get("/audit/export.csv").with(user(this.users.loadUserByUsername("sysadmin"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aForgedLogLineInAUsernameIsEscaped(CapturedOutput output) throws Exception {
		this.mvc.perform(post("/login").param("username", "x\r\nINFO forged").param("password", "nope").with(csrf()));
		assertThat(count("select count(*) from audit_log where event_type = 'LOGIN' and actor = 'x\\r\\nINFO forged'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from audit_log where actor like '%' || chr(10) || '%'")).isZero();
		assertThat(output.getAll()).doesNotContain("\nINFO forged");
	}

	@Test
	void ifTheAuditRecordCannotBeWrittenTheActionDoesNotHappen() throws Exception {
		String victim = "failclosed" + UUID.randomUUID().toString().substring(0, 6);
		this.jdbc.update("""
				insert into app_user (username, display_name, password, role, password_changed_at, created_at)
				values (?, 'x', '{noop}x', 'OPERATOR', now(), now())""", victim);
		long id = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, victim);
		this.jdbc.execute("""
				create or replace function audit_refuse_marker() returns trigger language plpgsql as $$
				begin raise exception 'audit store refuses this record'; end; $$""");
		this.jdbc.execute("create trigger audit_refuse_marker before insert on audit_log for each row when (new.object_id = '"
				+ victim + "') execute function audit_refuse_marker()");
		try {
			try {
				this.mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false")
					.with(csrf())
					.with(user(this.users.loadUserByUsername("sysadmin"))))
					.andExpect(status().is5xxServerError());
			}
			catch (Exception ex) {
				// MockMvc may rethrow instead of rendering the 500 page: either way the request failed.
			}
			assertThat(this.jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, id))
				.as("still enabled: no audit record, no change")
				.isTrue();
		}
		finally {
			this.jdbc.execute("drop trigger audit_refuse_marker on audit_log");
			this.jdbc.execute("drop function audit_refuse_marker()");
		}
	}

	@Test
	void loginLogoutLockoutAndAccountChangesWriteCompleteRecords() throws Exception {
		this.mvc.perform(post("/login").param("username", "operator2").param("password", "Demo@12345").with(csrf()));
		var row = this.jdbc.queryForMap("""
				select at, actor, source_address, event_type, object_type, object_id, outcome from audit_log
				where event_type = 'LOGIN' and actor = 'operator2' and outcome = 'SUCCESS' order by id desc limit 1""");
		assertThat(row.values()).doesNotContainNull();
		String victim = "audited" + UUID.randomUUID().toString().substring(0, 6);
		this.jdbc.update("""
				insert into app_user (username, display_name, password, role, password_changed_at, created_at)
				values (?, 'x', '{noop}x', 'OPERATOR', now(), now())""", victim);
		long id = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, victim);
		this.mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false")
			.with(csrf())
			.with(user(this.users.loadUserByUsername("sysadmin"))));
		assertThat(count("select count(*) from audit_log where event_type = 'ACCOUNT_DISABLED' and object_id = '" + victim
				+ "' and actor = 'sysadmin' and outcome = 'SUCCESS'")).isEqualTo(1);
		this.mvc.perform(get("/audit").with(user(this.users.loadUserByUsername("rsj"))));
		assertThat(count("select count(*) from audit_log where event_type = 'ACCESS_DENIED' and actor = 'rsj' and outcome = 'DENIED'"))
			.as("a refused page is recorded")
			.isPositive();
	}

	private long insertDated(Instant at) {
		String marker = "dated-" + UUID.randomUUID();
		AuditEvent event = new AuditEvent("TEST", "tester", null, "TEST", marker, Outcome.SUCCESS, null);
		String hash = AuditLog.hash("", at, event);
		this.jdbc.update("""
				insert into audit_log (at, actor, event_type, object_type, object_id, outcome, prev_hash, hash)
				values (?, 'tester', 'TEST', 'TEST', ?, 'SUCCESS', '', ?)""", Timestamp.from(at), marker, hash);
		return this.jdbc.queryForObject("select id from audit_log where object_id = ?", Long.class, marker);
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class);
	}

}
