package org.hotline12345.user;

import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;

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

	DemoAccounts(UserAccountRepository accounts, DepartmentDirectory directory, PasswordEncoder encoder, Clock clock) {
		this.accounts = accounts;
		this.directory = directory;
		this.encoder = encoder;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.accounts.findByUsername("operator").isPresent()) {
			return;
		}
		// One hash for all: the same password, and forty bcrypt rounds would slow every demo start-up.
		String hash = this.encoder.encode(PASSWORD);
		for (Demo demo : CENTRE) {
			this.accounts.save(new UserAccount(demo.username(), demo.displayName(), hash, demo.role(), null,
					this.clock.instant()));
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
