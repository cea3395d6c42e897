package org.hotline12345.ticket;

/** The citizen's answer at callback (回访). */
public enum Satisfaction {

	SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

	/** 满意率 counts 满意 and 基本满意. */
	public boolean counts() {
		return this != DISSATISFIED;
	}

}
