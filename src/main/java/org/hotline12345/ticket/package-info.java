/**
 * The ticket: one citizen matter from registration to close. {@link org.hotline12345.ticket.TicketWorkflow} is the only
 * way to change a ticket; {@link org.hotline12345.ticket.TicketStatus} holds every allowed transition.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "department", "calendar", "audit", "user", "shared" })
package org.hotline12345.ticket;
