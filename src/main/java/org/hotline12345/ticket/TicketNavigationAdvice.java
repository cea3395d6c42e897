package org.hotline12345.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.hotline12345.ticket.TicketQueries.Queue;
import org.hotline12345.ticket.TicketQueries.UnitQueue;
import org.hotline12345.user.HotlineUser;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The counts beside the navigation entries (one indexed aggregate per page view): the operator sees at once that a
 * CRITICAL ticket waits; unit staff see their open and overdue tickets.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class TicketNavigationAdvice {

	/** What the navigation shows; zeros where the role has no such list. */
	record NavCounts(int urgent, int critical, int routine, int returned, int callback, int extensions, int open,
			int overdue) {
	}

	private final TicketQueries queries;

	private final Clock clock;

	private final Duration maxAge;

	private volatile Counted centre;

	private final Map<Long, Counted> units = new ConcurrentHashMap<>();

	/** Counts and when they were taken. */
	private record Counted(NavCounts counts, Instant at) {
	}

	/**
	 * Only full pages show the navigation. The API (a {@code @RestController} is a {@code @Controller} too) and htmx
	 * fragments (queues poll every 10 s, dashboard panels every 30 s) would otherwise pay two aggregates over every
	 * open ticket per call for counts nobody sees (found by the perf module's statement counter).
	 */
	private boolean fresh(Counted counted, Instant now) {
		return counted != null && counted.at().plus(this.maxAge).isAfter(now) && !counted.at().isAfter(now);
	}

	static boolean rendersNavigation(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return false;
		}
		return request.getHeader("HX-Request") == null || request.getHeader("HX-Boosted") != null;
	}

	/**
	 * @param maxAge how long counts are reused ({@code hotline.navigation.counts-max-age}, default 5 s; 0 counts on every
	 * page): the centre's counts are the same for every operator, and with a backlog of tens of thousands of tickets
	 * they cost tens of milliseconds per page (docs/performance.md); the queues themselves poll every 10 s.
	 */
	TicketNavigationAdvice(TicketQueries queries, Clock clock,
			@Value("${hotline.navigation.counts-max-age:5s}") Duration maxAge) {
		this.queries = queries;
		this.clock = clock;
		this.maxAge = maxAge;
	}

	@ModelAttribute("navCounts")
	NavCounts navCounts(@AuthenticationPrincipal HotlineUser user, HttpServletRequest request) {
		if (user == null || !rendersNavigation(request)) {
			return null;
		}
		Instant now = this.clock.instant();
		return switch (user.role()) {
			case OPERATOR, SUPERVISOR -> {
				Counted cached = this.centre;
				if (!fresh(cached, now)) {
					Map<Queue, Integer> counts = this.queries.queueCounts();
					cached = new Counted(new NavCounts(counts.get(Queue.URGENT), this.queries.criticalWaiting(),
							counts.get(Queue.ROUTINE), counts.get(Queue.RETURNED), counts.get(Queue.CALLBACK),
							counts.get(Queue.EXTENSIONS), 0, 0), now);
					this.centre = cached;
				}
				yield cached.counts();
			}
			case UNIT_STAFF -> {
				Counted cached = this.units.get(user.unitId());
				if (!fresh(cached, now)) {
					Map<UnitQueue, Integer> counts = this.queries.unitCounts(user.unitId());
					cached = new Counted(new NavCounts(0, 0, 0, 0, 0, 0,
							counts.get(UnitQueue.NEW) + counts.get(UnitQueue.IN_PROGRESS), counts.get(UnitQueue.OVERDUE)),
							now);
					this.units.put(user.unitId(), cached);
				}
				yield cached.counts();
			}
			default -> null;
		};
	}

}
