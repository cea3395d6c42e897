package org.hotline12345.user;

/**
 * Makes user-typed text safe for logs and the audit trail: no line breaks that forge entries, bounded length.
 */
final class LogSafe {

	private LogSafe() {
	}

	static String text(String input) {
		if (input == null) {
			return null;
		}
		String escaped = input.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
		return (escaped.length() > 64) ? escaped.substring(0, 64) + "…" : escaped;
	}

}
