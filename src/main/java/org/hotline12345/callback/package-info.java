/**
 * 回访: the operator's callback queue and outcomes (reached? solved? satisfied?), the audited reveal of the citizen's
 * number for the call, reopen (重办) when the citizen is not satisfied, and the centre's review of replies where it
 * is switched on. Every step goes through {@link org.hotline12345.ticket.TicketWorkflow}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ticket", "audit", "user", "shared" })
package org.hotline12345.callback;
