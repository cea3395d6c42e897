package org.hotline12345.interop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature with its replay window, and the resend backoff, as tables of cases. */
class InteropRulesTests {

	static final Duration WINDOW = Duration.ofMinutes(5);

	@Test
	void aSignatureHoldsOnlyForTheSameSecretBodyAndTimestampWithinTheWindow() {
		Instant now = Instant.parse("2025-02-18T06:00:00Z");
		long ts = now.getEpochSecond();
		String body = "{\"originTicketNo\":\"YC1\"}";
		String signature = Signature.sign("secret-secret-secret", ts, body);
		assertThat(Signature.verify("secret-secret-secret", String.valueOf(ts), body, signature, now, WINDOW)).isTrue();
		assertThat(Signature.verify("secret-secret-secret", String.valueOf(ts), body, signature.toUpperCase(), now,
				WINDOW))
			.isTrue();
		assertThat(Signature.verify("other-secret-other", String.valueOf(ts), body, signature, now, WINDOW)).isFalse();
		assertThat(Signature.verify("secret-secret-secret", String.valueOf(ts + 1), body, signature, now, WINDOW))
			.isFalse();
		assertThat(Signature.verify("secret-secret-secret", String.valueOf(ts), body + " ", signature, now, WINDOW))
			.isFalse();
		assertThat(Signature.verify("secret-secret-secret", String.valueOf(ts), body, signature,
				now.plus(WINDOW).plusSeconds(1), WINDOW))
			.isFalse();
		assertThat(Signature.verify("secret-secret-secret", String.valueOf(ts), body, signature,
				now.minus(WINDOW).minusSeconds(1), WINDOW))
			.isFalse();
		assertThat(Signature.verify("secret-secret-secret", "yesterday", body, signature, now, WINDOW)).isFalse();
		assertThat(Signature.verify("secret-secret-secret", null, body, signature, now, WINDOW)).isFalse();
	}

	@Test
	void theWaitDoublesAfterEachFailureUpToTheCap() {
		InteropSettings settings = new InteropSettings("nantong", "南通12345", WINDOW, Duration.ofSeconds(30),
				Duration.ofSeconds(15), Duration.ofMinutes(2), Duration.ofSeconds(10));
		Resubmission resubmission = new Resubmission(null, settings, Clock.systemUTC());
		assertThat(resubmission.backoff(0)).isEqualTo(Duration.ofSeconds(15));
		assertThat(resubmission.backoff(1)).isEqualTo(Duration.ofSeconds(15));
		assertThat(resubmission.backoff(2)).isEqualTo(Duration.ofSeconds(30));
		assertThat(resubmission.backoff(3)).isEqualTo(Duration.ofSeconds(60));
		assertThat(resubmission.backoff(4)).isEqualTo(Duration.ofMinutes(2));
		assertThat(resubmission.backoff(40)).isEqualTo(Duration.ofMinutes(2));
	}

}
