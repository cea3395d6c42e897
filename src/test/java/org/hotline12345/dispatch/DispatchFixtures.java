package org.hotline12345.dispatch;

import java.util.List;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.Satisfaction;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;

/** Tickets in the states the centre's screens start from, made through the workflow like a person would. */
final class DispatchFixtures {

	static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null);

	static final Actor SUPERVISOR = new Actor("supervisor", Role.SUPERVISOR, null);

	private final TicketWorkflow workflow;

	private final DepartmentDirectory directory;

	DispatchFixtures(TicketWorkflow workflow, DepartmentDirectory directory) {
		this.workflow = workflow;
		this.directory = directory;
	}

	Actor staffOf(String unitCode) {
		return new Actor(unitCode, Role.UNIT_STAFF, this.directory.unit(unitCode).orElseThrow().id());
	}

	/** A ticket waiting in the dispatch queue of its level. */
	String pending(TriageLevel level, String category, String description) {
		NewTicket request = new NewTicket("王女士", "13912345678", false, false, "崇川区和平桥街道", "chongchuan", null,
				description, RequestType.HELP, category, Channel.PHONE, null, false, null);
		return this.workflow.register(request, Grade.manual(level), TicketWorkflow.Outcome.QUEUE, null, OPERATOR)
			.ticketNo();
	}

	String dispatched(TriageLevel level, String unitCode, String description) {
		String no = pending(level, "SB.YL", description);
		this.workflow.dispatch(no, unitCode, List.of(), null, null, OPERATOR);
		return no;
	}

	/** A ticket the unit solved and the citizen was satisfied with: closed after the callback. */
	String solvedAndClosed(String category, String unitCode, String description) {
		String no = pending(TriageLevel.ROUTINE, category, description);
		this.workflow.dispatch(no, unitCode, List.of(), null, null, OPERATOR);
		Actor staff = staffOf(unitCode);
		this.workflow.accept(no, null, staff);
		this.workflow.reply(no, ReplyOutcome.SOLVED, "已处理完毕", null, staff);
		this.workflow.recordCallback(no, true, true, Satisfaction.SATISFIED, "满意", null, OPERATOR);
		return no;
	}

	/** Returned by two units: only a supervisor may dispatch it now. */
	String returnedTwice(String description) {
		String no = pending(TriageLevel.ROUTINE, "SB.YL", description);
		this.workflow.dispatch(no, "rsj", List.of(), null, null, OPERATOR);
		this.workflow.returnToCentre(no, "不属于人社局职责", null, staffOf("rsj"));
		this.workflow.dispatch(no, "jjzd", List.of(), null, null, OPERATOR);
		this.workflow.returnToCentre(no, "非交通管理事项，建议属地处理", null, staffOf("jjzd"));
		return no;
	}

}
