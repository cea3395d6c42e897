package org.hotline12345.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.hotline12345.ticket.DeadlinePolicy;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.TicketEvents.FollowUpAdded;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.triage.TicketFacts.Facts;
import org.hotline12345.triage.TriageResult.Reason;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * 慢转急: a matter is graded again as it develops. A follow-up call is graded together with the original description;
 * a ROUTINE ticket that its unit has not signed for when the accept window reaches the warning share becomes URGENT.
 * Raising goes through {@link TicketWorkflow#raiseLevel}: it only ever raises, never touches a level a person set, and
 * records the change with its reasons on the ticket's timeline.
 */
@Component
class ReTriage {

	static final String ACCEPT_WARNING = "临近签收时限未签收";

	private static final java.time.format.DateTimeFormatter DUE = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm");

	private static final Logger log = LoggerFactory.getLogger(ReTriage.class);

	private final TicketFacts facts;

	private final TicketWorkflow workflow;

	private final TriageRules rules;

	private final DeadlinePolicy deadlines;

	private final TriageSettings settings;

	private final Clock clock;

	ReTriage(TicketFacts facts, TicketWorkflow workflow, TriageRules rules, DeadlinePolicy deadlines,
			TriageSettings settings, Clock clock) {
		this.facts = facts;
		this.workflow = workflow;
		this.rules = rules;
		this.deadlines = deadlines;
		this.settings = settings;
		this.clock = clock;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(FollowUpAdded event) {
		if (!this.settings.followUps()) {
			return;
		}
		Facts ticket = this.facts.find(event.ticketId()).orElse(null);
		if (ticket == null || !ticket.isOpen() || ticket.overridden()) {
			return;
		}
		TriageInput input = ticket.input();
		TriageResult result = this.rules.current()
			.grade(new TriageInput(input.text() + "\n" + event.text(), input.requestType(), input.categoryCode(),
					input.districtCode(), input.vulnerable()));
		if (!result.level().isHigherThan(ticket.level())) {
			return;
		}
		List<Grade.Reason> reasons = new ArrayList<>();
		reasons.add(new Grade.Reason("追加诉求", "来电追加：" + abbreviate(event.text()), 0));
		for (Reason reason : result.reasons()) {
			reasons.add(new Grade.Reason(reason.rule(), reason.matched(), reason.weight()));
		}
		Grade grade = new Grade(result.level(), result.marks(), result.score(), reasons, result.ruleSetVersion());
		TicketFacts.retrying(() -> this.workflow.raiseLevel(ticket.ticketNo(), grade));
	}

	/**
	 * ROUTINE tickets dispatched and not yet signed for, whose accept window has reached the warning share but not its
	 * end (an overdue one is the deadline sweep's matter): raised to URGENT.
	 * @return how many tickets were raised
	 */
	@Scheduled(fixedDelayString = "${hotline.triage.accept-warning-sweep:PT10M}",
			initialDelayString = "${hotline.triage.accept-warning-sweep:PT10M}")
	int raiseUnacceptedNearDeadline() {
		if (!this.settings.acceptWarning()) {
			return 0;
		}
		Instant now = this.clock.instant();
		List<Facts> candidates = this.facts.query("""
				status = 'DISPATCHED' AND level = 'ROUTINE' AND NOT level_overridden
				  AND accept_due_at > ? AND dispatched_at < ?
				ORDER BY accept_due_at LIMIT 500""", Timestamp.from(now), Timestamp.from(now));
		int raised = 0;
		for (Facts ticket : candidates) {
			if (ticket.dispatchedAt() == null || now.isBefore(this.deadlines.warningAt(ticket.dispatchedAt(),
					ticket.acceptDueAt()))) {
				continue;
			}
			Grade grade = ticket.raisedTo(TriageLevel.URGENT,
					new Grade.Reason(ACCEPT_WARNING, "签收时限 " + DUE.format(ticket.acceptDueAt().atZone(this.clock.getZone())) + "，尚未签收", 0));
			try {
				if (TicketFacts.retrying(() -> this.workflow.raiseLevel(ticket.ticketNo(), grade))) {
					raised++;
				}
			}
			catch (RuntimeException ex) {
				// One ticket must not stop the sweep; it is tried again on the next run.
				log.warn("Could not raise {}: {}", ticket.ticketNo(), ex.getMessage());
			}
		}
		return raised;
	}

	private static String abbreviate(String text) {
		String oneLine = (text != null) ? text.replace('\n', ' ').replace('\t', ' ').strip() : "";
		return (oneLine.length() > 60) ? oneLine.substring(0, 60) + "…" : oneLine;
	}

}
