package org.hotline12345.shared;

/**
 * Cells for CSV and XLSX exports that a spreadsheet will not run as a formula (OWASP "CSV injection", ASVS 1.2.10):
 * a value starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe. {@link #csv} also
 * quotes the cell for RFC 4180.
 */
public final class SpreadsheetSafe {

	private SpreadsheetSafe() {
	}

	/** The text, defused: {@code =HYPERLINK("x")} becomes {@code '=HYPERLINK("x")}; {@code null} becomes empty. */
	public static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + value;
		}
		return value;
	}

	/** {@link #cell} quoted for a CSV line: always in double quotes, inner quotes doubled. */
	public static String csv(String value) {
		return "\"" + cell(value).replace("\"", "\"\"") + "\"";
	}

}
