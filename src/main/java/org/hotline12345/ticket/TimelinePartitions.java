package org.hotline12345.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The timeline's monthly partitions (V130, decision 0008). {@code ticket_event} is partitioned by RANGE on the entry's
 * time, one partition per calendar month of the city's time zone, plus a DEFAULT partition as a safety net:
 * <ul>
 * <li>{@link #maintain()} creates the current month and {@code months-ahead} more before any row needs them, and gives
 * every month found in the default partition a partition of its own, moving its rows there;</li>
 * <li>{@link #detach(YearMonth)} takes an old month out of the live table into the {@code archive} schema, where it
 * waits to be dumped and dropped (docs/operations.md); with {@code detach-after} set, {@link #maintain()} does so for
 * every month older than that.</li>
 * </ul>
 * A month is created as a table of its own and then attached: {@code ATTACH PARTITION} needs only a SHARE UPDATE
 * EXCLUSIVE lock on {@code ticket_event}, where {@code CREATE TABLE … PARTITION OF} would block every reader. Each
 * step waits at most {@code lock-timeout} for its locks and is retried at the next run. Runs on one instance of the
 * cluster at a time (ShedLock, {@link #maintainLocked()}); running twice changes nothing.
 */
@Service
public class TimelinePartitions {

	static final String TABLE = "ticket_event";

	static final String DEFAULT_PARTITION = "ticket_event_default";

	static final String ARCHIVE_SCHEMA = "archive";

	private static final Pattern MONTHLY = Pattern.compile("ticket_event_(\\d{4})_(\\d{2})");

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

	private static final Log logger = LogFactory.getLog(TimelinePartitions.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final TimelinePartitionSettings settings;

	TimelinePartitions(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
			TimelinePartitionSettings settings) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.settings = settings;
	}

	/** What one run changed. */
	record Maintenance(List<YearMonth> created, List<YearMonth> detached) {
	}

	/** {@link #maintain()} under the cluster-wide lock; {@code null} when another instance holds it. */
	@SchedulerLock(name = "timeline-partitions", lockAtMostFor = "30m", lockAtLeastFor = "1m")
	public Maintenance maintainLocked() {
		return maintain();
	}

	/**
	 * Creates the months from the current one to {@code months-ahead} later that do not exist yet, moves the rows
	 * found in the default partition into months of their own, and detaches the months older than
	 * {@code detach-after} if it is set.
	 */
	Maintenance maintain() {
		YearMonth current = YearMonth.now(this.clock);
		TreeSet<YearMonth> wanted = new TreeSet<>(stranded());
		for (int i = 0; i <= this.settings.monthsAhead(); i++) {
			wanted.add(current.plusMonths(i));
		}
		List<YearMonth> created = new ArrayList<>();
		for (YearMonth month : wanted) {
			if (create(month)) {
				created.add(month);
			}
		}
		List<YearMonth> detached = new ArrayList<>();
		if (this.settings.detachAfter() != null) {
			YearMonth keepFrom = YearMonth.from(ZonedDateTime.now(this.clock).minus(this.settings.detachAfter()));
			for (YearMonth month : attachedMonths()) {
				if (month.isBefore(keepFrom) && month.isBefore(current.minusMonths(1)) && detachLogged(month)) {
					detached.add(month);
				}
			}
		}
		if (!created.isEmpty() || !detached.isEmpty()) {
			logger.info("Timeline partitions: created " + created + ", detached " + detached);
		}
		return new Maintenance(created, detached);
	}

	/**
	 * Makes sure every month from {@code from} to {@code to} has its partition, for a bulk load of past rows (the
	 * demo city) that would otherwise land in the default partition.
	 */
	public void cover(Instant from, Instant to) {
		for (YearMonth month = YearMonth.from(from.atZone(zone())); !month.isAfter(YearMonth.from(to.atZone(zone())));
				month = month.plusMonths(1)) {
			create(month);
		}
	}

	/** The months that have a partition attached to {@code ticket_event}, oldest first. */
	List<YearMonth> attachedMonths() {
		List<String> names = this.jdbc.queryForList("""
				select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
				where i.inhparent = 'ticket_event'::regclass""", String.class);
		TreeSet<YearMonth> months = new TreeSet<>();
		for (String name : names) {
			Matcher matcher = MONTHLY.matcher(name);
			if (matcher.matches()) {
				months.add(YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
			}
		}
		return List.copyOf(months);
	}

	/** The months of the rows in the default partition: each should have had a partition of its own. */
	List<YearMonth> stranded() {
		return this.jdbc.query("select distinct date_trunc('month', at at time zone ?) from " + DEFAULT_PARTITION,
				(rs, i) -> YearMonth.from(rs.getTimestamp(1).toLocalDateTime()), zone().getId());
	}

	/**
	 * Creates the month's partition unless it exists, with the month's rows that waited in the default partition.
	 * @return whether it was created; {@code false} also when it failed (logged; the next run tries again)
	 */
	boolean create(YearMonth month) {
		if (attachedMonths().contains(month)) {
			return false;
		}
		String name = partitionName(month);
		Timestamp from = Timestamp.from(start(month));
		Timestamp to = Timestamp.from(start(month.plusMonths(1)));
		try {
			this.transaction.executeWithoutResult((status) -> {
				lockTimeout();
				this.jdbc.execute("create table " + name + " (like " + TABLE
						+ " including defaults including constraints)");
				int moved = this.jdbc.update("with moved as (delete from " + DEFAULT_PARTITION
						+ " where at >= ? and at < ? returning *) insert into " + name + " select * from moved", from,
						to);
				this.jdbc.execute("alter table " + TABLE + " attach partition " + name + " for values from ('"
						+ from.toInstant() + "') to ('" + to.toInstant() + "')");
				if (moved > 0) {
					logger.warn("Timeline partition " + name + " created late: moved " + moved
							+ " rows out of the default partition");
				}
			});
			return true;
		}
		catch (DataAccessException | TransactionException ex) {
			logger.warn("Timeline partition " + name + " not created (retried at the next run): " + ex.getMessage());
			return false;
		}
	}

	/**
	 * Takes a month out of the live timeline: its partition is detached and moved to the {@code archive} schema,
	 * rows and indexes intact, to be dumped and dropped by the operator (docs/operations.md). The current and the
	 * previous month are never detached: tickets still open write there.
	 * @return whether the month was detached ({@code false}: it was not attached)
	 */
	boolean detach(YearMonth month) {
		if (!month.isBefore(YearMonth.now(this.clock).minusMonths(1))) {
			throw new IllegalArgumentException("The current and the previous month's timeline stay online: " + month);
		}
		if (!attachedMonths().contains(month)) {
			return false;
		}
		String name = partitionName(month);
		this.transaction.executeWithoutResult((status) -> {
			lockTimeout();
			this.jdbc.execute("alter table " + TABLE + " detach partition " + name);
			this.jdbc.execute("alter table " + name + " set schema " + ARCHIVE_SCHEMA);
		});
		logger.info("Timeline partition " + name + " detached into schema " + ARCHIVE_SCHEMA);
		return true;
	}

	private boolean detachLogged(YearMonth month) {
		try {
			return detach(month);
		}
		catch (DataAccessException | TransactionException ex) {
			logger.warn("Timeline partition " + partitionName(month) + " not detached (retried at the next run): "
					+ ex.getMessage());
			return false;
		}
	}

	static String partitionName(YearMonth month) {
		return TABLE + "_" + month.format(SUFFIX);
	}

	/** Where a month starts: local midnight of its first day, as the migration (V130) cut them. */
	Instant start(YearMonth month) {
		return LocalDateTime.of(month.getYear(), month.getMonth(), 1, 0, 0).atZone(zone()).toInstant();
	}

	private ZoneId zone() {
		return this.clock.getZone();
	}

	private void lockTimeout() {
		this.jdbc.execute("set local lock_timeout = '" + this.settings.lockTimeout().toMillis() + "ms'");
	}

}
