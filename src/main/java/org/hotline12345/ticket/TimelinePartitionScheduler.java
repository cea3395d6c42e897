package org.hotline12345.ticket;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link TimelinePartitions} and {@link TicketPartitions} shortly after the start and then every
 * {@code interval} (6 h by default), on
 * whichever instance takes the ShedLock lock first. Switched off with
 * {@code hotline.ticket.timeline-partitions.enabled=false}: the tests call the job themselves.
 */
@Component
@ConditionalOnProperty(name = "hotline.ticket.timeline-partitions.enabled", havingValue = "true", matchIfMissing = true)
class TimelinePartitionScheduler {

	private final TimelinePartitions timeline;

	private final TicketPartitions tickets;

	TimelinePartitionScheduler(TimelinePartitions timeline, TicketPartitions tickets) {
		this.timeline = timeline;
		this.tickets = tickets;
	}

	@Scheduled(fixedDelayString = "${hotline.ticket.timeline-partitions.interval:6h}",
			initialDelayString = "${hotline.ticket.timeline-partitions.initial-delay:1m}")
	void run() {
		this.tickets.maintainLocked();
		this.timeline.maintainLocked();
	}

}
