package org.hotline12345.user;

/**
 * The roles of the centre, one per account. Separation of duties (三权分立): the system administrator, the security
 * administrator and the auditor each hold only their own powers.
 */
public enum Role {

	/** 话务员: takes calls, registers and dispatches tickets, calls citizens back. */
	OPERATOR("/intake"),

	/** 承办人员: staff of exactly one member unit; handles that unit's tickets only. */
	UNIT_STAFF("/unit/tickets"),

	/** 值班长 / 督办: decides extensions and returns, supervises, reads dashboards and reports. */
	SUPERVISOR("/supervision"),

	/** 系统管理员: accounts and reference data; no access to citizens' data or the audit trail. */
	SYS_ADMIN("/admin/users"),

	/** 安全管理员: roles, unlocks and security policy. */
	SEC_ADMIN("/security/accounts"),

	/** 审计员: reads and exports the audit trail, nothing else. */
	AUDITOR("/audit");

	private final String home;

	Role(String home) {
		this.home = home;
	}

	/** The page this role lands on after login. */
	public String home() {
		return this.home;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
