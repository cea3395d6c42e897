package org.hotline12345.shared.db;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.util.FileSystemUtils;

import static org.awaitility.Awaitility.await;

/**
 * A primary and a hot standby fed from it by streaming replication: two embedded PostgreSQL 17 servers, for tests.
 * The embedded binaries have no {@code pg_basebackup}, so the base backup is taken the way it works underneath: the
 * low-level backup API ({@code pg_backup_start}, a copy of the data folder while the primary runs,
 * {@code pg_backup_stop} and its {@code backup_label}), a physical replication slot so that the primary keeps the WAL
 * the standby still needs, then {@code standby.signal} and {@code primary_conninfo}.
 */
final class StreamingReplica implements AutoCloseable {

	static final String SLOT = "hotline_standby";

	/** Not copied into a base backup (PostgreSQL's own list, and the embedded server's lock file). */
	private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
			"backup_label", "tablespace_map", "standby.signal", "recovery.signal", "pg_internal.init");

	/** Folders copied empty. */
	private static final Set<String> EMPTIED_FOLDERS = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
			"pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

	private static final Duration STARTUP = Duration.ofMinutes(2);

	private final Path primaryDir;

	private final Path standbyDir;

	private final EmbeddedPostgres primary;

	private EmbeddedPostgres standby;

	private StreamingReplica(Path primaryDir, EmbeddedPostgres primary, Path standbyDir, EmbeddedPostgres standby) {
		this.primaryDir = primaryDir;
		this.primary = primary;
		this.standbyDir = standbyDir;
		this.standby = standby;
	}

	static StreamingReplica start() throws IOException, SQLException {
		Path primaryDir = Files.createTempDirectory("hotline-primary-pg");
		EmbeddedPostgres primary = EmbeddedPostgres.builder()
			.setDataDirectory(primaryDir)
			.setCleanDataDirectory(true)
			.setServerConfig("timezone", "Asia/Shanghai")
			.setServerConfig("wal_level", "replica")
			.setPGStartupWait(STARTUP)
			.start();
		Path standbyDir = Files.createTempDirectory("hotline-standby-pg");
		baseBackup(primary, primaryDir, standbyDir);
		Files.writeString(standbyDir.resolve("postgresql.auto.conf"), """
				primary_conninfo = 'host=localhost port=%d user=postgres application_name=%s'
				primary_slot_name = '%s'
				""".formatted(primary.getPort(), SLOT, SLOT), StandardOpenOption.APPEND);
		Files.createFile(standbyDir.resolve("standby.signal"));
		EmbeddedPostgres standby = EmbeddedPostgres.builder()
			.setDataDirectory(standbyDir)
			.setCleanDataDirectory(false)
			.setServerConfig("timezone", "Asia/Shanghai")
			.setPGStartupWait(STARTUP)
			.start();
		return new StreamingReplica(primaryDir, primary, standbyDir, standby);
	}

	private static void baseBackup(EmbeddedPostgres primary, Path from, Path to) throws IOException, SQLException {
		try (Connection connection = primary.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("select pg_create_physical_replication_slot('" + SLOT + "', true)");
			statement.execute("select pg_backup_start('" + SLOT + "', true)");
			copy(from, to);
			try (ResultSet rs = statement.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
				rs.next();
				Files.writeString(to.resolve("backup_label"), rs.getString(1));
				String tablespaces = rs.getString(2);
				if (tablespaces != null && !tablespaces.isEmpty()) {
					Files.writeString(to.resolve("tablespace_map"), tablespaces);
				}
			}
		}
	}

	/** Copies a running server's data folder; files the server removes meanwhile are skipped (WAL replay restores them). */
	private static void copy(Path from, Path to) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				Path target = to.resolve(from.relativize(dir).toString());
				Files.createDirectories(target);
				if (!dir.equals(from) && EMPTIED_FOLDERS.contains(dir.getFileName().toString())
						&& dir.getParent().equals(from)) {
					if (dir.getFileName().toString().equals("pg_wal")) {
						Files.createDirectories(target.resolve("archive_status"));
					}
					return FileVisitResult.SKIP_SUBTREE;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				String name = file.getFileName().toString();
				if ((file.getParent().equals(from) && SKIPPED_FILES.contains(name)) || name.equals("pg_internal.init")) {
					return FileVisitResult.CONTINUE;
				}
				try {
					Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
				}
				catch (NoSuchFileException ex) {
					// Removed by the server while we copied.
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				if (ex instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE;
				}
				throw ex;
			}

		});
	}

	String primaryUrl() {
		return this.primary.getJdbcUrl("postgres", "postgres");
	}

	String standbyUrl() {
		return this.standby.getJdbcUrl("postgres", "postgres");
	}

	int primaryPort() {
		return this.primary.getPort();
	}

	int standbyPort() {
		return this.standby.getPort();
	}

	/** The standby keeps receiving WAL but applies none of it: it falls behind. */
	void pauseReplay() {
		onStandby("select pg_wal_replay_pause()");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "paused".equals(queryStandby("select pg_get_wal_replay_pause_state()")));
	}

	void resumeReplay() {
		onStandby("select pg_wal_replay_resume()");
	}

	/** Waits until the standby has applied everything the primary has written so far. */
	void awaitCaughtUp() {
		String lsn = query(this.primary, "select pg_current_wal_lsn()::text");
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> "t".equals(queryStandby(
					"select case when pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn then 't' else 'f' end")));
	}

	/** Stops the standby (its folder stays until {@link #close()}). */
	void stopStandby() throws IOException {
		if (this.standby != null) {
			this.standby.close();
			this.standby = null;
		}
	}

	private void onStandby(String sql) {
		queryStandby(sql);
	}

	private String queryStandby(String sql) {
		return query(this.standby, sql);
	}

	private static String query(EmbeddedPostgres server, String sql) {
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			stopStandby();
		}
		finally {
			this.primary.close();
			FileSystemUtils.deleteRecursively(this.standbyDir);
			FileSystemUtils.deleteRecursively(this.primaryDir);
		}
	}

}
