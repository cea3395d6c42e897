/**
 * The integration API under {@code /api/v1} for channels (WeChat, app, CTI), the units' own case systems and scripts:
 * stateless Bearer-token or Basic authentication acting exactly as an account, problem+json errors, and the ticket
 * loop through the same {@link org.hotline12345.ticket.TicketWorkflow} the screens use.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "triage", "department", "user", "audit", "shared" })
package org.hotline12345.api;
