package org.hotline12345.ticket;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.hotline12345.ticket.TicketQueries.Queue;
import org.hotline12345.ticket.TicketQueries.UnitQueue;
import org.hotline12345.user.HotlineUser;

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

	/**
	 * Only full pages show the navigation. The API (a {@code @RestController} is a {@code @Controller} too) and htmx
	 * fragments (queues poll every 10 s, dashboard panels every 30 s) would otherwise pay two aggregates over every
	 * open ticket per call for counts nobody sees (found by the perf module's statement counter).
	 */
	static boolean rendersNavigation(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return false;
		}
		return request.getHeader("HX-Request") == null || request.getHeader("HX-Boosted") != null;
	}

	TicketNavigationAdvice(TicketQueries queries) {
		this.queries = queries;
	}

	@ModelAttribute("navCounts")
	NavCounts navCounts(@AuthenticationPrincipal HotlineUser user, HttpServletRequest request) {
		if (user == null || !rendersNavigation(request)) {
			return null;
		}
		return switch (user.role()) {
			case OPERATOR, SUPERVISOR -> {
				Map<Queue, Integer> counts = this.queries.queueCounts();
				yield new NavCounts(counts.get(Queue.URGENT), this.queries.criticalWaiting(), counts.get(Queue.ROUTINE),
						counts.get(Queue.RETURNED), counts.get(Queue.CALLBACK), counts.get(Queue.EXTENSIONS), 0, 0);
			}
			case UNIT_STAFF -> {
				Map<UnitQueue, Integer> counts = this.queries.unitCounts(user.unitId());
				yield new NavCounts(0, 0, 0, 0, 0, 0,
						counts.get(UnitQueue.NEW) + counts.get(UnitQueue.IN_PROGRESS), counts.get(UnitQueue.OVERDUE));
			}
			default -> null;
		};
	}

}
