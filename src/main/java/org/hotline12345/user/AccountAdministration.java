package org.hotline12345.user;

import java.time.Clock;
import java.util.List;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditEvent.Outcome;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to accounts. Every change is audited in the same transaction.
 */
@Service
class AccountAdministration {

	record AccountRow(long id, String username, String displayName, Role role, String unitName, boolean enabled,
			boolean locked, int failedAttempts, java.time.Instant lastLoginAt) {
	}

	private final UserAccountRepository accounts;

	private final DepartmentDirectory directory;

	private final AuditLog audit;

	private final Clock clock;

	AccountAdministration(UserAccountRepository accounts, DepartmentDirectory directory, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<AccountRow> accounts() {
		return this.accounts.findAllByOrderByRoleAscUsernameAsc().stream().map(this::row).toList();
	}

	@Transactional
	void unlock(long id, HotlineUser by, String address) {
		UserAccount account = this.accounts.findById(id).orElseThrow();
		account.unlock();
		this.audit.record(new AuditEvent("ACCOUNT_UNLOCKED", by.getUsername(), address, "USER", account.getUsername(),
				Outcome.SUCCESS, null));
	}

	@Transactional
	void setEnabled(long id, boolean enabled, HotlineUser by, String address) {
		UserAccount account = this.accounts.findById(id).orElseThrow();
		account.setEnabled(enabled);
		this.audit.record(new AuditEvent(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", by.getUsername(), address,
				"USER", account.getUsername(), Outcome.SUCCESS, null));
	}

	private AccountRow row(UserAccount account) {
		UnitView unit = (account.getUnitId() != null) ? this.directory.unit(account.getUnitId()) : null;
		return new AccountRow(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
				(unit != null) ? unit.name() : null, account.isEnabled(), account.isLockedAt(this.clock.instant()),
				account.getFailedAttempts(), account.getLastLoginAt());
	}

}
