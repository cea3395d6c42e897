package org.hotline12345.ticket;

import java.time.Instant;

/**
 * A matter to register, however it arrived (operator screen, API, portal, peer city). Validated by the caller's form;
 * {@link TicketWorkflow#register} checks the codes again against the reference data.
 */
public record NewTicket(String callerName, String callerPhone, boolean anonymous, boolean confidential, String address,
		String districtCode, Instant occurredAt, String description, RequestType requestType, String categoryCode,
		Channel channel, ServiceLine serviceLine, boolean vulnerable, String idempotencyKey) {
}
