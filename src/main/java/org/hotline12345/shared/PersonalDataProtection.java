package org.hotline12345.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts citizens' phone numbers at rest (AES-256-GCM) and computes a blind index (HMAC-SHA-256) so that a number
 * can still be searched for without decrypting every row. Keys come from configuration
 * ({@code hotline.pii.encryption-key}, {@code hotline.pii.index-key}, Base64 of 32 bytes); where a national
 * algorithm is required (SM4/SM3), the same two operations are swapped here and nowhere else.
 */
@Component
public class PersonalDataProtection {

	private static final int IV_BYTES = 12;

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec indexKey;

	private final SecureRandom random = new SecureRandom();

	PersonalDataProtection(Keys keys) {
		this.encryptionKey = new SecretKeySpec(decode(keys.encryptionKey(), "hotline.pii.encryption-key"), "AES");
		this.indexKey = new SecretKeySpec(decode(keys.indexKey(), "hotline.pii.index-key"), "HmacSHA256");
	}

	/** The keys, required: the demo profile ships throwaway ones, production must set its own. */
	@ConfigurationProperties("hotline.pii")
	record Keys(String encryptionKey, String indexKey) {
	}

	public ProtectedPhone protect(String phone) {
		String normalized = PhoneNumber.normalize(phone);
		return new ProtectedPhone(encrypt(normalized), blindIndex(normalized), PhoneNumber.mask(normalized));
	}

	public String blindIndex(String phone) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.indexKey);
			return HexFormat.of().formatHex(mac.doFinal(PhoneNumber.normalize(phone).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String encrypt(String plain) {
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKey, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String decrypt(String encrypted) {
		if (encrypted == null) {
			return null;
		}
		try {
			byte[] all = Base64.getDecoder().decode(encrypted);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.encryptionKey, new GCMParameterSpec(128, all, 0, IV_BYTES));
			return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Personal data could not be decrypted (wrong key?)", ex);
		}
	}

	private static byte[] decode(String base64, String property) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalStateException(property + " is not set: generate one with 'openssl rand -base64 32'");
		}
		byte[] key = Base64.getDecoder().decode(base64.strip());
		if (key.length != 32) {
			throw new IllegalStateException(property + " must be 32 bytes (Base64)");
		}
		return key;
	}

}
