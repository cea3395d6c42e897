package org.hotline12345.ticket;

/** 诉求类型. */
public enum RequestType {

	CONSULTATION, HELP, COMPLAINT, REPORT, SUGGESTION, PRAISE, OTHER;

	/** Complaints, reports and suggestions get the longer routine reply window. */
	public boolean needsInvestigation() {
		return this == COMPLAINT || this == REPORT || this == SUGGESTION;
	}

}
