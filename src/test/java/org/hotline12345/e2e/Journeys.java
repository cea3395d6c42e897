package org.hotline12345.e2e;

import java.util.List;
import java.util.UUID;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.triage.TriageInput;
import org.hotline12345.triage.TriageResult;
import org.hotline12345.triage.TriageService;
import org.hotline12345.user.Role;

/**
 * Tickets a journey starts from, made through the workflow and graded by the published triage rules, exactly as an
 * operator's call would make them. Only for the steps a journey does not walk through the browser itself.
 */
final class Journeys {

	static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null);

	private final TicketWorkflow workflow;

	private final TriageService triage;

	private final DepartmentDirectory directory;

	Journeys(TicketWorkflow workflow, TriageService triage, DepartmentDirectory directory) {
		this.workflow = workflow;
		this.triage = triage;
		this.directory = directory;
	}

	Actor staffOf(String unitCode) {
		return new Actor(unitCode, Role.UNIT_STAFF, this.directory.unit(unitCode).orElseThrow().id());
	}

	/** A call registered into the dispatch queue its grade puts it in. */
	String queued(String phone, String description, RequestType type, String category) {
		NewTicket request = new NewTicket("王女士", phone, false, false, "崇川区和平桥街道", "chongchuan", null, description,
				type, category, Channel.PHONE, null, false, UUID.randomUUID().toString());
		return this.workflow.register(request, grade(request), TicketWorkflow.Outcome.QUEUE, null, OPERATOR)
			.ticketNo();
	}

	/** An earlier call answered on the line (直接答复), closed at once: the caller's history. */
	String answered(String phone, String description, String answer) {
		return answered(phone, description, null, answer);
	}

	String answered(String phone, String description, String category, String answer) {
		NewTicket request = new NewTicket("王女士", phone, false, false, null, "chongchuan", null, description,
				RequestType.CONSULTATION, category, Channel.PHONE, null, false, UUID.randomUUID().toString());
		return this.workflow.register(request, grade(request), TicketWorkflow.Outcome.DIRECT_ANSWER, answer, OPERATOR)
			.ticketNo();
	}

	String dispatched(String unitCode, String description, String category) {
		String no = queued("13962000000", description, RequestType.COMPLAINT, category);
		this.workflow.dispatch(no, unitCode, List.of(), null, null, OPERATOR);
		return no;
	}

	/** Answered by the unit and waiting for the operator's callback. */
	String replied(String unitCode, String description, String category, String answer) {
		String no = dispatched(unitCode, description, category);
		Actor staff = staffOf(unitCode);
		this.workflow.accept(no, null, staff);
		this.workflow.reply(no, ReplyOutcome.SOLVED, answer, null, staff);
		return no;
	}

	private Grade grade(NewTicket request) {
		TriageResult result = this.triage.preview(new TriageInput(request.description(), request.requestType().name(),
				request.categoryCode(), request.districtCode(), request.vulnerable()));
		return new Grade(result.level(), result.marks(), result.score(),
				result.reasons().stream().map((r) -> new Grade.Reason(r.rule(), r.matched(), r.weight())).toList(),
				result.ruleSetVersion());
	}

}
