package org.hotline12345.shared.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The read replica that serves {@link ReadFromReplica} reports, and how far behind the primary it is. The lag is
 * measured on the replica and reused for {@code check-interval}; a replica that cannot be reached is left alone for
 * {@code retry-after}, one further behind than {@code max-lag} until it catches up. In both cases the reports read the
 * primary meanwhile, so a page never fails or shows very old figures because of the replica.
 * <p>
 * Without a replica configured ({@link #none()}) nothing is measured and {@link #lag()} is empty.
 */
public class ReadReplica implements AutoCloseable {

	/**
	 * Seconds the replica's data is behind the primary: zero when it has replayed everything it received; otherwise
	 * the age of the last transaction it replayed (an upper bound when the primary was idle before its latest write).
	 */
	static final String LAG = """
			select case when not pg_is_in_recovery() then 0
			            when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
			            else coalesce(extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()), 0) end""";

	private static final Log logger = LogFactory.getLog(ReadReplica.class);

	private final DataSource dataSource;

	private final ReplicaSettings settings;

	private final Clock clock;

	private volatile State state;

	ReadReplica(DataSource dataSource, ReplicaSettings settings, Clock clock) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.clock = clock;
	}

	/** No replica: every read goes to the primary. */
	static ReadReplica none() {
		return new ReadReplica(null, null, null);
	}

	/** What was last measured: when, whether the replica answered, and its lag. */
	record State(Instant checkedAt, boolean reachable, Duration lag) {
	}

	/**
	 * How far behind the primary the figures of a {@link ReadFromReplica} report are right now; empty when they come
	 * from the primary (no replica configured, or it is unreachable or too far behind and not used).
	 */
	public Optional<Duration> lag() {
		if (!configured()) {
			return Optional.empty();
		}
		State current = current();
		return usable(current) ? Optional.of(current.lag()) : Optional.empty();
	}

	/** Whether a replica is configured at all ({@code hotline.datasource.replica.url}). */
	public boolean configured() {
		return this.dataSource != null;
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	/** Whether reports may read the replica now; measures the lag when the last measurement is too old. */
	boolean usable() {
		return configured() && usable(current());
	}

	private boolean usable(State state) {
		return state.reachable() && state.lag().compareTo(this.settings.maxLag()) <= 0;
	}

	/** A report could not get a replica connection: it reads the primary, and so do the next ones for a while. */
	void failed(SQLException ex) {
		State before = this.state;
		this.state = new State(this.clock.instant(), false, null);
		if (before == null || before.reachable()) {
			logger.warn("Read replica unreachable, reports read the primary for " + this.settings.retryAfter() + ": "
					+ ex.getMessage());
		}
	}

	State current() {
		State current = this.state;
		if (current == null || expired(current)) {
			synchronized (this) {
				current = this.state;
				if (current == null || expired(current)) {
					current = measure(current);
					this.state = current;
				}
			}
		}
		return current;
	}

	private boolean expired(State state) {
		Duration age = Duration.between(state.checkedAt(), this.clock.instant());
		return age.compareTo(state.reachable() ? this.settings.checkInterval() : this.settings.retryAfter()) >= 0;
	}

	private State measure(State before) {
		Instant now = this.clock.instant();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(Math.max(1, (int) this.settings.connectionTimeout().toSeconds()));
			try (ResultSet rs = statement.executeQuery(LAG)) {
				rs.next();
				Duration lag = Duration.ofMillis(Math.round(rs.getDouble(1) * 1000));
				State measured = new State(now, true, lag);
				boolean wasUsable = before != null && usable(before);
				if (!usable(measured) && (before == null || wasUsable)) {
					logger.warn("Read replica is " + lag.toSeconds() + " s behind (more than "
							+ this.settings.maxLag() + "): reports read the primary until it catches up");
				}
				else if (usable(measured) && before != null && !wasUsable) {
					logger.info("Read replica back in use, " + lag.toMillis() + " ms behind");
				}
				return measured;
			}
		}
		catch (SQLException ex) {
			if (before == null || before.reachable()) {
				logger.warn("Read replica unreachable, reports read the primary for " + this.settings.retryAfter()
						+ ": " + ex.getMessage());
			}
			return new State(now, false, null);
		}
	}

	@Override
	public void close() throws Exception {
		if (this.dataSource instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}
