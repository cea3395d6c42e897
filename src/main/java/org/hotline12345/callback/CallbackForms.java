package org.hotline12345.callback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline12345.ticket.Satisfaction;

/**
 * The callback screens' forms: only the fields each step needs, with the ticket version the operator saw.
 */
final class CallbackForms {

	private CallbackForms() {
	}

	/** Why the operator needs the full number; kept in the audit trail. */
	record RevealForm(@NotBlank(message = "{callback.reveal.reason.required}") @Size(max = 200, message = "{callback.tooLong}") String reason) {
	}

	/** 回访结果. A reached citizen's satisfaction is required (checked in the controller). */
	record OutcomeForm(@NotNull Long version, @NotNull(message = "{callback.reached.required}") Boolean reached,
			Boolean solved, Satisfaction satisfaction, @Size(max = 2000, message = "{callback.tooLong}") String note) {
	}

	/** 重办: back to the same unit with a new deadline. */
	record ReopenForm(@NotNull Long version,
			@NotBlank(message = "{callback.reopen.reason.required}") @Size(max = 1000, message = "{callback.tooLong}") String reason) {
	}

	/** 审核: approve (on to callback) or refuse (back to the unit, with the reason). */
	record ReviewForm(@NotNull Boolean approve, @Size(max = 1000, message = "{callback.tooLong}") String note) {
	}

}
