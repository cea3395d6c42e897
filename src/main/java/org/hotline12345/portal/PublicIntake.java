package org.hotline12345.portal;

import java.util.Set;

import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TicketWorkflow.Outcome;
import org.hotline12345.ticket.TicketWorkflow.Registration;
import org.hotline12345.triage.TriageInput;
import org.hotline12345.triage.TriageResult;
import org.hotline12345.triage.TriageService;

import org.springframework.stereotype.Service;

/**
 * Registers a request that arrived without an operator (the portal, Open311 clients, a peer city): triaged with the
 * published rules like any other, then queued for dispatch.
 */
@Service
public class PublicIntake {

	private final TicketWorkflow workflow;

	private final TriageService triage;

	PublicIntake(TicketWorkflow workflow, TriageService triage) {
		this.workflow = workflow;
		this.triage = triage;
	}

	/** Grades and registers {@code request} into the dispatch queue as {@code actor} (a system actor, no role). */
	public Registration register(NewTicket request, Actor actor) {
		return this.workflow.register(request, grade(request), Outcome.QUEUE, null, actor);
	}

	/** The grade triage gives {@code request}, as the ticket keeps it. */
	public Grade grade(NewTicket request) {
		TriageResult result = this.triage.preview(new TriageInput(request.description(),
				(request.requestType() != null) ? request.requestType().name() : null, request.categoryCode(),
				request.districtCode(), request.vulnerable()));
		return new Grade(result.level(), Set.copyOf(result.marks()), result.score(), result.reasons()
			.stream()
			.map((reason) -> new Grade.Reason(reason.rule(), reason.matched(), reason.weight()))
			.toList(), result.ruleSetVersion());
	}

}
