package org.hotline12345.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.ticket.TicketDetails.TimelineEntry;
import org.hotline12345.ticket.TicketSummary.DeadlineState;

import org.springframework.stereotype.Component;

/**
 * Builds {@link TicketDetails} from a ticket that is already in memory, with reference names from the in-memory
 * directory: {@link TicketQueries} after reading a ticket, and {@link TicketWorkflow} right after registering one, so
 * that the answer to a registration needs no read of what was just written.
 */
@Component
class TicketDetailsAssembler {

	private final DepartmentDirectory directory;

	private final DeadlinePolicy deadlines;

	private final Clock clock;

	TicketDetailsAssembler(DepartmentDirectory directory, DeadlinePolicy deadlines, Clock clock) {
		this.directory = directory;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	/**
	 * The ticket as a viewer sees it; unit staff ({@code unitViewer}) do not see a confidential ticket's caller. The
	 * timeline is in order of its ids.
	 */
	TicketDetails details(Ticket t, List<TicketEventRecord> events, String masterNo, List<String> childNos,
			boolean unitViewer) {
		boolean withheld = unitViewer && t.isConfidential();
		List<TimelineEntry> timeline = events.stream()
			.map((e) -> new TimelineEntry(e.getAt(), e.getActor(),
					(e.getActorUnitId() != null) ? unitName(e.getActorUnitId()) : null, e.getType(), e.getFromStatus(),
					e.getToStatus(), e.getNote()))
			.toList();
		UnitView lead = (t.getLeadUnitId() != null) ? this.directory.unit(t.getLeadUnitId()) : null;
		List<String> assists = t.getAssistUnitIds().stream().map(this::unitName).sorted().toList();
		String districtName = (t.getDistrictCode() != null) ? this.directory.unit(t.getDistrictCode()).map(UnitView::name).orElse(null) : null;
		String categoryPath = (t.getCategoryCode() != null) ? this.directory.category(t.getCategoryCode()).map(CategoryView::path).orElse(t.getCategoryCode()) : null;
		return new TicketDetails(t.getId(), t.getTicketNo(), t.getStatus(), t.getLevel(), t.marks(), t.getTriageScore(),
				Grade.parseReasons(t.getTriageReasons()), t.getRuleSetVersion(), t.isLevelOverridden(),
				withheld ? null : t.getCallerName(), withheld ? null : t.getCallerPhoneMasked(), t.isAnonymous(),
				t.isConfidential(), withheld, withheld ? null : t.getAddress(), t.getDistrictCode(), districtName,
				t.getOccurredAt(), t.getDescription(), t.getRequestType(), t.getCategoryCode(), categoryPath,
				t.getChannel(), t.getServiceLine(), t.isVulnerable(), (lead != null) ? lead.code() : null,
				(lead != null) ? lead.name() : null, assists, t.getDispatchedAt(), t.getAcceptDueAt(), t.getAcceptedAt(),
				t.getReplyDueAt(), t.getRepliedAt(), t.getCallbackDueAt(), t.getClosedAt(), t.getReplyOutcome(),
				t.getReplyAnswer(), t.getDirectAnswer(), t.getCallbackAttempts(), t.getCallbackSolved(),
				t.getSatisfaction(), t.getCloseReason(), t.getReturnCount(), t.getReopenCount(), t.isExtensionPending(),
				masterNo, childNos, t.getCreatedAt(), t.getCreatedBy(), t.getVersion(),
				deadlineState(t.getStatus(), t.getDispatchedAt(), t.getAcceptDueAt(), t.getReplyDueAt(),
						t.getRepliedAt(), t.getCallbackDueAt(), this.clock.instant()),
				timeline);
	}

	DeadlineState deadlineState(TicketStatus status, Instant dispatchedAt, Instant acceptDue, Instant replyDue,
			Instant repliedAt, Instant callbackDue, Instant now) {
		Instant start;
		Instant due;
		switch (status) {
			case DISPATCHED -> {
				start = dispatchedAt;
				due = acceptDue;
			}
			case IN_PROGRESS -> {
				start = dispatchedAt;
				due = replyDue;
			}
			case CALLBACK_PENDING -> {
				start = repliedAt;
				due = callbackDue;
			}
			default -> {
				return DeadlineState.NONE;
			}
		}
		if (due == null || start == null) {
			return DeadlineState.NONE;
		}
		if (now.isAfter(due)) {
			return DeadlineState.OVERDUE;
		}
		return now.isBefore(this.deadlines.warningAt(start, due)) ? DeadlineState.ON_TIME : DeadlineState.WARNING;
	}

	String unitName(long id) {
		try {
			return this.directory.unit(id).name();
		}
		catch (RuntimeException ex) {
			return String.valueOf(id);
		}
	}

}
