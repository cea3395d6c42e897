/**
 * Open311 GeoReport v2: the standard citizen-request API of 311 systems, mapped onto our categories (services) and
 * ticket states (open/closed). Stateless; creating a request needs an API key issued by the centre.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "portal", "ticket", "department", "audit", "shared" })
package org.hotline12345.open311;
