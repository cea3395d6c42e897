package org.hotline12345.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRateLimiterTests {

	MovableClock clock = new MovableClock(Instant.parse("2025-02-18T06:00:00Z"));

	@Test
	void aCallerGetsAMinutesAllowanceThenWaits() {
		ApiRateLimiter limiter = new ApiRateLimiter(60, this.clock);
		for (int i = 0; i < 60; i++) {
			assertThat(limiter.tryAcquire("token:1").allowed()).isTrue();
		}
		ApiRateLimiter.Decision refused = limiter.tryAcquire("token:1");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(1);
		assertThat(limiter.tryAcquire("token:2").allowed()).as("another caller has its own allowance").isTrue();
		this.clock.move(Duration.ofSeconds(1));
		assertThat(limiter.tryAcquire("token:1").allowed()).isTrue();
		assertThat(limiter.tryAcquire("token:1").allowed()).isFalse();
		this.clock.move(Duration.ofMinutes(5));
		for (int i = 0; i < 60; i++) {
			assertThat(limiter.tryAcquire("token:1").allowed()).isTrue();
		}
		assertThat(limiter.tryAcquire("token:1").allowed()).as("never more than one minute's allowance").isFalse();
	}

	@Test
	void zeroSwitchesThrottlingOff() {
		ApiRateLimiter limiter = new ApiRateLimiter(0, this.clock);
		for (int i = 0; i < 1000; i++) {
			assertThat(limiter.tryAcquire("token:1").allowed()).isTrue();
		}
	}

	static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void move(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Shanghai");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
