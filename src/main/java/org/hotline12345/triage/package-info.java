/**
 * 急慢分治: grades every request 特急 / 紧急 / 一般 with explainable, centre-tunable rules, and watches what
 * develops beyond a single ticket (集中 clusters, repeat callers, 慢转急 re-triage).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ticket", "department", "user", "audit", "shared" })
package org.hotline12345.triage;
