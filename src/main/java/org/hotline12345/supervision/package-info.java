/**
 * Supervision: the live dashboard, the unit assessment (考核), the weekly public report, supervision orders (督办) and
 * reminders (催办), hotspots with proactive tasks (未诉先办), and the demo city generator. Reads tickets with plain SQL
 * over the ticket module's tables and changes them only through {@link org.hotline12345.ticket.TicketWorkflow}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "department", "calendar", "audit", "user", "shared" })
package org.hotline12345.supervision;
