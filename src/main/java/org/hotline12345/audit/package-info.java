/**
 * The append-only audit trail: who did what, when, from where, to which object, with what outcome. Records are
 * hash-chained so that an edit behind the application's back is detected.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package org.hotline12345.audit;
