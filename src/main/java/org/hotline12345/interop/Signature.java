package org.hotline12345.interop;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over {@code timestamp + "\n" + body} with the secret both platforms share. A request whose timestamp is
 * outside the replay window is refused even with a right signature, so a captured request cannot be played again
 * later (and within the window, the sender's ticket number makes a replay a no-op).
 */
final class Signature {

	static final String PEER = "X-Hotline-Peer";

	static final String TIMESTAMP = "X-Hotline-Timestamp";

	static final String SIGNATURE = "X-Hotline-Signature";

	private Signature() {
	}

	static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + "\n").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean verify(String secret, String timestamp, String body, String signature, Instant now,
			Duration window) {
		if (timestamp == null || signature == null || body == null) {
			return false;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Math.abs(now.getEpochSecond() - seconds) > window.toSeconds()) {
			return false;
		}
		return MessageDigest.isEqual(sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII),
				signature.toLowerCase().getBytes(StandardCharsets.US_ASCII));
	}

}
