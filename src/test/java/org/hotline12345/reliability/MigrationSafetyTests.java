package org.hotline12345.reliability;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checklist #47: every migration runs with {@code lock_timeout = 5s} (the Flyway callback
 * {@code db/callback/beforeEachMigrate.sql}), so an {@code ALTER TABLE} behind live readers fails after 5 s instead of
 * queueing every request behind its lock; and Flyway validates the applied migrations at start-up. The probe
 * migrations run in a schema of their own, through the application's real callback location.
 */
@HotlineIntegrationTest
class MigrationSafetyTests {

	static final String SCHEMA = "migration_probe";

	@Autowired
	DataSource dataSource;

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void dropProbe() {
		this.jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
	}

	Flyway probe(String... migrations) {
		String[] locations = Arrays.copyOf(migrations, migrations.length + 1);
		locations[migrations.length] = "classpath:db/callback";
		return Flyway.configure().dataSource(this.dataSource).schemas(SCHEMA).createSchemas(true)
			.locations(locations).load();
	}

	@Test
	void theApplicationValidatesMigrationsAndRunsTheLockTimeoutCallback() {
		assertThat(this.flyway.getConfiguration().isValidateOnMigrate()).isTrue();
		assertThat(Arrays.stream(this.flyway.getConfiguration().getLocations()).map(Object::toString))
			.contains("classpath:db/callback");
	}

	@Test
	void aMigrationRunsWithAFiveSecondLockTimeout() {
		probe("classpath:reliability/probe/first").migrate();
		assertThat(this.jdbc.queryForObject("select setting from " + SCHEMA + ".probe", String.class)).isEqualTo("5s");
	}

	@Test
	void aMigrationBehindLiveTrafficGivesUpInsteadOfBlockingEveryone() throws Exception {
		probe("classpath:reliability/probe/first").migrate();
		try (Connection reader = this.dataSource.getConnection(); Statement statement = reader.createStatement()) {
			reader.setAutoCommit(false);
			// A long report reading the table: holds ACCESS SHARE until it ends.
			statement.execute("select count(*) from " + SCHEMA + ".busy");
			long started = System.nanoTime();
			assertThatThrownBy(() -> probe("classpath:reliability/probe/first", "classpath:reliability/probe/second")
				.migrate()).isInstanceOf(FlywayException.class).hasStackTraceContaining("lock timeout");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
			reader.rollback();
		}
		// Off-peak, the same migration goes through.
		probe("classpath:reliability/probe/first", "classpath:reliability/probe/second").migrate();
		assertThat(this.jdbc.queryForObject("select count(*) from information_schema.columns where table_schema = ?"
				+ " and table_name = 'busy' and column_name = 'note'", Integer.class, SCHEMA)).isEqualTo(1);
	}

}
