package org.hotline12345.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketEventRepository extends JpaRepository<TicketEventRecord, Long> {

	@Query("select e from TicketEventRecord e where e.ticket.id = ?1 order by e.id")
	List<TicketEventRecord> findTimeline(long ticketId);

	@Query("select count(e) > 0 from TicketEventRecord e where e.ticket.id = ?1 and e.actorUnitId = ?2")
	boolean unitHasActedOn(long ticketId, long unitId);

}
