package org.hotline12345.handling;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline12345.ticket.ReplyOutcome;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What each step on a unit's ticket page may carry, and nothing more: a unit, level or status posted alongside is
 * simply not bound. Each carries the ticket version the person saw, for optimistic locking.
 */
final class UnitForms {

	private UnitForms() {
	}

	/** 签收. */
	record AcceptForm(@NotNull Long version) {
	}

	/** 退单: the reason is required; the centre rules on it. */
	record ReturnForm(@NotNull Long version,
			@NotBlank(message = "{handling.return.reason.required}") @Size(max = 1000, message = "{handling.tooLong}") String reason) {
	}

	/** 办理过程: the note; photos come as separate multipart parts. */
	record ProgressForm(Long version,
			@NotBlank(message = "{handling.progress.note.required}") @Size(max = 2000, message = "{handling.tooLong}") String note) {
	}

	/** 延期申请: the new reply deadline, in the centre's time zone, and why. */
	record ExtensionForm(@NotNull Long version,
			@NotNull(message = "{handling.extension.until.required}") @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm",
					fallbackPatterns = { "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm" }) LocalDateTime until,
			@NotBlank(message = "{handling.extension.reason.required}") @Size(max = 1000, message = "{handling.tooLong}") String reason) {
	}

	/** 办理回复: the unit's verdict and the answer to the citizen. */
	record ReplyForm(@NotNull Long version, @NotNull(message = "{handling.reply.outcome.required}") ReplyOutcome outcome,
			@NotBlank(message = "{handling.reply.answer.required}") @Size(max = 4000, message = "{handling.tooLong}") String answer) {
	}

	/** 下派: one of the district's streets. */
	record SubDispatchForm(@NotNull Long version,
			@NotBlank(message = "{handling.subDispatch.street.required}") String streetCode,
			@Size(max = 1000, message = "{handling.tooLong}") String note) {
	}

}
