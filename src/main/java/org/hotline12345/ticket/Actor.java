package org.hotline12345.ticket;

import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;

/**
 * Who takes a step: a person (with their role and unit) or the system itself (the deadline sweep, re-triage).
 */
public record Actor(String username, Role role, Long unitId) {

	public static final Actor SYSTEM = new Actor("system", null, null);

	public static Actor of(HotlineUser user) {
		return new Actor(user.getUsername(), user.role(), user.unitId());
	}

	boolean is(Role role) {
		return this.role == role;
	}

}
