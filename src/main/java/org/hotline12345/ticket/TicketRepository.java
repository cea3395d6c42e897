package org.hotline12345.ticket;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long> {

	/**
	 * By number: the number's own table (V150) gives the id, so only that month's partition is read, not every
	 * month's index on {@code ticket_no}.
	 */
	@Query(value = "select t.* from ticket t where t.id = (select n.ticket_id from ticket_number n where n.ticket_no = ?1)",
			nativeQuery = true)
	Optional<Ticket> findByTicketNo(String ticketNo);

	@Query(value = "select t.* from ticket t where t.id = (select k.ticket_id from ticket_idempotency k"
			+ " where k.idempotency_key = ?1)", nativeQuery = true)
	Optional<Ticket> findByIdempotencyKey(String idempotencyKey);

	List<Ticket> findByMasterId(Long masterId);

	@Query(value = "select nextval('ticket_id_seq')", nativeQuery = true)
	long nextId();

}
