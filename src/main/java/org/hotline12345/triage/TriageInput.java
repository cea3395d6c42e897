package org.hotline12345.triage;

/**
 * What triage looks at: the citizen's words and the few facts the operator recorded. Request type and
 * category are plain strings so that triage does not depend on the ticket module.
 *
 * @param text the description in the citizen's words (may be empty, never {@code null})
 * @param requestType CONSULTATION, HELP, COMPLAINT, REPORT, SUGGESTION, PRAISE or OTHER; {@code null} if unknown
 * @param categoryCode the category code, {@code null} or blank if not yet chosen
 * @param districtCode the district code, {@code null} if unknown (not used for grading yet)
 * @param vulnerable whether the operator ticked "vulnerable person involved"
 */
public record TriageInput(String text, String requestType, String categoryCode, String districtCode,
		boolean vulnerable) {

	public TriageInput {
		text = (text != null) ? text : "";
		requestType = blankToNull(requestType);
		categoryCode = blankToNull(categoryCode);
		districtCode = blankToNull(districtCode);
	}

	/**
	 * @return an input with only a text, as the "try it" box sends
	 */
	public static TriageInput of(String text) {
		return new TriageInput(text, null, null, null, false);
	}

	/**
	 * @return an input with a text and a request type
	 */
	public static TriageInput of(String text, String requestType) {
		return new TriageInput(text, requestType, null, null, false);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
