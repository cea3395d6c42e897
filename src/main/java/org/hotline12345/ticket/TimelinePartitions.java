package org.hotline12345.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The timeline's monthly partitions (V130, decision 0008). {@code ticket_event} is partitioned by RANGE on the entry's
 * time, one partition per calendar month of the city's time zone, plus a DEFAULT partition; what is kept ahead, moved
 * and detached is described in {@link MonthlyPartitions}. A detached month goes to the {@code archive} schema as it
 * is: nothing references a timeline row by foreign key. Months are detached automatically with {@code detach-after}.
 * Runs on one instance of the cluster at a time (ShedLock, {@link #maintainLocked()}).
 */
@Service
public class TimelinePartitions extends MonthlyPartitions {

	static final String TABLE = "ticket_event";

	TimelinePartitions(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
			TimelinePartitionSettings settings) {
		super(TABLE, "at", jdbc, transactions, clock, settings);
	}

	/** {@link #maintain()} under the cluster-wide lock; {@code null} when another instance holds it. */
	@SchedulerLock(name = "timeline-partitions", lockAtMostFor = "30m", lockAtLeastFor = "1m")
	public Maintenance maintainLocked() {
		return maintain();
	}

	@Override
	Object lowerBound(YearMonth month) {
		return Timestamp.from(start(month));
	}

	@Override
	List<YearMonth> stranded() {
		return this.jdbc.query("select distinct date_trunc('month', at at time zone ?) from " + defaultPartition(),
				(rs, i) -> YearMonth.from(rs.getTimestamp(1).toLocalDateTime()), zone().getId());
	}

	@Override
	Period detachAfter() {
		return this.settings.detachAfter();
	}

	/**
	 * Takes a month out of the live timeline: its partition is detached and moved to the {@code archive} schema, to be
	 * dumped and dropped by the operator (docs/operations.md). The current and the previous month are never
	 * detached: tickets still open write there.
	 * @return whether the month was detached ({@code false}: it was not attached)
	 */
	@Override
	boolean detach(YearMonth month) {
		return detachPartition(month, (partition) -> {
		});
	}

}
