package org.hotline12345.user;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and session policy ({@code hotline.security.*}). The defaults are those of 等保 2.0 level 3 and ASVS L2;
 * docs/security.md says where each comes from.
 *
 * @param maxFailedLogins failures in a row that lock an account
 * @param lockDuration how long a locked account stays locked
 * @param passwordMaxAge a password older than this must be changed before anything else (等保: periodic change)
 * @param initialPasswordLifetime an initial password given by an administrator is refused after this, unused
 * @param passwordHistory a new password may not be one of this many most recent ones (the current one included)
 * @param sessionAbsoluteLifetime a session ends this long after login, however active
 * @param maxSessionsPerUser live sessions per account; a new login ends the oldest ({@code -1}: no limit)
 * @param addressFailureLimit failed logins from one address within {@code addressFailureWindow} before 429
 * @param addressFailureWindow the sliding window of the per-address throttle
 * @param secureCookies served over TLS (directly or behind a TLS proxy): cookies get {@code Secure} and the
 * session cookie the {@code __Host-} prefix
 * @param secondFactorRoles roles that must pass a one-time code (TOTP) after the password
 */
@ConfigurationProperties("hotline.security")
record SecuritySettings(@DefaultValue("5") int maxFailedLogins, @DefaultValue("30m") Duration lockDuration,
		@DefaultValue("90d") Duration passwordMaxAge, @DefaultValue("72h") Duration initialPasswordLifetime,
		@DefaultValue("5") int passwordHistory, @DefaultValue("10h") Duration sessionAbsoluteLifetime,
		@DefaultValue("1") int maxSessionsPerUser, @DefaultValue("30") int addressFailureLimit,
		@DefaultValue("1m") Duration addressFailureWindow, @DefaultValue("false") boolean secureCookies,
		@DefaultValue({ "SYS_ADMIN", "SEC_ADMIN", "AUDITOR" }) Set<Role> secondFactorRoles) {

	boolean needsSecondFactor(Role role) {
		return this.secondFactorRoles.contains(role);
	}

}
