/**
 * Retention of citizens' personal data (PIPL art. 19, minimisation): callers' names, phone numbers and addresses on
 * tickets closed longer than the configured period are erased; the tickets and their statistics stay.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "shared" })
package org.hotline12345.retention;
