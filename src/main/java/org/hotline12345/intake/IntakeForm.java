package org.hotline12345.intake;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.TriageLevel;


/**
 * The intake form as the operator typed it. Text is kept as typed (HTML and emoji included) except NUL characters,
 * which PostgreSQL cannot store. Enums and the time stay text here, so that a tampered value becomes a field error
 * instead of a failed binding; codes, phone and the outcome's own rules are checked by the controller.
 *
 * @param formToken one-time token from the page, the ticket's idempotency key
 * @param manualLevel the operator's own grade, used only while no triage engine is wired in
 */
record IntakeForm(String formToken,
		@NotBlank(message = "{intake.error.phone}") @Size(max = 40, message = "{intake.error.phone}") String callerPhone,
		@Size(max = 64, message = "{intake.error.nameLength}") String callerName, Boolean anonymous,
		Boolean confidential,
		@NotBlank(message = "{intake.error.description}") @Size(max = 4000, message = "{intake.error.descriptionLength}") String description,
		@Size(max = 32) String districtCode,
		@Size(max = 200, message = "{intake.error.addressLength}") String address,
		@Size(max = 20) String occurredAt, @Size(max = 20) String requestType,
		@Size(max = 32) String categoryCode, @Size(max = 20) String channel, @Size(max = 20) String serviceLine,
		Boolean vulnerable, @Size(max = 4000, message = "{intake.error.answerLength}") String directAnswer,
		@Size(max = 20) String manualLevel) {

	IntakeForm {
		// An unticked checkbox sends nothing.
		anonymous = Boolean.TRUE.equals(anonymous);
		confidential = Boolean.TRUE.equals(confidential);
		vulnerable = Boolean.TRUE.equals(vulnerable);
		callerPhone = clean(callerPhone);
		callerName = clean(callerName);
		description = clean(description);
		districtCode = clean(districtCode);
		address = clean(address);
		categoryCode = clean(categoryCode);
		directAnswer = clean(directAnswer);
		formToken = clean(formToken);
	}

	static IntakeForm blank(String formToken, ServiceLine line) {
		return new IntakeForm(formToken, "", "", false, false, "", "", "", "", RequestType.CONSULTATION.name(), "",
				Channel.PHONE.name(), line.name(), false, "", "");
	}

	IntakeForm withToken(String token) {
		return new IntakeForm(token, this.callerPhone, this.callerName, this.anonymous, this.confidential,
				this.description, this.districtCode, this.address, this.occurredAt, this.requestType,
				this.categoryCode, this.channel, this.serviceLine, this.vulnerable, this.directAnswer, this.manualLevel);
	}

	RequestType requestTypeValue() {
		return parse(RequestType.class, this.requestType);
	}

	Channel channelValue() {
		return parse(Channel.class, this.channel);
	}

	ServiceLine serviceLineValue() {
		return parse(ServiceLine.class, this.serviceLine);
	}

	TriageLevel manualLevelValue() {
		return parse(TriageLevel.class, this.manualLevel);
	}

	/** The time it happened, {@code null} when not given or not a valid {@code yyyy-MM-ddTHH:mm}. */
	LocalDateTime occurredAtValue() {
		if (this.occurredAt == null || this.occurredAt.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(this.occurredAt.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		for (E candidate : type.getEnumConstants()) {
			if (candidate.name().equals(text.strip())) {
				return candidate;
			}
		}
		return null;
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String clean(String text) {
		return (text != null) ? text.replace("\u0000", "") : null;
	}

}
