package org.hotline12345.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A caller's phone number: a mainland mobile ({@code 1[3-9]} and nine digits) or a landline with its area code
 * ({@code 0513-85123456}, with or without the dash, optional extension). Shown masked to everyone who does not need
 * the full number.
 */
public final class PhoneNumber {

	private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");

	private static final Pattern LANDLINE = Pattern.compile("^0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?$");

	private final String value;

	private PhoneNumber(String value) {
		this.value = value;
	}

	/**
	 * @throws IllegalArgumentException when the text is neither a mobile nor a landline number
	 */
	public static PhoneNumber of(String text) {
		String normalized = normalize(text);
		if (!isValid(normalized)) {
			throw new IllegalArgumentException("Not a phone number");
		}
		return new PhoneNumber(normalized);
	}

	public static boolean isValid(String text) {
		String normalized = normalize(text);
		return normalized != null && (MOBILE.matcher(normalized).matches() || LANDLINE.matcher(normalized).matches());
	}

	/** Drops spaces and a leading +86 so that the same number always looks the same. */
	public static String normalize(String text) {
		if (text == null) {
			return null;
		}
		String compact = text.strip().replace(" ", "");
		if (compact.startsWith("+86")) {
			compact = compact.substring(3);
		}
		return compact;
	}

	public String value() {
		return this.value;
	}

	/** {@code 13812341234} becomes {@code 138****1234}; a landline keeps its area code and last four digits. */
	public String masked() {
		return mask(this.value);
	}

	public static String mask(String number) {
		if (number == null || number.isBlank()) {
			return "";
		}
		if (MOBILE.matcher(number).matches()) {
			return number.substring(0, 3) + "****" + number.substring(7);
		}
		int dash = number.indexOf('-');
		String area = (dash > 0) ? number.substring(0, dash + 1) : number.substring(0, Math.min(4, number.length()));
		String tail = number.length() > 4 ? number.substring(number.length() - 4) : "";
		return area + "****" + tail;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof PhoneNumber phone) && this.value.equals(phone.value);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.value);
	}

	/** Masked, so that a number never reaches a log by accident. */
	@Override
	public String toString() {
		return masked();
	}

}
