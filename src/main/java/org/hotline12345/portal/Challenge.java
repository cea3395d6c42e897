package org.hotline12345.portal;

import java.io.Serializable;
import java.security.SecureRandom;

/**
 * A small arithmetic question in Chinese words (七加五等于几？), rendered by the server and answered in digits. It needs
 * no internet and no script; the answer stays in the visitor's session and is good for one try.
 */
record Challenge(String question, int answer) implements Serializable {

	static final String SESSION_KEY = Challenge.class.getName();

	private static final String[] DIGITS = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

	private static final SecureRandom RANDOM = new SecureRandom();

	static Challenge next() {
		int a = 1 + RANDOM.nextInt(10);
		int b = 1 + RANDOM.nextInt(10);
		if (RANDOM.nextBoolean() && a != b) {
			int high = Math.max(a, b);
			int low = Math.min(a, b);
			return new Challenge(DIGITS[high] + "减" + DIGITS[low] + "等于几？", high - low);
		}
		return new Challenge(DIGITS[a] + "加" + DIGITS[b] + "等于几？", a + b);
	}

	boolean accepts(String given) {
		if (given == null) {
			return false;
		}
		try {
			return Integer.parseInt(given.strip()) == this.answer;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
