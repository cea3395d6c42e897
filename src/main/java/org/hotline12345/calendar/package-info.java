/**
 * The working-day calendar (public holidays and 调休 make-up working days, kept by the admin) and the
 * deadline arithmetic on it: working days, working hours and plain clock hours.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "shared" })
package org.hotline12345.calendar;
