/**
 * The member unit's side of the loop (承办): its own queue, and on a ticket accept, return, progress notes with site
 * photos, extension request, reply and, for a district, sub-dispatch to its streets. Every step goes through
 * {@link org.hotline12345.ticket.TicketWorkflow}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "department", "user", "audit", "shared" })
package org.hotline12345.handling;
