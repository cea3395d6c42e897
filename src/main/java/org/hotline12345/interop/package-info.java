/**
 * 跨平台联动: other cities' 12345 platforms (peers, set up by the system administrator), handing a ticket over to a peer
 * (signed, idempotent, retried until delivered through the event publication registry), receiving one as a linked
 * ticket, and pushing every status change of a linked ticket back to where it came from.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "portal", "ticket", "department", "user", "audit", "shared" })
package org.hotline12345.interop;
