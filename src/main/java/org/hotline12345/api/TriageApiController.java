package org.hotline12345.api;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hotline12345.api.ApiValidation.Errors;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.shared.PhoneNumber;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;
import org.hotline12345.triage.TriageInput;
import org.hotline12345.triage.TriageResult;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 急慢分治 preview for channels and the CTI: how the published rules would grade a request, with every reason.
 * Nothing is stored.
 */
@RestController
class TriageApiController implements ApiEndpoint {

	/** {@code callerPhone} is checked but not graded on yet (the same-caller signal needs the ticket history). */
	record PreviewRequest(@NotBlank @Size(max = TicketRequests.TEXT) String text, RequestType requestType,
			@Size(max = 32) String categoryCode, @Size(max = 32) String districtCode,
			@Size(max = 32) String callerPhone, Boolean vulnerable) {
	}

	record Reason(String rule, String matched, int weight) {
	}

	record Preview(TriageLevel level, Set<TriageMark> marks, int score, List<Reason> reasons, int ruleSetVersion) {
	}

	private final ApiTriage triage;

	private final ApiValidation validation;

	private final DepartmentDirectory directory;

	TriageApiController(ApiTriage triage, ApiValidation validation, DepartmentDirectory directory) {
		this.triage = triage;
		this.validation = validation;
		this.directory = directory;
	}

	@PostMapping("/api/v1/triage/preview")
	Preview preview(@RequestBody(required = false) PreviewRequest body) {
		Errors errors = this.validation.check(body);
		if (body != null) {
			if (body.categoryCode() != null && !errors.has("categoryCode")
					&& this.directory.category(body.categoryCode()).isEmpty()) {
				errors.reject("categoryCode", "api.field.unknownCategory");
			}
			if (body.districtCode() != null && !errors.has("districtCode")
					&& this.directory.unit(body.districtCode()).isEmpty()) {
				errors.reject("districtCode", "api.field.unknownDistrict");
			}
			if (body.callerPhone() != null && !errors.has("callerPhone") && !PhoneNumber.isValid(body.callerPhone())) {
				errors.reject("callerPhone", "api.field.phone");
			}
		}
		errors.throwIfAny();
		TriageResult result = this.triage.preview(new TriageInput(body.text(),
				(body.requestType() != null) ? body.requestType().name() : null, body.categoryCode(),
				body.districtCode(), Boolean.TRUE.equals(body.vulnerable())));
		return new Preview(result.level(), result.marks(), result.score(),
				result.reasons().stream().map((r) -> new Reason(r.rule(), r.matched(), r.weight())).toList(),
				result.ruleSetVersion());
	}

}
