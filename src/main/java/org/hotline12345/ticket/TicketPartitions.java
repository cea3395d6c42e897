package org.hotline12345.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;


/**
 * The ticket table's monthly partitions (V150, decision 0012): RANGE on the id, whose block names the month of
 * registration ({@link TicketIds}), plus {@code ticket_legacy} for the tickets registered before V150 and a DEFAULT
 * partition; what is kept ahead is described in {@link MonthlyPartitions}. Unlike the timeline's, a ticket that
 * landed in the default partition stays there ({@link #movesStrandedRows()}); the workflow makes sure of its month's
 * partition before it writes a ticket ({@link #ensure(Instant)}).
 * <p>
 * Archiving a month ({@link #detach(YearMonth)}, or automatically with {@code archive-tickets-after}) takes its
 * tickets out of the live database with everything that refers to them: the rows of every table with a foreign key
 * to {@code ticket} (the timeline, alerts, attachments, supervision orders, …) move into {@code archive} tables of
 * that month, then the partition is detached into the {@code archive} schema. Only a month whose tickets are all
 * closed, and none of which is the master of a ticket outside the month, is archived. The numbers stay in
 * {@code ticket_number}, so a number is never given twice. Runs on one instance of the cluster at a time (ShedLock,
 * {@link #maintainLocked()}).
 */
@Service
public class TicketPartitions extends MonthlyPartitions {

	static final String TABLE = "ticket";

	/** The months this instance has seen attached; a month is looked up once. */
	private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

	TicketPartitions(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
			TimelinePartitionSettings settings) {
		super(TABLE, "id", jdbc, transactions, clock, settings);
	}

	/** {@link #maintain()} under the cluster-wide lock; {@code null} when another instance holds it. */
	@SchedulerLock(name = "ticket-partitions", lockAtMostFor = "30m", lockAtLeastFor = "1m")
	public Maintenance maintainLocked() {
		return maintain();
	}

	@Override
	Object lowerBound(YearMonth month) {
		return TicketIds.start(month);
	}

	@Override
	List<YearMonth> stranded() {
		return this.jdbc.queryForList("select distinct id / " + TicketIds.BLOCK + " from " + defaultPartition()
				+ " where id >= " + TicketIds.LEGACY_END, Long.class)
			.stream()
			.map((k) -> TicketIds.month(k * TicketIds.BLOCK).orElseThrow())
			.toList();
	}

	/**
	 * Tickets are referenced by ten tables, so a ticket in the default partition stays there: its month gets no
	 * partition of its own (logged). {@link #ensure(Instant)} keeps that from happening to a registration.
	 */
	@Override
	boolean movesStrandedRows() {
		return false;
	}

	/**
	 * Makes sure the month of {@code at} has its partition before a ticket of that month is written (in a transaction
	 * of its own, once per month and instance), so that a registration never lands in the default partition even
	 * when the job has not run yet: the first minutes of a month on an instance that has just started, or a clock
	 * moved by a test. A failure is logged and the ticket goes to the default partition. In production the job has
	 * made the month months ahead, and this is one lookup per month.
	 */
	void ensure(Instant at) {
		YearMonth month = YearMonth.from(at.atZone(zone()));
		if (this.known.contains(month)) {
			return;
		}
		// One registration asks at a time: creating takes a second connection from the pool.
		synchronized (this.known) {
			if (!this.known.contains(month) && !attachedMonths().contains(month)) {
				create(month);
			}
			// Asked once per month and instance, whatever the outcome: the job retries what failed.
			this.known.add(month);
		}
	}

	@Override
	Period detachAfter() {
		return this.settings.archiveTicketsAfter();
	}

	/**
	 * Archives a month of tickets: refused (IllegalStateException, nothing changed) while one of them is open or is
	 * the master of a ticket of another month.
	 * @return whether the month was archived ({@code false}: it was not attached)
	 */
	@Override
	boolean detach(YearMonth month) {
		long from = TicketIds.start(month);
		long to = TicketIds.start(month.plusMonths(1));
		return detachPartition(month, (partition) -> {
			Integer open = this.jdbc.queryForObject("select count(*) from " + partition + " where status <> 'CLOSED'",
					Integer.class);
			if (open != null && open > 0) {
				throw new IllegalStateException(month + ": " + open + " tickets are not closed");
			}
			Integer children = this.jdbc.queryForObject("""
					select count(*) from ticket where master_id >= ? and master_id < ? and not (id >= ? and id < ?)""",
					Integer.class, from, to, from, to);
			if (children != null && children > 0) {
				throw new IllegalStateException(month + ": " + children + " tickets of other months have their master here");
			}
			for (Reference reference : references()) {
				String archived = ARCHIVE_SCHEMA + "." + reference.table() + "_of_" + partition;
				this.jdbc.execute("create table if not exists " + archived + " (like " + reference.table() + ")");
				this.jdbc.update("with moved as (delete from " + reference.table() + " where " + reference.column()
						+ " >= ? and " + reference.column() + " < ? returning *) insert into " + archived
						+ " select * from moved", from, to);
			}
		});
	}

	/** A live table's foreign key to a ticket's id. */
	record Reference(String table, String column) {
	}

	/** Every live table that refers to a ticket by a foreign key, but the ticket table itself (merged tickets). */
	List<Reference> references() {
		return this.jdbc.query("""
				select c.conrelid::regclass::text, a.attname
				from pg_constraint c
				join pg_class r on r.oid = c.conrelid
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
				where c.contype = 'f' and c.conparentid = 0 and c.confrelid = 'ticket'::regclass
				  and c.conrelid <> 'ticket'::regclass and r.relnamespace = current_schema()::regnamespace
				order by 1""", (rs, i) -> new Reference(rs.getString(1), rs.getString(2)));
	}

}
