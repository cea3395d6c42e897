package org.hotline12345.user;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditEvent.Outcome;
import org.hotline12345.audit.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The first system administrator of a fresh installation, from configuration
 * ({@code hotline.bootstrap.admin-username} / {@code -password}, e.g. from environment variables set once). Created
 * only while no system administrator exists; the password must pass the policy (no {@code admin/admin}) and must
 * be changed at first login, where a second factor is enrolled too. There is no built-in account.
 */
@Component
@Order(1)
class BootstrapAdministrator implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(BootstrapAdministrator.class);

	private final UserAccountRepository accounts;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Clock clock;

	private final String username;

	private final String password;

	BootstrapAdministrator(UserAccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder,
			AuditLog audit, Clock clock, @Value("${hotline.bootstrap.admin-username:}") String username,
			@Value("${hotline.bootstrap.admin-password:}") String password) {
		this.accounts = accounts;
		this.policy = policy;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		createIfNone(this.username, this.password);
	}

	/** @return whether an administrator was created */
	@Transactional
	boolean createIfNone(String username, String password) {
		if (this.accounts.existsByRole(Role.SYS_ADMIN)) {
			return false;
		}
		if (!StringUtils.hasText(username) || !StringUtils.hasText(password)) {
			logger.warn("No system administrator exists: set hotline.bootstrap.admin-username and "
					+ "hotline.bootstrap.admin-password once to create the first one");
			return false;
		}
		if (!username.strip().matches(AccountAdministration.USERNAME_PATTERN)
				|| this.accounts.findByUsername(username.strip()).isPresent()) {
			throw new IllegalStateException("hotline.bootstrap.admin-username is not a valid, unused login id");
		}
		if (!this.policy.problems(password, username).isEmpty()) {
			throw new IllegalStateException("hotline.bootstrap.admin-password does not pass the password policy "
					+ "(at least 8 characters from 3 of 4 classes, not a common password, not the login id)");
		}
		UserAccount admin = UserAccount.withInitialPassword(username.strip(), "系统管理员", this.encoder.encode(password),
				Role.SYS_ADMIN, null, this.clock.instant(), null);
		this.accounts.saveAndFlush(admin);
		this.audit.record(new AuditEvent("ACCOUNT_CREATED", "system", null, "USER", admin.getUsername(),
				Outcome.SUCCESS, "bootstrap administrator"));
		logger.info("Bootstrap system administrator '" + LogSafe.text(admin.getUsername())
				+ "' created; the password must be changed at first login");
		return true;
	}

}
