package org.hotline12345.user;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditEvent.Outcome;
import org.hotline12345.audit.AuditLog;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles password guessing spread over many login ids from one address (ASVS 6.3.1): once an address has
 * {@code addressFailureLimit} failed logins within {@code addressFailureWindow}, further login attempts from it get
 * 429 until the window slides past. The per-account lockout catches guessing at one account; this catches spraying.
 * <p>
 * The window lives in this instance's memory: with N instances behind a balancer an address gets up to N times the
 * limit (docs/security.md). Behind a reverse proxy the proxy must pass the client address
 * ({@code server.forward-headers-strategy=native} with a trusted proxy), or every user shares the proxy's address.
 */
@Component
class LoginThrottle {

	private static final Log logger = LogFactory.getLog(LoginThrottle.class);

	private static final int MAX_TRACKED_ADDRESSES = 100_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final SecuritySettings settings;

	private final AuditLog audit;

	private final Clock clock;

	LoginThrottle(SecuritySettings settings, AuditLog audit, Clock clock) {
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	void recordFailure(String address) {
		if (address == null) {
			return;
		}
		if (this.failures.size() > MAX_TRACKED_ADDRESSES) {
			prune();
		}
		Deque<Instant> times = this.failures.computeIfAbsent(address, (key) -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(this.clock.instant());
			trim(times);
		}
	}

	boolean isThrottled(String address) {
		Deque<Instant> times = this.failures.get(address);
		if (times == null) {
			return false;
		}
		synchronized (times) {
			trim(times);
			return times.size() >= this.settings.addressFailureLimit();
		}
	}

	private void trim(Deque<Instant> times) {
		Instant from = this.clock.instant().minus(this.settings.addressFailureWindow());
		while (!times.isEmpty() && times.peekFirst().isBefore(from)) {
			times.removeFirst();
		}
		while (times.size() > this.settings.addressFailureLimit() * 2) {
			times.removeFirst();
		}
	}

	private void prune() {
		this.failures.entrySet().removeIf((entry) -> {
			synchronized (entry.getValue()) {
				trim(entry.getValue());
				return entry.getValue().isEmpty();
			}
		});
	}

	/** The filter in front of the login form's POST. */
	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())
						&& isThrottled(request.getRemoteAddr())) {
					String username = LogSafe.text(request.getParameter("username"));
					logger.warn("Login throttled for address " + LogSafe.text(request.getRemoteAddr()));
					LoginThrottle.this.audit.recordSeparately(new AuditEvent("LOGIN_THROTTLED", username,
							request.getRemoteAddr(), "USER", username, Outcome.DENIED, null));
					response.sendError(429);
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

}
