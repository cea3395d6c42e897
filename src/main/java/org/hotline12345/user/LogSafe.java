package org.hotline12345.user;

/**
 * Makes user-typed text safe for logs and the audit trail: no line breaks that forge entries, no control
 * characters, at most 64 characters.
 */
final class LogSafe {

	private LogSafe() {
	}

	static String text(String input) {
		if (input == null) {
			return null;
		}
		StringBuilder escaped = new StringBuilder(Math.min(input.length(), 80));
		for (int i = 0; i < input.length() && escaped.length() < 80; i++) {
			char c = input.charAt(i);
			switch (c) {
				case '\r' -> escaped.append("\\r");
				case '\n' -> escaped.append("\\n");
				case '\t' -> escaped.append("\\t");
				default -> {
					// Other control characters (NUL, which PostgreSQL refuses in text, ESC for terminals) as \\uXXXX.
					if (Character.isISOControl(c)) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		// At most 64 characters in all: the audit trail's actor column is VARCHAR(64) (found by FuzzingTests).
		return (escaped.length() > 64) ? escaped.substring(0, 63) + "…" : escaped.toString();
	}

}
