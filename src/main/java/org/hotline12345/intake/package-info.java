/**
 * 受理: the operator's screen. Phone first, the caller's history beside it, the triage preview and knowledge-base
 * suggestions live as the description is typed; out by a direct answer or into the dispatch queues.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "triage", "department", "knowledge", "user", "shared" })
package org.hotline12345.intake;
