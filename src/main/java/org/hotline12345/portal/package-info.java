/**
 * The citizen portal (网上诉求): a public, login-free page to submit a request, track it with its number and query code,
 * and rate the outcome, which counts as the callback when the citizen is first. Also the service lines' (专线) own
 * queue filter and online answer rate.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "triage", "department", "user", "audit", "shared" })
package org.hotline12345.portal;
