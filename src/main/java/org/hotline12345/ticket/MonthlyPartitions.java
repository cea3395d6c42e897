package org.hotline12345.ticket;

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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A table partitioned by RANGE, one partition per calendar month of the city's time zone, named
 * {@code <table>_yyyy_MM}, plus a DEFAULT partition {@code <table>_default} as the safety net: the timeline by its
 * entries' time ({@link TimelinePartitions}), the tickets by the month in their id ({@link TicketPartitions}).
 * <ul>
 * <li>{@link #maintain()} creates the current month and {@code months-ahead} more before any row needs them, and gives
 * every month found in the default partition a partition of its own, moving its rows there;</li>
 * <li>old months leave the live table into the {@code archive} schema, where they wait to be dumped and dropped
 * (docs/operations.md); with the setting for it, {@link #maintain()} does so itself.</li>
 * </ul>
 * A month is created as a table of its own and then attached: {@code ATTACH PARTITION} needs only a SHARE UPDATE
 * EXCLUSIVE lock on the parent, where {@code CREATE TABLE … PARTITION OF} would block every reader. Each step waits at
 * most {@code lock-timeout} for its locks and is retried at the next run; running twice changes nothing.
 */
abstract class MonthlyPartitions {

	static final String ARCHIVE_SCHEMA = "archive";

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

	private final Log logger = LogFactory.getLog(getClass());

	final JdbcTemplate jdbc;

	final TransactionTemplate transaction;

	final Clock clock;

	final TimelinePartitionSettings settings;

	private final String table;

	private final String column;

	private final Pattern monthly;

	MonthlyPartitions(String table, String column, JdbcTemplate jdbc, PlatformTransactionManager transactions,
			Clock clock, TimelinePartitionSettings settings) {
		this.table = table;
		this.column = column;
		this.monthly = Pattern.compile(Pattern.quote(table) + "_(\\d{4})_(\\d{2})");
		this.jdbc = jdbc;
		// Each step is a transaction of its own, also when a registration asks for its month (TicketPartitions).
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.settings = settings;
	}

	/** What one run changed. */
	record Maintenance(List<YearMonth> created, List<YearMonth> detached) {
	}

	/** The first value of the partition key in {@code month}; the month ends where the next one starts. */
	abstract Object lowerBound(YearMonth month);

	/** The months of the rows in the default partition: each should have had a partition of its own. */
	abstract List<YearMonth> stranded();

	/** Months that ended longer ago than this leave the live table at each run; {@code null}: none. */
	abstract java.time.Period detachAfter();

	/**
	 * Takes an old month out of the live table.
	 * @return whether it was detached ({@code false}: it was not attached)
	 */
	abstract boolean detach(YearMonth month);

	/**
	 * Whether rows of a month found in the default partition are moved into the month's new partition. Rows that
	 * other tables reference cannot move: PostgreSQL checks a reference against the partition that held the row.
	 */
	boolean movesStrandedRows() {
		return true;
	}

	/**
	 * Creates the months from the current one to {@code months-ahead} later that do not exist yet, moves the rows
	 * found in the default partition into months of their own, and detaches the months older than the setting for it,
	 * if it is set.
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
		if (detachAfter() != null) {
			YearMonth keepFrom = YearMonth.from(ZonedDateTime.now(this.clock).minus(detachAfter()));
			for (YearMonth month : attachedMonths()) {
				if (month.isBefore(keepFrom) && month.isBefore(current.minusMonths(1)) && detachLogged(month)) {
					detached.add(month);
				}
			}
		}
		if (!created.isEmpty() || !detached.isEmpty()) {
			this.logger.info("Partitions of " + this.table + ": created " + created + ", detached " + detached);
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

	/** The months that have a partition attached, oldest first. */
	List<YearMonth> attachedMonths() {
		List<String> names = this.jdbc.queryForList("""
				select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
				where i.inhparent = ?::regclass""", String.class, this.table);
		TreeSet<YearMonth> months = new TreeSet<>();
		for (String name : names) {
			Matcher matcher = this.monthly.matcher(name);
			if (matcher.matches()) {
				months.add(YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
			}
		}
		return List.copyOf(months);
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
		Object from = lowerBound(month);
		Object to = lowerBound(month.plusMonths(1));
		try {
			// In a transaction of its own: a registration's transaction that had read the default partition would
			// hold the lock that attaching needs.
			return Boolean.TRUE.equals(this.transaction.execute((status) -> {
				lockTimeout();
				if (!movesStrandedRows() && Boolean.TRUE.equals(this.jdbc.queryForObject("select exists (select 1 from "
						+ defaultPartition() + " where " + this.column + " >= ? and " + this.column + " < ?)",
						Boolean.class, from, to))) {
					this.logger.warn("Partition " + name + " not created: rows of that month are in "
							+ defaultPartition() + " and stay there (docs/operations.md)");
					return false;
				}
				this.jdbc.execute("create table " + name + " (like " + this.table
						+ " including defaults including constraints)");
				int moved = this.jdbc.update("with moved as (delete from " + defaultPartition() + " where "
						+ this.column + " >= ? and " + this.column + " < ? returning *) insert into " + name
						+ " select * from moved", from, to);
				this.jdbc.execute("alter table " + this.table + " attach partition " + name + " for values from ("
						+ literal(from) + ") to (" + literal(to) + ")");
				if (moved > 0) {
					this.logger.warn("Partition " + name + " created late: moved " + moved
							+ " rows out of the default partition");
				}
				return true;
			}));
		}
		catch (DataAccessException | TransactionException ex) {
			this.logger.warn("Partition " + name + " not created (retried at the next run): " + ex.getMessage());
			return false;
		}
	}

	/**
	 * Detaches the month's partition and moves it to the {@code archive} schema, rows and indexes intact, after
	 * {@code before} ran in the same transaction. An archived month points at nothing live: its foreign keys are
	 * dropped (they would keep the rows they point at from being archived in turn). The current and the previous month
	 * are never detached.
	 * @return whether the month was detached ({@code false}: it was not attached)
	 */
	boolean detachPartition(YearMonth month, Consumer<String> before) {
		if (!month.isBefore(YearMonth.now(this.clock).minusMonths(1))) {
			throw new IllegalArgumentException("The current and the previous month stay online: " + month);
		}
		if (!attachedMonths().contains(month)) {
			return false;
		}
		String name = partitionName(month);
		this.transaction.executeWithoutResult((status) -> {
			lockTimeout();
			before.accept(name);
			this.jdbc.execute("alter table " + this.table + " detach partition " + name);
			this.jdbc.execute("alter table " + name + " set schema " + ARCHIVE_SCHEMA);
			for (String constraint : this.jdbc.queryForList("select conname from pg_constraint"
					+ " where contype = 'f' and conparentid = 0 and conrelid = ?::regclass", String.class,
					ARCHIVE_SCHEMA + "." + name)) {
				this.jdbc.execute("alter table " + ARCHIVE_SCHEMA + "." + name + " drop constraint " + constraint);
			}
		});
		this.logger.info("Partition " + name + " detached into schema " + ARCHIVE_SCHEMA);
		return true;
	}

	private boolean detachLogged(YearMonth month) {
		try {
			return detach(month);
		}
		catch (DataAccessException | TransactionException | IllegalStateException ex) {
			this.logger.warn("Partition " + partitionName(month) + " not detached (retried at the next run): "
					+ ex.getMessage());
			return false;
		}
	}

	String partitionName(YearMonth month) {
		return this.table + "_" + month.format(SUFFIX);
	}

	String defaultPartition() {
		return this.table + "_default";
	}

	/** Where a month starts: local midnight of its first day. */
	Instant start(YearMonth month) {
		return LocalDateTime.of(month.getYear(), month.getMonth(), 1, 0, 0).atZone(zone()).toInstant();
	}

	ZoneId zone() {
		return this.clock.getZone();
	}

	void lockTimeout() {
		this.jdbc.execute("set local lock_timeout = '" + this.settings.lockTimeout().toMillis() + "ms'");
	}

	private static String literal(Object bound) {
		if (bound instanceof java.sql.Timestamp timestamp) {
			return "'" + timestamp.toInstant() + "'";
		}
		return String.valueOf((long) (Long) bound);
	}

}
