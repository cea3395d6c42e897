package org.hotline12345.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.exception.JDBCConnectionException;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What a user sees while PostgreSQL is unreachable: a calm 503 page ("系统暂时不可用 … 已提交的数据不会丢失") with an
 * error id and {@code Retry-After}, or a problem+json 503 under {@code /api/}, instead of a 500 with a stack trace
 * in the log for every click. The page is rendered on its own (no layout, no navigation, no session), because the
 * session, the navigation counts and the security context all live in the database that is gone.
 * <p>
 * Failing fast is HikariCP's part ({@code spring.datasource.hikari.connection-timeout=5000}); recovery needs no restart
 * because the pool opens new connections as soon as the database answers again.
 */
@Component
class DatabaseOutage {

	private static final Log logger = LogFactory.getLog(DatabaseOutage.class);

	static final int RETRY_AFTER_SECONDS = 30;

	private final SpringTemplateEngine templates;

	private final MessageSource messages;

	private final LocaleResolver locales;

	DatabaseOutage(SpringTemplateEngine templates, MessageSource messages, LocaleResolver locales) {
		this.templates = templates;
		this.messages = messages;
		this.locales = locales;
	}

	/** A failure to reach the database, as opposed to a bad statement or a constraint: somewhere in the causes. */
	static boolean isOutage(Throwable error) {
		for (Throwable t = error; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
					|| t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
				return true;
			}
			// SQLSTATE class 08: connection exception (the driver lost or could not open the connection).
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			// The rollback after a lost connection fails on the connection HikariCP has already evicted, and that
			// error replaces the first one (Spring's "application exception overridden by rollback exception").
			if (t instanceof SQLException && t.getStackTrace().length > 0
					&& t.getStackTrace()[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection")) {
				return true;
			}
		}
		return false;
	}

	/** Answers 503, unless the response is already on its way (then nothing more can be said). */
	void respond(HttpServletRequest request, HttpServletResponse response, Throwable error) throws IOException {
		String errorId = UUID.randomUUID().toString().substring(0, 8);
		// One line, no stack trace: during an outage every request fails the same way.
		logger.warn("Database unavailable, error " + errorId + " (503) at " + request.getMethod() + " "
				+ request.getRequestURI() + ": " + rootMessage(error));
		if (response.isCommitted()) {
			return;
		}
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
		response.setHeader("Cache-Control", "no-store");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Locale locale = locale(request);
		if (isApi(request)) {
			writeProblem(response, 503, locale, errorId);
			return;
		}
		response.setContentType("text/html;charset=UTF-8");
		WebContext context = new WebContext(
				JakartaServletWebApplication.buildApplication(request.getServletContext()).buildExchange(request,
						response),
				locale, Map.of("errorId", errorId));
		this.templates.process("shared/unavailable", context, response.getWriter());
	}

	/**
	 * Refuses input the database could not store (SQLSTATE class 22: NUL in text, a value too long for its column):
	 * nothing was written, the transaction rolled back. The API answers problem+json, pages the usual error page.
	 */
	void refuse(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		if (isApi(request)) {
			response.reset();
			response.setStatus(status);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			writeProblem(response, status, locale(request), UUID.randomUUID().toString().substring(0, 8));
			return;
		}
		response.sendError(status);
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private void writeProblem(HttpServletResponse response, int status, Locale locale, String errorId)
			throws IOException {
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":"
				+ json(this.messages.getMessage("error." + status + ".title", null, locale)) + ",\"detail\":"
				+ json(this.messages.getMessage("error." + status + ".text", null, locale)) + ",\"errorId\":\""
				+ errorId + "\"}");
	}

	private Locale locale(HttpServletRequest request) {
		try {
			return this.locales.resolveLocale(request);
		}
		catch (RuntimeException ex) {
			return Locale.SIMPLIFIED_CHINESE;
		}
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
