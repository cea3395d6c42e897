package org.hotline12345.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hotline12345.api.ApiProblems.FieldError;

import org.springframework.stereotype.Component;

/**
 * Checks a request body: its Bean Validation constraints first, then what the step needs beyond them, and answers
 * every invalid field at once, each with a Chinese message.
 */
@Component
class ApiValidation {

	private final Validator validator;

	private final ApiProblems problems;

	ApiValidation(Validator validator, ApiProblems problems) {
		this.validator = validator;
		this.problems = problems;
	}

	/** The errors of {@code body}'s constraints; add more, then {@link Errors#throwIfAny()}. */
	Errors check(Object body) {
		Errors errors = new Errors();
		if (body == null) {
			errors.reject("body", "api.field.bodyRequired");
			return errors;
		}
		List<ConstraintViolation<Object>> violations = new ArrayList<>(this.validator.validate(body));
		violations.sort(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()));
		for (ConstraintViolation<Object> violation : violations) {
			errors.add(new FieldError(field(violation), message(violation)));
		}
		return errors;
	}

	Errors errors() {
		return new Errors();
	}

	private static String field(ConstraintViolation<?> violation) {
		return violation.getPropertyPath().toString().replace(".<list element>", "");
	}

	private String message(ConstraintViolation<?> violation) {
		String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
		Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
		return switch (constraint) {
			case "NotBlank", "NotNull", "NotEmpty" -> this.problems.text("api.field.required");
			case "Size" -> (violation.getInvalidValue() instanceof Collection<?>)
					? this.problems.text("api.field.tooManyItems", String.valueOf(attributes.get("max")))
					: this.problems.text("api.field.tooLong", String.valueOf(attributes.get("max")));
			default -> this.problems.text("api.field.invalid");
		};
	}

	/** Field errors collected for one request. */
	final class Errors {

		private final List<FieldError> list = new ArrayList<>();

		Errors reject(String field, String key, Object... args) {
			return add(new FieldError(field, ApiValidation.this.problems.text(key, args)));
		}

		Errors add(FieldError error) {
			if (!has(error.field())) {
				this.list.add(error);
			}
			return this;
		}

		/** Whether the field has an error already (so a later check does not pile a second message on it). */
		boolean has(String field) {
			return this.list.stream().anyMatch((error) -> error.field().equals(field));
		}

		void throwIfAny() {
			if (!this.list.isEmpty()) {
				throw new ApiValidationException(List.copyOf(this.list));
			}
		}

	}

	/** A request with invalid fields; answered 400 with {@code errors}. */
	static final class ApiValidationException extends RuntimeException {

		private final transient List<FieldError> errors;

		ApiValidationException(List<FieldError> errors) {
			super("Invalid request", null, false, false);
			this.errors = errors;
		}

		List<FieldError> errors() {
			return this.errors;
		}

	}

}
