package org.hotline12345.triage;

import java.util.List;

import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.TicketEvents.TicketRegistered;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.triage.TicketFacts.Facts;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * 重复来电: the same caller (by the phone's blind index) rings again about a matter of the same category (or its
 * level-2 parent) while an earlier ticket is still open. The new ticket goes up one step, to URGENT at least, with the
 * earlier ticket named in the reason. A person's override is never touched (the aggregate refuses).
 */
@Component
class RepeatCallers {

	static final String RULE = "重复来电";

	private final TicketFacts facts;

	private final TicketWorkflow workflow;

	private final TriageSettings settings;

	RepeatCallers(TicketFacts facts, TicketWorkflow workflow, TriageSettings settings) {
		this.facts = facts;
		this.workflow = workflow;
		this.settings = settings;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TicketRegistered event) {
		if (!this.settings.repeatCallers()) {
			return;
		}
		Facts ticket = this.facts.find(event.ticketId()).orElse(null);
		String key = (ticket != null) ? TicketFacts.matterKey(ticket.categoryCode()) : null;
		if (ticket == null || !ticket.isOpen() || ticket.phoneIndex() == null || key == null
				|| ticket.reasons().stream().anyMatch((r) -> RULE.equals(r.rule()))) {
			return;
		}
		List<Facts> earlier = this.facts.query("""
				caller_phone_index = ? AND id <> ? AND status <> 'CLOSED' AND created_at <= ?
				  AND (category_code = ? OR category_code LIKE ?)
				ORDER BY created_at DESC, id DESC LIMIT 1""", ticket.phoneIndex(), ticket.id(),
				java.sql.Timestamp.from(ticket.createdAt()), key, key + ".%");
		if (earlier.isEmpty()) {
			return;
		}
		TriageLevel raised = oneStepUp(ticket.level());
		Grade grade = ticket.raisedTo(raised,
				new Grade.Reason(RULE, "同一来电号码另有未办结同类工单 " + earlier.get(0).ticketNo(), 0));
		TicketFacts.retrying(() -> this.workflow.raiseLevel(ticket.ticketNo(), grade));
	}

	static TriageLevel oneStepUp(TriageLevel level) {
		return switch (level) {
			case ROUTINE -> TriageLevel.URGENT;
			case URGENT, CRITICAL -> TriageLevel.CRITICAL;
		};
	}

}
