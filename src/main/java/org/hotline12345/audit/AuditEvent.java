package org.hotline12345.audit;

/**
 * One thing worth a record in the audit trail. {@code objectType}/{@code objectId} name what it was done to (a ticket
 * number, a username); {@code detail} never carries a citizen's personal data.
 */
public record AuditEvent(String type, String actor, String sourceAddress, String objectType, String objectId,
		Outcome outcome, String detail) {

	/** Whether the action happened, or was refused. */
	public enum Outcome {

		SUCCESS, FAILURE, DENIED

	}

	public static AuditEvent success(String type, String actor, String sourceAddress, String objectType,
			String objectId, String detail) {
		return new AuditEvent(type, actor, sourceAddress, objectType, objectId, Outcome.SUCCESS, detail);
	}

}
