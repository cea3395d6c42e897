package org.hotline12345.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves, in the city's time zone. */
class MovableClock extends Clock {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private volatile Instant now = Instant.parse("2021-03-01T01:00:00Z");

	void set(LocalDateTime local) {
		this.now = local.atZone(SHANGHAI).toInstant();
	}

	@Override
	public ZoneId getZone() {
		return SHANGHAI;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(this.now, zone);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
