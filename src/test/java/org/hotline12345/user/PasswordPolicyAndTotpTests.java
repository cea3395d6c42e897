package org.hotline12345.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyAndTotpTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void complexityBlocklistAndUsername() {
		assertThat(this.policy.problems("abc12345", "zhang")).contains("password.error.classes");
		assertThat(this.policy.problems("Password123!", "zhang")).containsExactly("password.error.common");
		assertThat(this.policy.problems("Hx#9kq2!Lm", "zhang")).isEmpty();
		assertThat(this.policy.problems("Ab1!", "zhang")).contains("password.error.short");
		assertThat(this.policy.problems("Zhang#2025x", "zhang")).containsExactly("password.error.username");
		assertThat(this.policy.problems("", "zhang")).containsExactly("password.error.empty");
		assertThat(this.policy.isCommon("P@ssw0rd")).isTrue();
	}

	@Test
	void theBlocklistHasThousandsOfEntries() throws Exception {
		try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
				getClass().getResourceAsStream("/user/common-passwords.txt"), StandardCharsets.UTF_8)).lines()) {
			assertThat(lines.filter((l) -> !l.startsWith("#")).count()).isGreaterThan(2000);
		}
	}

	/** RFC 6238 appendix B, SHA1, 8 digits, secret "12345678901234567890". */
	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void rfc6238TestVectors(long seconds, String expected) {
		byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
		assertThat(Totp.code(key, Totp.step(Instant.ofEpochSecond(seconds)), 8, "HmacSHA1")).isEqualTo(expected);
	}

	@Test
	void theDocumentedDemoSecretDecodes() {
		assertThat(new String(Totp.unbase32(DemoAccounts.TOTP_SECRET), StandardCharsets.ISO_8859_1)).startsWith("Hello!");
	}

	@Test
	void base32RoundTripAndDriftWindow() {
		assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		String secret = Totp.newSecret();
		assertThat(Totp.unbase32(secret)).hasSize(20);
		Instant now = Instant.ofEpochSecond(1_700_000_000L);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).isEqualTo(step - 1);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now)).isEqualTo(-1);
		assertThat(Totp.matchingStep(secret, "12a456", now)).isEqualTo(-1);
	}

}
