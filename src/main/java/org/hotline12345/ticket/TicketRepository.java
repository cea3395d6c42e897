package org.hotline12345.ticket;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long> {

	Optional<Ticket> findByTicketNo(String ticketNo);

	Optional<Ticket> findByIdempotencyKey(String idempotencyKey);

	List<Ticket> findByMasterId(Long masterId);

	@Query(value = "select nextval('ticket_id_seq')", nativeQuery = true)
	long nextId();

}
