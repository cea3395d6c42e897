package org.hotline12345.reliability;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checklist #46, the point-in-time restore drill of docs/backup.md, with the PostgreSQL 17 server binaries the tests
 * have (the embedded distribution ships no pg_dump or pg_basebackup, so the base backup is taken with the low-level
 * API that pg_basebackup itself uses: {@code pg_backup_start}, a file copy, {@code pg_backup_stop}).
 * <p>
 * A primary with WAL archiving ({@code archive_mode=on}, {@code archive_timeout=60s}) receives the test database's
 * tickets (copied out with COPY) in three batches: before the base backup, after it, and after the chosen restore
 * time T. A fresh cluster restored from the base backup and the archive to T holds every ticket of the first two
 * batches (the second only from replayed WAL) and none of the third.
 */
@HotlineIntegrationTest
class BackupRestoreDrillTests {

	static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null);

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	DataSource testDatabase;

	Path root;

	EmbeddedPostgres primary;

	EmbeddedPostgres restored;

	@AfterEach
	void cleanUp() throws IOException {
		if (this.restored != null) {
			this.restored.close();
		}
		if (this.primary != null) {
			this.primary.close();
		}
		if (this.root != null) {
			FileSystemUtils.deleteRecursively(this.root);
		}
	}

	@Test
	void aBaseBackupAndTheArchivedWalRestoreEveryTicketUpToTheChosenTime() throws Exception {
		for (int i = 0; i < 9; i++) {
			NewTicket request = new NewTicket("冯先生", "13912341122", false, false, "崇川区和平桥街道", "chongchuan", null,
					"备份演练工单 " + i, RequestType.HELP, "SB.YL", Channel.PHONE, null, false, null);
			this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE, null,
					OPERATOR);
		}
		List<String> rows = exportTickets();
		assertThat(rows).hasSizeGreaterThanOrEqualTo(9);
		int third = rows.size() / 3;
		List<String> beforeBackup = rows.subList(0, third);
		List<String> afterBackup = rows.subList(third, 2 * third);
		List<String> afterT = rows.subList(2 * third, rows.size());

		this.root = Files.createTempDirectory("hotline-pitr");
		Path data = Files.createDirectories(this.root.resolve("primary"));
		Path archive = Files.createDirectories(this.root.resolve("wal-archive"));
		Path base = this.root.resolve("base");
		this.primary = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setServerConfig("wal_level", "replica")
			.setServerConfig("archive_mode", "on")
			.setServerConfig("archive_timeout", "60")
			.setServerConfig("full_page_writes", "on")
			.start();
		try (Connection db = this.primary.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
			sql.execute("ALTER SYSTEM SET archive_command = 'test ! -f " + archive + "/%f && cp %p " + archive + "/%f'");
			sql.execute("SELECT pg_reload_conf()");
			sql.execute("CREATE TABLE ticket (id BIGINT PRIMARY KEY, ticket_no TEXT NOT NULL UNIQUE, status TEXT,"
					+ " created_at TIMESTAMPTZ)");
			importTickets(db, beforeBackup);

			// The base backup (what pg_basebackup does): start, copy the files, stop, keep the label with the copy.
			sql.execute("SELECT pg_backup_start('hotline drill', true)");
			copyDataDirectory(data, base);
			try (ResultSet stop = sql.executeQuery("SELECT labelfile FROM pg_backup_stop(true)")) {
				stop.next();
				Files.writeString(base.resolve("backup_label"), stop.getString(1), StandardCharsets.UTF_8);
			}

			importTickets(db, afterBackup);
			String restoreTime;
			try (ResultSet now = sql.executeQuery("SELECT clock_timestamp()::text")) {
				now.next();
				restoreTime = now.getString(1);
			}
			importTickets(db, afterT);
			// archive_timeout would do it within 60 s; the drill does not wait.
			String last;
			try (ResultSet wal = sql.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
				wal.next();
				last = wal.getString(1);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> archivedUpTo(db, last));

			// Restore on a "fresh host": the base backup, the archive, a target time.
			Path target = this.root.resolve("restored");
			FileSystemUtils.copyRecursively(base, target);
			Files.writeString(target.resolve("postgresql.auto.conf"), "\nrestore_command = 'cp " + archive
					+ "/%f %p'\nrecovery_target_time = '" + restoreTime + "'\nrecovery_target_action = 'promote'\n",
					StandardOpenOption.APPEND);
			Files.createFile(target.resolve("recovery.signal"));
			// PostgreSQL refuses a data folder others may read (as after any restore by copy: chmod 700).
			Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
			this.restored = EmbeddedPostgres.builder()
				.setDataDirectory(target)
				.setCleanDataDirectory(false)
				.setServerConfig("archive_mode", "off")
				.setPGStartupWait(Duration.ofSeconds(120))
				.start();
		}
		try (Connection db = this.restored.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				try (ResultSet recovering = sql.executeQuery("SELECT pg_is_in_recovery()")) {
					recovering.next();
					return !recovering.getBoolean(1);
				}
			});
			Set<String> present = new java.util.HashSet<>();
			try (ResultSet tickets = sql.executeQuery("SELECT ticket_no FROM ticket")) {
				while (tickets.next()) {
					present.add(tickets.getString(1));
				}
			}
			assertThat(present).as("in the base backup").containsAll(numbers(beforeBackup));
			assertThat(present).as("replayed from the archived WAL up to T").containsAll(numbers(afterBackup));
			assertThat(present).as("after T").doesNotContainAnyElementsOf(numbers(afterT));
		}
	}

	/** Every ticket of the test database as COPY text: id, number, status, created. */
	List<String> exportTickets() throws SQLException, IOException {
		try (Connection db = this.testDatabase.getConnection()) {
			StringWriter out = new StringWriter();
			db.unwrap(PGConnection.class).getCopyAPI().copyOut(
					"COPY (SELECT id, ticket_no, status, created_at FROM ticket ORDER BY id) TO STDOUT", out);
			return out.toString().lines().toList();
		}
	}

	static void importTickets(Connection db, List<String> rows) throws SQLException, IOException {
		CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
		copy.copyIn("COPY ticket (id, ticket_no, status, created_at) FROM STDIN",
				new StringReader(String.join("\n", rows) + "\n"));
	}

	static List<String> numbers(List<String> rows) {
		List<String> numbers = new ArrayList<>();
		for (String row : rows) {
			numbers.add(row.split("\t")[1]);
		}
		return numbers;
	}

	static boolean archivedUpTo(Connection db, String walFile) throws SQLException {
		try (Statement sql = db.createStatement();
				ResultSet archiver = sql.executeQuery("SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver")) {
			archiver.next();
			return archiver.getString(1).compareTo(walFile) >= 0;
		}
	}

	/** The data folder without what belongs to the running server: its pid, its lock, its live WAL. */
	static void copyDataDirectory(Path from, Path to) throws IOException {
		Set<String> skipped = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
		Files.walkFileTree(from, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				Files.createDirectories(to.resolve(from.relativize(dir).toString()));
				return from.relativize(dir).toString().startsWith("pg_wal") && !dir.equals(from.resolve("pg_wal"))
						? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Path relative = from.relativize(file);
				if (skipped.contains(relative.toString()) || relative.startsWith("pg_wal")) {
					return FileVisitResult.CONTINUE;
				}
				try {
					Files.copy(file, to.resolve(relative.toString()));
				}
				catch (NoSuchFileException ex) {
					// A temporary file the server removed meanwhile: WAL replay covers it.
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) {
				return FileVisitResult.CONTINUE;
			}

		});
		Files.createDirectories(to.resolve("pg_wal/archive_status"));
	}

}
