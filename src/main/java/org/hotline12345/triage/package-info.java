/**
 * 急慢分治: grades every request 特急 / 紧急 / 一般 with explainable, centre-tunable rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ticket", "department", "shared" })
package org.hotline12345.triage;
