package org.hotline12345.user;

import java.time.Clock;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for Spring Security, resolving a staff member's unit so that every request knows it.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final DepartmentDirectory directory;

	private final Clock clock;

	AccountUserDetailsService(UserAccountRepository accounts, DepartmentDirectory directory, Clock clock) {
		this.accounts = accounts;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		// No account has such a name (app_user.username is VARCHAR(64); PostgreSQL refuses NUL in text): answer as
		// for any unknown name instead of letting the query fail into a 500 (found by FuzzingTests).
		if (!mayExist(username)) {
			throw new UsernameNotFoundException("No such account");
		}
		UserAccount account = this.accounts.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return toUser(account);
	}

	/** Whether an account could have this name at all: worth asking the database (which refuses NUL in text). */
	static boolean mayExist(String username) {
		return username != null && username.length() <= 64 && username.indexOf('\u0000') < 0;
	}

	HotlineUser toUser(UserAccount account) {
		UnitView unit = (account.getUnitId() != null) ? this.directory.unit(account.getUnitId()) : null;
		return new HotlineUser(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
				account.getUnitId(), (unit != null) ? unit.code() : null, (unit != null) ? unit.name() : null,
				account.getPasswordHash(), account.isEnabled(), account.isLockedAt(this.clock.instant()),
				account.isMustChangePassword(), account.isInitialPasswordExpired(this.clock.instant()));
	}

}
