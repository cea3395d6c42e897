package org.hotline12345.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketEventRepository extends JpaRepository<TicketEventRecord, Long> {

	/**
	 * How much earlier than its ticket's registration a timeline entry may be dated: instances' clocks differ a little.
	 * The bound only has to name the right month for PostgreSQL to skip the older months of the partitioned timeline.
	 */
	Duration CLOCK_SKEW = Duration.ofDays(1);

	/**
	 * A ticket's timeline, read only from the months since the ticket was registered (the partitions before
	 * {@code notBefore} are pruned; {@code TimelinePartitionsIntegrationTests} checks the plan).
	 */
	String TIMELINE = "select * from ticket_event e where e.ticket_id = ?1 and e.at >= ?2 order by e.id";

	@Query(value = TIMELINE, nativeQuery = true)
	List<TicketEventRecord> findTimeline(long ticketId, Instant notBefore);

	@Query("select count(e) > 0 from TicketEventRecord e where e.ticket.id = ?1 and e.actorUnitId = ?2 and e.at >= ?3")
	boolean unitHasActedOn(long ticketId, long unitId, Instant notBefore);

	default List<TicketEventRecord> timelineOf(Ticket ticket) {
		return findTimeline(ticket.getId(), ticket.getCreatedAt().minus(CLOCK_SKEW));
	}

	default boolean unitHasActedOn(Ticket ticket, long unitId) {
		return unitHasActedOn(ticket.getId(), unitId, ticket.getCreatedAt().minus(CLOCK_SKEW));
	}

}
