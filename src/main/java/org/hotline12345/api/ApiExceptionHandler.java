package org.hotline12345.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hotline12345.api.ApiProblems.FieldError;
import org.hotline12345.api.ApiProblems.Kind;
import org.hotline12345.api.ApiValidation.ApiValidationException;
import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.ticket.IllegalTransitionException;
import org.hotline12345.ticket.TicketChangedConcurrentlyException;
import org.hotline12345.ticket.TicketMessages;
import org.hotline12345.ticket.TicketNotFoundException;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TicketSummary;
import org.hotline12345.ticket.UnknownCodeException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every error of the API as RFC 9457 problem+json with a Chinese detail: 400 for bad input of any kind (malformed
 * JSON, a wrong enum value, an oversized body, a failed check), 403, 404 (also for another unit's ticket), 409 for an
 * illegal step (naming the current status) or a concurrent change, 500 only for our own faults, with an error id and
 * nothing internal.
 */
@RestControllerAdvice(assignableTypes = ApiEndpoint.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	private final ApiProblems problems;

	private final MessageSource messages;

	private final TicketQueries queries;

	private final AuditLog audit;

	ApiExceptionHandler(ApiProblems problems, MessageSource messages, TicketQueries queries, AuditLog audit) {
		this.problems = problems;
		this.messages = messages;
		this.queries = queries;
		this.audit = audit;
	}

	@ExceptionHandler(ApiValidationException.class)
	ResponseEntity<ProblemDetail> invalid(ApiValidationException ex) {
		return answer(this.problems.validation(ex.errors()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		if (causedBy(ex, ApiGuardFilter.BodyTooLargeException.class)) {
			return answer(this.problems.problem(Kind.BAD_REQUEST, "api.bodyTooLargeUnknown"));
		}
		MismatchedInputException mismatch = cause(ex, MismatchedInputException.class);
		if (mismatch != null && !mismatch.getPath().isEmpty()) {
			String field = path(mismatch);
			String message;
			if (mismatch instanceof PropertyBindingException) {
				message = this.problems.text("api.field.unknownProperty");
			}
			else if (mismatch instanceof InvalidFormatException invalid && invalid.getTargetType() != null
					&& invalid.getTargetType().isEnum()) {
				message = this.problems.text("api.field.enum", allowed(invalid.getTargetType()));
			}
			else if (mismatch.getTargetType() != null && mismatch.getTargetType().isEnum()) {
				message = this.problems.text("api.field.enum", allowed(mismatch.getTargetType()));
			}
			else if (mismatch.getTargetType() != null && java.time.temporal.Temporal.class.isAssignableFrom(mismatch.getTargetType())) {
				message = this.problems.text("api.field.dateTime");
			}
			else {
				message = this.problems.text("api.field.format");
			}
			return answer(this.problems.validation(List.of(new FieldError(field, message))));
		}
		return answer(this.problems.problem(Kind.BAD_REQUEST, "api.badRequest.json"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		String message = (type != null && type.isEnum()) ? this.problems.text("api.field.enum", allowed(type))
				: this.problems.text("api.field.format");
		return answer(this.problems.validation(List.of(new FieldError(ex.getName(), message))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		return answer(this.problems.validation(
				List.of(new FieldError(ex.getParameterName(), this.problems.text("api.field.required")))));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
		return answer(this.problems
			.validation(List.of(new FieldError(ex.getHeaderName(), this.problems.text("api.field.required")))));
	}

	@ExceptionHandler(UnknownCodeException.class)
	ResponseEntity<ProblemDetail> unknownCode(UnknownCodeException ex) {
		String field = switch (ex.kind()) {
			case "category" -> "categoryCode";
			case "district" -> "districtCode";
			default -> "unitCode";
		};
		String key = switch (ex.kind()) {
			case "category" -> "api.field.unknownCategory";
			case "district" -> "api.field.unknownDistrict";
			default -> "api.field.unknownUnit";
		};
		return answer(this.problems.validation(List.of(new FieldError(field, this.problems.text(key)))));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return answer(this.problems.problem(Kind.UNSUPPORTED_MEDIA_TYPE, "api.unsupportedMediaType"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
		ProblemDetail problem = this.problems.problem(Kind.METHOD_NOT_ALLOWED, "api.methodNotAllowed", ex.getMethod());
		HttpHeaders headers = new HttpHeaders();
		if (ex.getSupportedHttpMethods() != null) {
			headers.setAllow(ex.getSupportedHttpMethods());
		}
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(ApiProblems.PROBLEM_JSON_UTF8)
			.body(problem);
	}

	@ExceptionHandler(TicketNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(TicketNotFoundException ex) {
		return answer(this.problems.problem(Kind.NOT_FOUND, "api.notFound.ticket"));
	}

	@ExceptionHandler(ApiNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(ApiNotFoundException ex) {
		return answer(this.problems.problem(Kind.NOT_FOUND, "api.notFound"));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex, HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String ticketNo = pathVariable(request, "ticketNo");
		this.audit.recordSeparately(new AuditEvent("API_ACCESS_DENIED",
				(authentication != null) ? authentication.getName() : null, request.getRemoteAddr(),
				(ticketNo != null) ? "TICKET" : "API",
				(ticketNo != null) ? ticketNo : request.getMethod() + " " + request.getRequestURI(),
				AuditEvent.Outcome.DENIED, request.getMethod() + " " + request.getRequestURI()));
		return answer(this.problems.problem(Kind.FORBIDDEN, "api.forbidden"));
	}

	@ExceptionHandler(IllegalTransitionException.class)
	ResponseEntity<ProblemDetail> illegal(IllegalTransitionException ex) {
		ProblemDetail problem = this.problems.withDetail(Kind.ILLEGAL_TRANSITION,
				TicketMessages.illegalTransition(this.messages, ex, ApiProblems.LOCALE));
		problem.setProperty("ticketNo", ex.ticketNo());
		problem.setProperty("currentStatus", ex.status());
		return answer(problem);
	}

	@ExceptionHandler(TicketChangedConcurrentlyException.class)
	ResponseEntity<ProblemDetail> changed(TicketChangedConcurrentlyException ex) {
		ProblemDetail problem = this.problems.withDetail(Kind.CONCURRENT_CHANGE, this.messages
			.getMessage("ticket.changedConcurrently", new Object[] { ex.ticketNo() }, ApiProblems.LOCALE));
		problem.setProperty("ticketNo", ex.ticketNo());
		currentStatus(ex.ticketNo()).ifPresent((status) -> problem.setProperty("currentStatus", status));
		return answer(problem);
	}

	/** Two requests changed the ticket at the same moment; the database let one through. */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> raced(OptimisticLockingFailureException ex, HttpServletRequest request) {
		String ticketNo = pathVariable(request, "ticketNo");
		if (ticketNo == null) {
			return answer(this.problems.problem(Kind.CONCURRENT_CHANGE, "api.conflict.concurrent"));
		}
		return changed(new TicketChangedConcurrentlyException(ticketNo));
	}

	@ExceptionHandler(ApiConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ApiConflictException ex) {
		ProblemDetail problem = this.problems.problem(Kind.ILLEGAL_TRANSITION, ex.key(), ex.ticketNo());
		problem.setProperty("ticketNo", ex.ticketNo());
		currentStatus(ex.ticketNo()).ifPresent((status) -> problem.setProperty("currentStatus", status));
		return answer(problem);
	}

	/** The aggregate refused a step its state rules out beyond the status table (e.g. never with a unit). */
	@ExceptionHandler(IllegalStateException.class)
	ResponseEntity<ProblemDetail> state(IllegalStateException ex, HttpServletRequest request) {
		String ticketNo = pathVariable(request, "ticketNo");
		logger.debug("Refused: " + ex.getMessage());
		if (ticketNo == null) {
			return unexpected(ex, request);
		}
		ProblemDetail problem;
		var status = currentStatus(ticketNo);
		if (status.isPresent()) {
			problem = this.problems.problem(Kind.ILLEGAL_TRANSITION, "api.conflict.state", ticketNo,
					statusLabel(status.get()));
			problem.setProperty("currentStatus", status.get());
		}
		else {
			problem = this.problems.problem(Kind.ILLEGAL_TRANSITION, "api.conflict.stateUnknown", ticketNo);
		}
		problem.setProperty("ticketNo", ticketNo);
		return answer(problem);
	}

	/** The workflow found the input against its rules (a street not below the district, a master not allowed). */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> argument(IllegalArgumentException ex) {
		logger.debug("Refused: " + ex.getMessage());
		return answer(this.problems.problem(Kind.BAD_REQUEST, "api.badRequest.rule"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		String errorId = UUID.randomUUID().toString().substring(0, 8);
		logger.error("API error " + errorId + " at " + request.getMethod() + " " + request.getRequestURI(), ex);
		ProblemDetail problem = this.problems.problem(Kind.INTERNAL, "api.internal", errorId);
		problem.setProperty("errorId", errorId);
		return answer(problem);
	}

	private java.util.Optional<TicketStatus> currentStatus(String ticketNo) {
		try {
			return this.queries.summary(ticketNo).map(TicketSummary::status);
		}
		catch (RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}

	private String statusLabel(TicketStatus status) {
		return this.messages.getMessage("ticket.status." + status, null, status.name(), ApiProblems.LOCALE);
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(ApiProblems.PROBLEM_JSON_UTF8).body(problem);
	}

	@SuppressWarnings("unchecked")
	private static String pathVariable(HttpServletRequest request, String name) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return (variables instanceof Map<?, ?> map) ? (String) ((Map<String, String>) map).get(name) : null;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String allowed(Class<?> enumType) {
		return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining("、"));
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		return cause(ex, type) != null;
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
