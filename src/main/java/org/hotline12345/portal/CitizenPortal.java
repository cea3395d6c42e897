package org.hotline12345.portal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.Satisfaction;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketDetails.TimelineEntry;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.shared.PhoneNumber;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the portal does: register a citizen's request with its query code, show it, take the citizen's rating. */
@Service
class CitizenPortal {

	/** The portal acts as a system actor: no role, so the workflow treats it like the scheduler. */
	static final Actor PORTAL = new Actor("portal", null, null);

	private final PublicIntake intake;

	private final TicketWorkflow workflow;

	private final TicketQueries queries;

	private final PortalAccess access;

	private final Clock clock;

	CitizenPortal(PublicIntake intake, TicketWorkflow workflow, TicketQueries queries, PortalAccess access,
			Clock clock) {
		this.intake = intake;
		this.workflow = workflow;
		this.queries = queries;
		this.access = access;
		this.clock = clock;
	}

	/** The number and the query code; the code is shown once and never stored in clear. */
	record Submission(String ticketNo, String code) implements java.io.Serializable {
	}

	@Transactional
	Submission submit(PortalForm form, ServiceLine line) {
		String name = (form.name() != null && !form.name().isBlank()) ? form.name().strip() : null;
		NewTicket request = new NewTicket(name, PhoneNumber.normalize(form.phone()), name == null,
				Boolean.TRUE.equals(form.confidential()), form.address().strip(), form.districtCode(), null, form.description().strip(),
				form.requestType(), form.categoryCode(), Channel.WEB, line, false,
				(form.nonce() != null && !form.nonce().isBlank()) ? "portal:" + form.nonce() : null);
		TicketWorkflow.Registration registration = this.intake.register(request, PORTAL);
		if (!registration.created()) {
			// The same form posted twice: the ticket exists and its code was shown the first time.
			return new Submission(registration.ticketNo(), null);
		}
		String code = this.access.issue(registration.ticketNo(), this.clock.instant());
		return new Submission(registration.ticketNo(), code);
	}

	boolean verify(String ticketNo, String code) {
		return this.access.matches(ticketNo, code);
	}

	/** Only after {@link #verify}: the public view of the ticket. */
	Optional<PublicTicket> view(String ticketNo) {
		return this.queries.findForOversight(ticketNo).map(CitizenPortal::publicView);
	}

	/** 网上评价; refused (IllegalTransitionException) unless the ticket waits for its callback. */
	@Transactional
	void rate(String ticketNo, Boolean solved, Satisfaction satisfaction) {
		this.workflow.recordCitizenRating(ticketNo, solved, satisfaction, "市民网上评价", PORTAL);
		this.access.markRated(ticketNo, this.clock.instant());
	}

	static PublicTicket publicView(TicketDetails ticket) {
		List<TimelineEntry> timeline = ticket.timeline();
		List<PublicTicket.Step> steps = new ArrayList<>();
		int lastReply = -1;
		for (int i = 0; i < timeline.size(); i++) {
			if (timeline.get(i).type().equals("REPLIED")) {
				lastReply = i;
			}
		}
		for (int i = 0; i < timeline.size(); i++) {
			TimelineEntry entry = timeline.get(i);
			PublicTicket.Step step = switch (entry.type()) {
				case "REGISTERED" -> step(entry, "registered", null, null);
				case "DIRECT_ANSWER" -> step(entry, "answered", null, ticket.directAnswer());
				case "DISPATCHED" -> step(entry, "dispatched", dispatchedTo(timeline, i, ticket), null);
				case "SUB_DISPATCHED" -> step(entry, "subDispatched", null, null);
				case "ACCEPTED" -> step(entry, "accepted", entry.actorUnitName(), null);
				case "RETURNED" -> step(entry, "redispatching", null, null);
				case "REPLIED" -> step(entry, "replied", entry.actorUnitName(),
						(i == lastReply) ? ticket.replyAnswer() : null);
				case "REOPENED" -> step(entry, "reopened", null, null);
				case "TRANSFERRED" -> step(entry, "transferred", null, null);
				case "CALLBACK" -> step(entry, (entry.toStatus() == TicketStatus.CLOSED) ? "closed" : "callback", null,
						null);
				case "CLOSED" -> step(entry, "closed", null, null);
				default -> null;
			};
			if (step != null && !(step.key().equals("transferred") && !steps.isEmpty()
					&& steps.get(steps.size() - 1).key().equals("transferred"))) {
				steps.add(step);
			}
		}
		return new PublicTicket(ticket.ticketNo(), ticket.status(), ticket.categoryPath(), ticket.createdAt(),
				ticket.leadUnitName(), steps, ticket.status() == TicketStatus.CALLBACK_PENDING,
				ticket.satisfaction());
	}

	private static String dispatchedTo(List<TimelineEntry> timeline, int index, TicketDetails ticket) {
		for (int i = index + 1; i < timeline.size(); i++) {
			TimelineEntry later = timeline.get(i);
			if (later.type().equals("DISPATCHED")) {
				break;
			}
			if ((later.type().equals("ACCEPTED") || later.type().equals("RETURNED")) && later.actorUnitName() != null) {
				return later.actorUnitName();
			}
		}
		for (int i = index + 1; i < timeline.size(); i++) {
			if (timeline.get(i).type().equals("DISPATCHED")) {
				return null;
			}
		}
		return ticket.leadUnitName();
	}

	private static PublicTicket.Step step(TimelineEntry entry, String key, String unit, String text) {
		return new PublicTicket.Step(entry.at(), key, unit, text);
	}

}
