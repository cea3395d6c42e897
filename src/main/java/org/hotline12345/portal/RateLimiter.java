package org.hotline12345.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window counter per key (an address and what it does). In memory: one instance of the portal answers for
 * itself, which is enough to stop a script hammering one node; a farm of nodes shares nothing and says so in the docs.
 */
final class RateLimiter {

	private static final int MAX_KEYS = 100_000;

	private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();

	private final Clock clock;

	RateLimiter(Clock clock) {
		this.clock = clock;
	}

	/** Counts one attempt for {@code key}; false (and nothing counted) when {@code limit} is already used up. */
	boolean tryAcquire(String key, int limit, Duration window) {
		Instant now = this.clock.instant();
		Instant since = now.minus(window);
		if (this.hits.size() > MAX_KEYS) {
			this.hits.entrySet().removeIf((entry) -> {
				synchronized (entry.getValue()) {
					return entry.getValue().isEmpty() || entry.getValue().peekLast().isBefore(since);
				}
			});
		}
		Deque<Instant> times = this.hits.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
				times.pollFirst();
			}
			if (times.size() >= limit) {
				return false;
			}
			times.addLast(now);
			return true;
		}
	}

}
