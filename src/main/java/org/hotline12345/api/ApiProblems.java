package org.hotline12345.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * RFC 9457 problem details for every refusal of the API, with a Chinese {@code title} and {@code detail} and, for
 * validation, {@code errors: [{field, message}]}. Nothing internal (class names, SQL, stack traces) is ever put in.
 */
@Component
class ApiProblems {

	/** The API speaks Chinese to its callers, whatever their locale. */
	static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

	/** What kind of refusal: its {@code type} URI and HTTP status. */
	enum Kind {

		BAD_REQUEST(HttpStatus.BAD_REQUEST), VALIDATION(HttpStatus.BAD_REQUEST), UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
		FORBIDDEN(HttpStatus.FORBIDDEN), NOT_FOUND(HttpStatus.NOT_FOUND),
		METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED), NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
		ILLEGAL_TRANSITION(HttpStatus.CONFLICT), CONCURRENT_CHANGE(HttpStatus.CONFLICT),
		UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE), THROTTLED(HttpStatus.TOO_MANY_REQUESTS),
		INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR);

		final HttpStatus status;

		Kind(HttpStatus status) {
			this.status = status;
		}

		URI type() {
			return URI.create("urn:hotline12345:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-'));
		}

		String key() {
			return "api.problem." + name();
		}

	}

	/** One invalid field of a request: its JSON name (or header/parameter name) and what is wrong, in Chinese. */
	record FieldError(String field, String message) {
	}

	static final MediaType PROBLEM_JSON_UTF8 = new MediaType("application", "problem+json", StandardCharsets.UTF_8);

	private final MessageSource messages;

	private final JsonMapper json;

	ApiProblems(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	/** A problem whose detail is the message {@code key} with {@code args}. */
	ProblemDetail problem(Kind kind, String key, Object... args) {
		return withDetail(kind, text(key, args));
	}

	ProblemDetail withDetail(Kind kind, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status, detail);
		problem.setType(kind.type());
		problem.setTitle(text(kind.key()));
		return problem;
	}

	ProblemDetail validation(List<FieldError> errors) {
		ProblemDetail problem = problem(Kind.VALIDATION, "api.validation.detail", errors.size());
		problem.setProperty("errors", errors);
		return problem;
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LOCALE);
	}

	/** Writes a problem straight to the response, for refusals made before a controller is reached (filters). */
	void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.setStatus(problem.getStatus());
		response.setContentType(PROBLEM_JSON_UTF8.toString());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(this.json.writeValueAsBytes(body));
	}

}
