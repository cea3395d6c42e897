package org.hotline12345.shared.web;

import java.io.IOException;
import java.sql.SQLException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The safety net behind every module's validation: input that reached the database and was refused there answers a
 * 400 (SQLSTATE class 22, data exception: a NUL byte in text, a value too long for its column) or a 409 (class 23,
 * a constraint: a duplicate or a reference that changed meanwhile), never a 500. Nothing was written: the
 * transaction rolled back. Found by {@code FuzzingTests} (NUL bytes in forms and API bodies).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class InvalidDataAdvice {

	private static final Log logger = LogFactory.getLog(InvalidDataAdvice.class);

	private final DatabaseOutage answers;

	InvalidDataAdvice(DatabaseOutage answers) {
		this.answers = answers;
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	void refused(DataIntegrityViolationException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String state = sqlState(ex);
		int status = (state != null && state.startsWith("22")) ? 400 : 409;
		logger.warn("Refused by the database (SQLSTATE " + state + ") at " + request.getMethod() + " "
				+ request.getRequestURI() + ", answered " + status, (status == 409) ? ex : null);
		this.answers.refuse(request, response, status);
	}

	private static String sqlState(Throwable error) {
		for (Throwable t = error; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}
