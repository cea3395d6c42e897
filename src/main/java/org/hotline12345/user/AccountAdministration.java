package org.hotline12345.user;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditEvent.Outcome;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to accounts. Every change is audited in the same transaction.
 */
@Service
class AccountAdministration {

	record AccountRow(long id, String username, String displayName, Role role, String unitName, boolean enabled,
			boolean locked, int failedAttempts, java.time.Instant lastLoginAt, boolean secondFactor) {
	}

	/** A new account as the system administrator fills it in. */
	record NewAccount(String username, String displayName, Role role, Long unitId) {
	}

	/** The outcome of {@link #create}: problems by field, or the initial password to hand over (shown once). */
	record Created(Map<String, String> problems, String initialPassword) {
	}

	static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{2,31}";

	private final UserAccountRepository accounts;

	private final DepartmentDirectory directory;

	private final AuditLog audit;

	private final Credentials credentials;

	private final PasswordEncoder encoder;

	private final SecuritySettings settings;

	private final Clock clock;

	AccountAdministration(UserAccountRepository accounts, DepartmentDirectory directory, AuditLog audit,
			Credentials credentials, PasswordEncoder encoder, SecuritySettings settings, Clock clock) {
		this.accounts = accounts;
		this.directory = directory;
		this.audit = audit;
		this.credentials = credentials;
		this.encoder = encoder;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<AccountRow> accounts() {
		return this.accounts.findAllByOrderByRoleAscUsernameAsc().stream().map(this::row).toList();
	}

	/**
	 * Creates an account with a random initial password that must be changed at first login and is refused once
	 * {@code initialPasswordLifetime} has passed unused.
	 */
	@Transactional
	Created create(NewAccount form, HotlineUser by, String address) {
		Map<String, String> problems = new LinkedHashMap<>();
		String username = (form.username() != null) ? form.username().strip() : "";
		if (!username.matches(USERNAME_PATTERN)) {
			problems.put("username", "accounts.error.username");
		}
		else if (this.accounts.findByUsername(username).isPresent()) {
			problems.put("username", "accounts.error.taken");
		}
		String displayName = (form.displayName() != null) ? form.displayName().strip() : "";
		if (displayName.isEmpty() || displayName.length() > 64) {
			problems.put("displayName", "accounts.error.displayName");
		}
		if (form.role() == null) {
			problems.put("role", "accounts.error.role");
		}
		else if (form.role() == Role.UNIT_STAFF && (form.unitId() == null || !unitExists(form.unitId()))) {
			problems.put("unitId", "accounts.error.unit");
		}
		if (!problems.isEmpty()) {
			return new Created(problems, null);
		}
		Long unitId = (form.role() == Role.UNIT_STAFF) ? form.unitId() : null;
		String initial = this.credentials.newInitialPassword();
		UserAccount account = UserAccount.withInitialPassword(username, displayName, this.encoder.encode(initial),
				form.role(), unitId, this.clock.instant(), this.settings.initialPasswordLifetime());
		this.accounts.saveAndFlush(account);
		this.audit.record(new AuditEvent("ACCOUNT_CREATED", by.getUsername(), address, "USER", username,
				Outcome.SUCCESS, "role=" + form.role() + ((unitId != null) ? ",unit=" + unitId : "")));
		return new Created(Map.of(), initial);
	}

	@Transactional
	void unlock(long id, HotlineUser by, String address) {
		UserAccount account = this.accounts.findById(id).orElseThrow();
		account.unlock();
		this.audit.record(new AuditEvent("ACCOUNT_UNLOCKED", by.getUsername(), address, "USER", account.getUsername(),
				Outcome.SUCCESS, null));
	}

	/** Security administrator: a lost authenticator; the user enrols a new one at the next login. */
	@Transactional
	void resetSecondFactor(long id, HotlineUser by, String address) {
		UserAccount account = this.accounts.findById(id).orElseThrow();
		account.resetSecondFactor();
		this.audit.record(new AuditEvent("MFA_RESET", by.getUsername(), address, "USER", account.getUsername(),
				Outcome.SUCCESS, null));
		this.credentials.endSessions(account.getUsername(), null);
	}

	/** Disabling an account also ends its live sessions: its next request meets the login page. */
	@Transactional
	void setEnabled(long id, boolean enabled, HotlineUser by, String address) {
		UserAccount account = this.accounts.findById(id).orElseThrow();
		account.setEnabled(enabled);
		this.audit.record(new AuditEvent(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", by.getUsername(), address,
				"USER", account.getUsername(), Outcome.SUCCESS, null));
		if (!enabled) {
			this.credentials.endSessions(account.getUsername(), null);
		}
	}

	private boolean unitExists(long id) {
		return this.directory.units().stream().anyMatch((unit) -> unit.id() == id);
	}

	private AccountRow row(UserAccount account) {
		UnitView unit = (account.getUnitId() != null) ? this.directory.unit(account.getUnitId()) : null;
		return new AccountRow(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
				(unit != null) ? unit.name() : null, account.isEnabled(), account.isLockedAt(this.clock.instant()),
				account.getFailedAttempts(), account.getLastLoginAt(), account.hasSecondFactor());
	}

}
