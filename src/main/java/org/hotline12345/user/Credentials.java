package org.hotline12345.user;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditEvent.Outcome;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.shared.PersonalDataProtection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords and second factors: changing a password under the policy and its history, and enrolling and checking
 * TOTP codes. Every outcome is audited.
 */
@Service
class Credentials {

	/** What went wrong, by form field, as message keys. Empty when the change was made. */
	record Problems(Map<String, String> fields) {

		boolean none() {
			return this.fields.isEmpty();
		}

	}

	private static final String GENERATED = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private static final String GENERATED_SYMBOLS = "#%+=@!";

	private final UserAccountRepository accounts;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final SecuritySettings settings;

	private final PersonalDataProtection protection;

	private final FindByIndexNameSessionRepository<?> sessions;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Credentials(UserAccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, JdbcTemplate jdbc,
			AuditLog audit, SecuritySettings settings, PersonalDataProtection protection,
			FindByIndexNameSessionRepository<?> sessions, Clock clock) {
		this.accounts = accounts;
		this.policy = policy;
		this.encoder = encoder;
		this.jdbc = jdbc;
		this.audit = audit;
		this.settings = settings;
		this.protection = protection;
		this.sessions = sessions;
		this.clock = clock;
	}

	@Transactional
	Problems changePassword(long userId, String current, String next, String repeat, String address,
			String currentSessionId) {
		UserAccount account = this.accounts.findById(userId).orElseThrow();
		Map<String, String> problems = new LinkedHashMap<>();
		if (current == null || !this.encoder.matches(current, account.getPasswordHash())) {
			problems.put("current", "password.error.current");
		}
		List<String> policyProblems = this.policy.problems(next, account.getUsername());
		if (!policyProblems.isEmpty()) {
			problems.put("next", policyProblems.get(0));
		}
		else if (wasUsedRecently(account, next)) {
			problems.put("next", "password.error.reused");
		}
		if (next != null && !next.equals(repeat)) {
			problems.put("repeat", "password.error.repeat");
		}
		if (!problems.isEmpty()) {
			this.audit.record(new AuditEvent("PASSWORD_CHANGE", account.getUsername(), address, "USER",
					account.getUsername(), Outcome.FAILURE, String.join(",", problems.values())));
			return new Problems(problems);
		}
		Instant now = this.clock.instant();
		this.jdbc.update("insert into password_history (user_id, password, changed_at) values (?, ?, ?)",
				account.getId(), account.getPasswordHash(), Timestamp.from(now));
		account.changePassword(this.encoder.encode(next), now);
		this.audit.record(new AuditEvent("PASSWORD_CHANGE", account.getUsername(), address, "USER",
				account.getUsername(), Outcome.SUCCESS, null));
		endSessions(account.getUsername(), currentSessionId);
		return new Problems(Map.of());
	}

	/** The current password and the ones before it, {@code passwordHistory} in all. */
	private boolean wasUsedRecently(UserAccount account, String candidate) {
		if (this.encoder.matches(candidate, account.getPasswordHash())) {
			return true;
		}
		List<String> earlier = this.jdbc.queryForList(
				"select password from password_history where user_id = ? order by id desc limit ?", String.class,
				account.getId(), Math.max(0, this.settings.passwordHistory() - 1));
		return earlier.stream().anyMatch((hash) -> this.encoder.matches(candidate, hash));
	}

	/** A random initial password that passes the policy: 14 characters from four classes. */
	String newInitialPassword() {
		while (true) {
			StringBuilder password = new StringBuilder();
			for (int i = 0; i < 12; i++) {
				password.append(GENERATED.charAt(this.random.nextInt(GENERATED.length())));
			}
			password.insert(this.random.nextInt(password.length()),
					GENERATED_SYMBOLS.charAt(this.random.nextInt(GENERATED_SYMBOLS.length())));
			password.insert(this.random.nextInt(password.length()), (char) ('2' + this.random.nextInt(8)));
			String candidate = password.toString();
			if (PasswordPolicy.classes(candidate) == 4 && this.policy.problems(candidate, null).isEmpty()) {
				return candidate;
			}
		}
	}

	@Transactional(readOnly = true)
	boolean hasSecondFactor(long userId) {
		return this.accounts.findById(userId).map(UserAccount::hasSecondFactor).orElse(false);
	}

	/** Enrols {@code secret} if {@code code} proves the user's app computes it. */
	@Transactional
	boolean enrol(long userId, String secret, String code, String address) {
		UserAccount account = this.accounts.findById(userId).orElseThrow();
		long step = Totp.matchingStep(secret, code, this.clock.instant());
		boolean ok = step >= 0;
		if (ok) {
			account.enrolSecondFactor(this.protection.encrypt(secret), step);
		}
		this.audit.record(new AuditEvent("MFA_ENROL", account.getUsername(), address, "USER", account.getUsername(),
				ok ? Outcome.SUCCESS : Outcome.FAILURE, null));
		return ok;
	}

	enum Check {

		PASSED, WRONG, LOCKED

	}

	/** Checks a code; wrong codes count towards the same lockout as wrong passwords. */
	@Transactional
	Check verify(long userId, String code, String address) {
		UserAccount account = this.accounts.findById(userId).orElseThrow();
		Instant now = this.clock.instant();
		if (account.isLockedAt(now) || !account.isEnabled() || !account.hasSecondFactor()) {
			return Check.LOCKED;
		}
		long step = Totp.matchingStep(this.protection.decrypt(account.getTotpSecret()), code, now);
		if (step >= 0 && account.useTotpStep(step)) {
			this.audit.record(new AuditEvent("MFA_VERIFY", account.getUsername(), address, "USER",
					account.getUsername(), Outcome.SUCCESS, null));
			return Check.PASSED;
		}
		boolean lockedNow = account.recordFailure(now, this.settings.maxFailedLogins(), this.settings.lockDuration());
		this.audit.record(new AuditEvent("MFA_VERIFY", account.getUsername(), address, "USER", account.getUsername(),
				Outcome.FAILURE, (step >= 0) ? "replayed" : "wrong code"));
		if (lockedNow) {
			this.audit.record(new AuditEvent("ACCOUNT_LOCKED", account.getUsername(), address, "USER",
					account.getUsername(), Outcome.SUCCESS, "failures=" + account.getFailedAttempts()));
			return Check.LOCKED;
		}
		return Check.WRONG;
	}

	/** Ends the account's live sessions, except {@code keep} (the one that made the change), if given. */
	void endSessions(String username, String keep) {
		for (String id : this.sessions.findByPrincipalName(username).keySet()) {
			if (!id.equals(keep)) {
				this.sessions.deleteById(id);
			}
		}
	}

}
