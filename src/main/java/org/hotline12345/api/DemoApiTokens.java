package org.hotline12345.api;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.user.HotlineUser;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * One API token per demo account, with a fixed documented value {@code demo-<username>-token}
 * ({@code demo-operator-token}, {@code demo-rsj-token} …). Only in the {@code demo} profile, after the demo accounts
 * exist; production tokens are only ever issued on the admin screen.
 */
@Component
@Profile("demo")
@Order(10)
class DemoApiTokens implements ApplicationRunner {

	static final List<String> CENTRE_ACCOUNTS = List.of("operator", "operator2", "supervisor", "sysadmin", "secadmin",
			"auditor");

	private static final Log logger = LogFactory.getLog(DemoApiTokens.class);

	private final ApiTokens tokens;

	private final UserDetailsService accounts;

	private final DepartmentDirectory directory;

	DemoApiTokens(ApiTokens tokens, UserDetailsService accounts, DepartmentDirectory directory) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.directory = directory;
	}

	static String tokenFor(String username) {
		return "demo-" + username + "-token";
	}

	/** Not one transaction: a missing account's lookup would mark it rollback-only; each token is its own. */
	@Override
	public void run(ApplicationArguments args) {
		List<String> usernames = new ArrayList<>(CENTRE_ACCOUNTS);
		this.directory.units().stream().map(UnitView::code).forEach(usernames::add);
		int seeded = 0;
		for (String username : usernames) {
			try {
				if (this.accounts.loadUserByUsername(username) instanceof HotlineUser account) {
					this.tokens.seed(account, "演示令牌", tokenFor(username));
					seeded++;
				}
			}
			catch (UsernameNotFoundException ex) {
				// The centre unit has no staff account of its own.
			}
		}
		logger.info("Demo API tokens ready for " + seeded + " accounts (demo-<username>-token)");
	}

}
