/**
 * 12345+行政执法监督: complaints about how an administrative enforcement body acted are recognised and a parallel
 * supervision case is opened for the justice bureau (司法局), which records its opinion, issues correction notices and
 * closes the case on its own, apart from the ticket. The enforcing unit never sees the case.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "department", "user", "audit", "shared" })
package org.hotline12345.enforcement;
