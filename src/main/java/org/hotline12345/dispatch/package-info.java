/**
 * The centre's side of the closed loop (闭环处置): the urgent, routine and returned queues, the dispatch screen with
 * ranked unit suggestions, the supervisor's rulings (extensions, reopen, close), and the deadline sweep that flags
 * 预警 and 超时 exactly once, whatever the number of app instances.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "department", "user", "shared" })
package org.hotline12345.dispatch;
