package org.hotline12345.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a database outage met anywhere in the chain (loading the session from Spring Session JDBC, the
 * security context, a controller, committing the session) becomes the 503 page of {@link DatabaseOutage}. It runs
 * before the session filter ({@code Integer.MIN_VALUE + 50}), which is the first to touch the database.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	private final DatabaseOutage outage;

	DatabaseOutageFilter(DatabaseOutage outage) {
		this.outage = outage;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseOutage.isOutage(ex)) {
				throw ex;
			}
			this.outage.respond(request, response, ex);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The error page itself may need the session: an outage there gets the same answer.
		return false;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseOutage outage) {
			FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
					new DatabaseOutageFilter(outage));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

	}

}
