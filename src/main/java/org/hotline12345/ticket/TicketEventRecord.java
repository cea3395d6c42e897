package org.hotline12345.ticket;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One entry of a ticket's timeline: who, when, which step, from which status to which, and a note. Never changed.
 */
@Entity
@Table(name = "ticket_event")
class TicketEventRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "ticket_id")
	private Ticket ticket;

	private Instant at;

	private String actor;

	private Long actorUnitId;

	private String type;

	@Enumerated(EnumType.STRING)
	private TicketStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private TicketStatus toStatus;

	private String note;

	protected TicketEventRecord() {
	}

	TicketEventRecord(Ticket ticket, Instant at, String actor, Long actorUnitId, String type, TicketStatus fromStatus,
			TicketStatus toStatus, String note) {
		this.ticket = ticket;
		this.at = at;
		this.actor = actor;
		this.actorUnitId = actorUnitId;
		this.type = type;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.note = note;
	}

	Long getId() {
		return this.id;
	}

	Instant getAt() {
		return this.at;
	}

	String getActor() {
		return this.actor;
	}

	Long getActorUnitId() {
		return this.actorUnitId;
	}

	String getType() {
		return this.type;
	}

	TicketStatus getFromStatus() {
		return this.fromStatus;
	}

	TicketStatus getToStatus() {
		return this.toStatus;
	}

	String getNote() {
		return this.note;
	}

}
