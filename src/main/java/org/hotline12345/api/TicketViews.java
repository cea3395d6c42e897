package org.hotline12345.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.CloseReason;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.Satisfaction;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TicketSummary;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;

import org.springframework.stereotype.Component;

/**
 * The JSON shapes of tickets in the API, made from what {@code TicketQueries} lets the caller see (the phone number
 * always masked; on a confidential ticket a unit sees no name, phone or address). Never an entity, never a database
 * id.
 */
@Component
class TicketViews {

	record Reason(String rule, String matched, int weight) {
	}

	record UnitRef(String code, String name) {
	}

	record CategoryRef(String code, String path) {
	}

	record Caller(String name, String phone, String address, boolean anonymous, boolean confidential,
			boolean withheld) {
	}

	record Units(UnitRef lead, List<UnitRef> assist) {
	}

	/** The clocks: what is due when, and how the running one stands (NONE, ON_TIME, WARNING, OVERDUE). */
	record Deadlines(Instant acceptDueAt, Instant replyDueAt, Instant callbackDueAt, Instant currentDueAt,
			TicketSummary.DeadlineState state) {
	}

	record Outcome(ReplyOutcome replyOutcome, String replyAnswer, String directAnswer, int callbackAttempts,
			Boolean callbackSolved, Satisfaction satisfaction, CloseReason closeReason) {
	}

	record Event(Instant at, String actor, String actorUnit, String type, TicketStatus fromStatus,
			TicketStatus toStatus, String note) {
	}

	/** A ticket as GET answers it, and as every step answers it after the step. */
	record Ticket(String ticketNo, TicketStatus status, TriageLevel level, boolean levelOverridden,
			Set<TriageMark> marks, int score, List<Reason> reasons, RequestType requestType, Channel channel,
			ServiceLine serviceLine, CategoryRef category, UnitRef district, String description, Caller caller,
			Instant occurredAt, boolean vulnerable, Units units, Deadlines deadlines, Instant dispatchedAt,
			Instant acceptedAt, Instant repliedAt, Instant closedAt, Outcome outcome, int returnCount,
			int reopenCount, boolean extensionPending, String masterNo, List<String> childNos, Instant createdAt,
			String createdBy, long version, List<Event> events) {
	}

	/** The answer to a registration. */
	record Created(String ticketNo, TicketStatus status, TriageLevel level, Set<TriageMark> marks, int score,
			List<Reason> reasons, Deadlines deadlines) {
	}

	record ListItem(String ticketNo, TicketStatus status, TriageLevel level, Set<TriageMark> marks,
			String categoryCode, String categoryName, String excerpt, String callerPhone, boolean confidential,
			String leadUnitName, ServiceLine serviceLine, Instant createdAt, Instant dueAt,
			TicketSummary.DeadlineState deadlineState, boolean extensionPending, int returnCount, int reopenCount) {
	}

	record Page(int page, int size, boolean hasMore, List<ListItem> items) {
	}

	private final DepartmentDirectory directory;

	TicketViews(DepartmentDirectory directory) {
		this.directory = directory;
	}

	Ticket ticket(TicketDetails t) {
		UnitRef lead = (t.leadUnitCode() != null) ? new UnitRef(t.leadUnitCode(), t.leadUnitName()) : null;
		Map<String, String> codesByName = new HashMap<>();
		if (!t.assistUnitNames().isEmpty()) {
			for (UnitView unit : this.directory.units()) {
				codesByName.putIfAbsent(unit.name(), unit.code());
			}
		}
		List<UnitRef> assist = t.assistUnitNames()
			.stream()
			.map((name) -> new UnitRef(codesByName.get(name), name))
			.toList();
		return new Ticket(t.ticketNo(), t.status(), t.level(), t.levelOverridden(), t.marks(), t.triageScore(),
				reasons(t.reasons()), t.requestType(), t.channel(), t.serviceLine(),
				(t.categoryCode() != null) ? new CategoryRef(t.categoryCode(), t.categoryPath()) : null,
				(t.districtCode() != null) ? new UnitRef(t.districtCode(), t.districtName()) : null, t.description(),
				new Caller(t.callerName(), t.callerPhone(), t.address(), t.anonymous(), t.confidential(),
						t.callerWithheld()),
				t.occurredAt(), t.vulnerable(), new Units(lead, assist), deadlines(t), t.dispatchedAt(),
				t.acceptedAt(), t.repliedAt(), t.closedAt(),
				new Outcome(t.replyOutcome(), t.replyAnswer(), t.directAnswer(), t.callbackAttempts(),
						t.callbackSolved(), t.satisfaction(), t.closeReason()),
				t.returnCount(), t.reopenCount(), t.extensionPending(), t.masterNo(), t.childNos(), t.createdAt(),
				t.createdBy(), t.version(),
				t.timeline()
					.stream()
					.map((e) -> new Event(e.at(), e.actor(), e.actorUnitName(), e.type(), e.fromStatus(),
							e.toStatus(), e.note()))
					.toList());
	}

	Created created(TicketDetails t) {
		return new Created(t.ticketNo(), t.status(), t.level(), t.marks(), t.triageScore(), reasons(t.reasons()),
				deadlines(t));
	}

	ListItem item(TicketSummary s) {
		return new ListItem(s.ticketNo(), s.status(), s.level(), s.marks(), s.categoryCode(), s.categoryName(),
				s.excerpt(), s.callerPhoneMasked(), s.confidential(), s.leadUnitName(), s.serviceLine(),
				s.createdAt(), s.dueAt(), s.deadlineState(), s.extensionPending(), s.returnCount(), s.reopenCount());
	}

	private static Deadlines deadlines(TicketDetails t) {
		return new Deadlines(t.acceptDueAt(), t.replyDueAt(), t.callbackDueAt(), t.currentDue(), t.deadlineState());
	}

	private static List<Reason> reasons(List<Grade.Reason> reasons) {
		return reasons.stream().map((r) -> new Reason(r.rule(), r.matched(), r.weight())).toList();
	}

}
