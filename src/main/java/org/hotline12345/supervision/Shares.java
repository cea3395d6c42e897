package org.hotline12345.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Shares and rates the way the city prints them: a percentage with at most two decimals, trailing zeros dropped
 * (22.40% → "22.4%", 12.00% → "12%"), rounded half up.
 */
final class Shares {

	/** What a rate without a denominator shows. */
	static final String NONE = "—";

	private Shares() {
	}

	static String percent(long count, long total) {
		BigDecimal value = value(count, total);
		return (value != null) ? plain(value) + "%" : NONE;
	}

	/** The percentage as a number (two decimals), or {@code null} without a denominator. */
	static BigDecimal value(long count, long total) {
		if (total <= 0) {
			return null;
		}
		return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(total), 2,
				RoundingMode.HALF_UP);
	}

	/** Change from {@code before} to {@code now} in percent ("+12.5%", "-3%"), or {@code null} when before was 0. */
	static String change(long now, long before) {
		if (before <= 0) {
			return null;
		}
		BigDecimal value = value(now - before, before);
		return ((value.signum() > 0) ? "+" : "") + plain(value) + "%";
	}

	static String plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
	}

}
