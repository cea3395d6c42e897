/**
 * 短信/单位提醒: tells a unit that a ticket was dispatched to it and that one of its clocks reached 预警 or 超时, once per
 * event, whatever crashes or retries happen in between. Listens to the ticket's and the deadline sweep's events through
 * the event publication registry; a listener that fails stays an incomplete publication and is sent again later.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ticket", "dispatch", "shared" })
package org.hotline12345.notification;
