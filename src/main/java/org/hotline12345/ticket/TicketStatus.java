package org.hotline12345.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket stands in the closed loop (闭环处置). {@link #allows(Step)} is the one transition table of the
 * platform: a step not listed for a status is refused and the ticket stays as it was.
 */
public enum TicketStatus {

	/** 已登记: recorded by the operator; answered on the call or queued for dispatch. */
	REGISTERED,

	/** 待派单: in the urgent or routine queue, waiting for the centre to pick the unit(s); also where returns land. */
	PENDING_DISPATCH,

	/** 已派单: sent to the lead unit (and assisting units), waiting for the unit to sign for it. */
	DISPATCHED,

	/** 办理中: the unit signed for it and is handling it. */
	IN_PROGRESS,

	/** 已回复: the unit's reply is in; the centre reviews it where review is switched on. */
	REPLIED,

	/** 待回访: an operator calls the citizen back for the outcome. */
	CALLBACK_PENDING,

	/** 已并案: merged into a master ticket; the unit acts on the master, this child waits for its own callback. */
	MERGED,

	/** 已办结: the loop is closed. */
	CLOSED;

	/** Every step a person or the system can take on a ticket. */
	public enum Step {

		DIRECT_ANSWER, QUEUE, DISPATCH, ACCEPT, RETURN, SUB_DISPATCH, PROGRESS, REQUEST_EXTENSION, DECIDE_EXTENSION,
		REPLY, REVIEW, CALLBACK, REOPEN, CLOSE, MERGE, OVERRIDE_LEVEL, FOLLOW_UP, REMIND, SUPERVISE

	}

	private static final Set<TicketStatus> OPEN = EnumSet.complementOf(EnumSet.of(CLOSED));

	/** The transition table. Steps that keep the status (a progress note) are listed for the statuses they fit. */
	public boolean allows(Step step) {
		return switch (step) {
			case DIRECT_ANSWER, QUEUE -> this == REGISTERED;
			case DISPATCH -> this == PENDING_DISPATCH;
			case ACCEPT, RETURN -> this == DISPATCHED;
			case SUB_DISPATCH -> this == DISPATCHED || this == IN_PROGRESS;
			case PROGRESS, REQUEST_EXTENSION, REPLY -> this == IN_PROGRESS;
			case DECIDE_EXTENSION -> this == IN_PROGRESS;
			case REVIEW -> this == REPLIED;
			case CALLBACK -> this == CALLBACK_PENDING;
			case REOPEN -> this == CALLBACK_PENDING || this == CLOSED;
			case CLOSE -> this == PENDING_DISPATCH || this == CALLBACK_PENDING || this == MERGED;
			case MERGE -> this == PENDING_DISPATCH || this == DISPATCHED;
			case OVERRIDE_LEVEL, FOLLOW_UP -> OPEN.contains(this);
			case REMIND, SUPERVISE -> this == DISPATCHED || this == IN_PROGRESS || this == REPLIED;
		};
	}

	public boolean isOpen() {
		return this != CLOSED;
	}

	/** Whether a unit holds the ticket, so its deadlines run against that unit. */
	public boolean isWithUnit() {
		return this == DISPATCHED || this == IN_PROGRESS;
	}

}
