/**
 * Accounts, roles, login and the security configuration: who may use which screen, and for unit staff, which unit
 * they act for.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "department", "audit", "shared" })
package org.hotline12345.user;
