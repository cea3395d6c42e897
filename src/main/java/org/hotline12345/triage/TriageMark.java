package org.hotline12345.triage;

/**
 * The four marks that make a matter urgent (突发·敏感·集中·重要); a ticket may carry several. UI labels
 * come from {@code triage.mark.<NAME>}.
 */
public enum TriageMark {

	/** 突发: an accident, hazard or outage happening now. */
	SUDDEN,

	/** 敏感: group petitions, media attention, extreme emotion. */
	SENSITIVE,

	/** 集中: many people affected, or many tickets on one matter and place. */
	CLUSTER,

	/** 重要: vulnerable people, hard time limits, important places. */
	IMPORTANT;

	/**
	 * @return the message key of the Chinese label (突发 / 敏感 / 集中 / 重要)
	 */
	public String messageKey() {
		return "triage.mark." + name();
	}

}
