package org.hotline12345.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.CloseReason;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.Satisfaction;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.TriageLevel;

/**
 * The bodies the ticket API accepts, one record per step. Unknown JSON fields are ignored (a caller cannot set a
 * status, a unit or a level it is not asking for); what is checked beyond these annotations (phone numbers, codes,
 * dates) is checked by {@link ApiValidation}.
 */
final class TicketRequests {

	static final int NOTE = 1000;

	static final int TEXT = 4000;

	private TicketRequests() {
	}

	/** What becomes of a new ticket: into the dispatch queue (default), or recorded only, to be answered directly. */
	enum CreateOutcome {

		QUEUE, REGISTER_ONLY

	}

	record CreateTicket(@Size(max = 64) String callerName, @NotBlank @Size(max = 32) String callerPhone,
			Boolean anonymous, Boolean confidential, @Size(max = 200) String address,
			@Size(max = 32) String districtCode, @NotNull RequestType requestType,
			@Size(max = 32) String categoryCode, @NotNull Channel channel, ServiceLine serviceLine,
			@NotBlank @Size(max = TEXT) String description, Instant occurredAt, Boolean vulnerable,
			CreateOutcome outcome) {
	}

	record DirectAnswer(@NotBlank @Size(max = TEXT) String answer) {
	}

	record Dispatch(@NotBlank @Size(max = 32) String leadUnitCode,
			@Size(max = 10) List<@NotBlank @Size(max = 32) String> assistUnitCodes, @Size(max = NOTE) String note) {
	}

	record SubDispatch(@NotBlank @Size(max = 32) String streetCode, @Size(max = NOTE) String note) {
	}

	record Return(@NotBlank @Size(max = NOTE) String reason) {
	}

	record Progress(@NotBlank @Size(max = TEXT) String note) {
	}

	record Extension(@NotNull Instant until, @NotBlank @Size(max = NOTE) String reason) {
	}

	record ExtensionDecision(@NotNull Boolean approve, Instant until, @Size(max = NOTE) String note) {
	}

	record Reply(@NotNull ReplyOutcome outcome, @NotBlank @Size(max = TEXT) String answer) {
	}

	record Review(@NotNull Boolean approve, @Size(max = NOTE) String note) {
	}

	record Callback(@NotNull Boolean reached, Boolean solved, Satisfaction satisfaction,
			@Size(max = NOTE) String note) {
	}

	record Reopen(@NotBlank @Size(max = NOTE) String reason) {
	}

	record Close(@NotNull CloseReason reason, @Size(max = NOTE) String note) {
	}

	record FollowUp(@NotBlank @Size(max = TEXT) String text) {
	}

	record OverrideLevel(@NotNull TriageLevel level, @NotBlank @Size(max = NOTE) String reason) {
	}

	record Merge(@NotBlank @Size(max = 24) String masterNo) {
	}

}
