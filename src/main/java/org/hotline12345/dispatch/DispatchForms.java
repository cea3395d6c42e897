package org.hotline12345.dispatch;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline12345.ticket.CloseReason;
import org.hotline12345.ticket.TriageLevel;

import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the dispatch screen and the supervisor's decisions; what the user typed survives an error. */
final class DispatchForms {

	/** The value of the lead radio that means "the unit chosen in the list of all units". */
	static final String OTHER = "__other";

	private DispatchForms() {
	}

	/**
	 * 派单: a lead unit (a suggestion, or {@link #OTHER} with {@code otherLeadUnitCode}), assisting units, a note to
	 * the unit, and the version of the ticket the dispatcher saw.
	 */
	record DispatchForm(String leadUnitCode, String otherLeadUnitCode, List<String> assistUnitCodes,
			@Size(max = 1000) String note, @NotNull Long version, String from) {

		/** The queue to go back to: only a known queue's name, whatever was posted (it becomes part of a link). */
		public String queue() {
			return (this.from != null && java.util.Set.of("urgent", "routine", "returned").contains(this.from)) ? this.from
					: "urgent";
		}

		public String chosenLead() {
			String code = OTHER.equals(this.leadUnitCode) ? this.otherLeadUnitCode : this.leadUnitCode;
			return (code == null || code.isBlank()) ? null : code.strip();
		}

		public List<String> assists() {
			return (this.assistUnitCodes != null)
					? this.assistUnitCodes.stream().filter((c) -> c != null && !c.isBlank()).distinct().toList()
					: List.of();
		}

		public boolean assists(String code) {
			return this.assistUnitCodes != null && this.assistUnitCodes.contains(code);
		}

	}

	/** 调整等级 with a reason of the dispatcher's own. */
	record LevelForm(@NotNull TriageLevel level, @NotBlank @Size(max = 500) String reason) {
	}

	/** 并案: this ticket joins a master ticket, by number. */
	record MergeForm(@NotBlank @Size(max = 24) String masterNo) {
	}

	/** The supervisor's ruling that closes a ticket as unreasonable or a duplicate. */
	record CloseForm(@NotNull CloseReason reason, @NotBlank @Size(max = 1000) String note) {
	}

	/** 重办 of a closed ticket, by a supervisor. */
	record ReopenForm(@NotBlank(message = "{dispatch.reopen.reason.required}") @Size(max = 1000) String reason) {
	}

	/** 延期审批: approve with the new reply deadline, or refuse with a note. */
	record ExtensionDecisionForm(@NotNull Boolean approve,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime until, @Size(max = 1000) String note) {
	}

}
