package org.hotline12345.shared.web;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hibernate.exception.JDBCConnectionException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A database outage inside a controller answers the same 503 as {@link DatabaseOutageFilter}, ahead of every other
 * module's handlers (the API's catch-all would otherwise make it a 500). Spring matches these types anywhere in the
 * exception's causes.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageAdvice {

	private final DatabaseOutage outage;

	DatabaseOutageAdvice(DatabaseOutage outage) {
		this.outage = outage;
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			JDBCConnectionException.class, SQLTransientConnectionException.class })
	void unavailable(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.outage.respond(request, response, ex);
	}

}
