package org.hotline12345.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller (one per API token, one per Basic account): a burst of up to a minute's allowance, then
 * refilled evenly over the minute. Kept in memory: with several instances each allows its own share, which is what a
 * "simple per-token limit" needs; a shared limit belongs in the gateway.
 */
class ApiRateLimiter {

	/** The answer to one request: allowed, or refused with the seconds to wait. */
	record Decision(boolean allowed, long retryAfterSeconds) {
	}

	private final int perMinute;

	private final Clock clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	ApiRateLimiter(int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	Decision tryAcquire(String caller) {
		if (this.perMinute <= 0) {
			return new Decision(true, 0);
		}
		Bucket bucket = this.buckets.computeIfAbsent(caller, (key) -> new Bucket(this.perMinute, now()));
		return bucket.take(this.perMinute, now());
	}

	private long now() {
		return this.clock.millis();
	}

	private static final class Bucket {

		private static final long MINUTE = Duration.ofMinutes(1).toMillis();

		private double tokens;

		private long refilledAt;

		Bucket(int capacity, long now) {
			this.tokens = capacity;
			this.refilledAt = now;
		}

		synchronized Decision take(int capacity, long now) {
			if (now > this.refilledAt) {
				this.tokens = Math.min(capacity, this.tokens + (now - this.refilledAt) * (double) capacity / MINUTE);
				this.refilledAt = now;
			}
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return new Decision(true, 0);
			}
			double missing = 1 - this.tokens;
			long waitMillis = (long) Math.ceil(missing * MINUTE / capacity);
			return new Decision(false, Math.max(1, (waitMillis + 999) / 1000));
		}

	}

}
