package org.hotline12345.user;

import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.shared.PersonalDataProtection;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's accounts, all with the password {@code Demo@12345}: one per centre role and one staff account per
 * member unit, named after the unit's code. Only in the {@code demo} profile; production has no shared accounts.
 */
@Component
@Profile("demo")
@Order(0)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "Demo@12345";

	/**
	 * The demo's second-factor secret for sysadmin, secadmin and auditor (Base32, RFC 4648's classic example):
	 * {@code oathtool --totp -b JBSWY3DPEHPK3PXP} or any authenticator app computes the codes. The /mfa page of
	 * the demo shows it too. Production accounts enrol their own secret at first login.
	 */
	static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";

	private static final Log logger = LogFactory.getLog(DemoAccounts.class);

	private record Demo(String username, String displayName, Role role) {
	}

	private static final List<Demo> CENTRE = List.of(new Demo("operator", "张敏", Role.OPERATOR),
			new Demo("operator2", "李娜", Role.OPERATOR), new Demo("supervisor", "王强", Role.SUPERVISOR),
			new Demo("sysadmin", "系统管理员", Role.SYS_ADMIN), new Demo("secadmin", "安全管理员", Role.SEC_ADMIN),
			new Demo("auditor", "审计员", Role.AUDITOR));

	private final UserAccountRepository accounts;

	private final DepartmentDirectory directory;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final PersonalDataProtection protection;

	private final SecuritySettings settings;

	DemoAccounts(UserAccountRepository accounts, DepartmentDirectory directory, PasswordEncoder encoder, Clock clock,
			PersonalDataProtection protection, SecuritySettings settings) {
		this.accounts = accounts;
		this.directory = directory;
		this.encoder = encoder;
		this.clock = clock;
		this.protection = protection;
		this.settings = settings;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.accounts.findByUsername("operator").isPresent()) {
			// A demo database kept for months: its shared accounts should not all demand a new password.
			this.accounts.keepPasswordsFresh(this.clock.instant(),
					this.clock.instant().minus(this.settings.passwordMaxAge().dividedBy(2)));
			return;
		}
		// One hash for all: the same password, and forty bcrypt rounds would slow every demo start-up.
		String hash = this.encoder.encode(PASSWORD);
		for (Demo demo : CENTRE) {
			UserAccount account = new UserAccount(demo.username(), demo.displayName(), hash, demo.role(), null,
					this.clock.instant());
			if (this.settings.needsSecondFactor(demo.role())) {
				account.enrolSecondFactor(this.protection.encrypt(TOTP_SECRET), 0);
			}
			this.accounts.save(account);
		}
		for (UnitView unit : this.directory.units()) {
			if (!"center".equals(unit.code())) {
				this.accounts.save(new UserAccount(unit.code(), unit.name() + "承办员", hash, Role.UNIT_STAFF, unit.id(),
						this.clock.instant()));
			}
		}
		logger.info("Demo accounts created (password " + PASSWORD + ")");
	}

}
