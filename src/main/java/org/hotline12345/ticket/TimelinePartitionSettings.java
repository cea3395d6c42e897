package org.hotline12345.ticket;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The timeline's monthly partitions under {@code hotline.ticket.timeline-partitions} (see {@link TimelinePartitions}).
 *
 * @param enabled whether this instance schedules the job (tests call it themselves)
 * @param interval pause between two runs; the first run follows the start by {@code initial-delay}
 * @param initialDelay how long after the start the first run waits
 * @param monthsAhead how many months after the current one must already exist
 * @param detachAfter months that ended longer ago than this are detached into the {@code archive} schema; empty (the
 * default): nothing is detached automatically
 * @param lockTimeout how long a step waits for its table locks before it gives up until the next run
 * @param archiveTicketsAfter months of tickets (V150, {@link TicketPartitions}) that ended longer ago than this are
 * archived with everything that refers to them, once all their tickets are closed; empty (the default): never
 * automatically
 */
@ConfigurationProperties("hotline.ticket.timeline-partitions")
record TimelinePartitionSettings(@DefaultValue("true") boolean enabled, @DefaultValue("6h") Duration interval,
		@DefaultValue("1m") Duration initialDelay, @DefaultValue("3") int monthsAhead, Period detachAfter,
		@DefaultValue("5s") Duration lockTimeout, Period archiveTicketsAfter) {

	TimelinePartitionSettings {
		if (monthsAhead < 1) {
			throw new IllegalArgumentException("hotline.ticket.timeline-partitions.months-ahead must be at least 1");
		}
		if (detachAfter != null && detachAfter.toTotalMonths() < 2) {
			throw new IllegalArgumentException(
					"hotline.ticket.timeline-partitions.detach-after must be at least two months (P2M)");
		}
		if (archiveTicketsAfter != null && archiveTicketsAfter.toTotalMonths() < 3) {
			throw new IllegalArgumentException(
					"hotline.ticket.timeline-partitions.archive-tickets-after must be at least three months (P3M)");
		}
	}

}
