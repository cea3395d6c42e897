package org.hotline12345.user;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An account of a person who works with the platform. Login ids are unique regardless of case (enforced by the
 * database); the password is stored only as a hash.
 */
@Entity
@Table(name = "app_user")
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String displayName;

	@Column(name = "password")
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private Long unitId;

	private boolean enabled = true;

	private int failedAttempts;

	private Instant lockedUntil;

	private Instant passwordChangedAt;

	private boolean mustChangePassword;

	private Instant createdAt;

	private Instant lastLoginAt;

	private Instant initialPasswordExpiresAt;

	private String totpSecret;

	private Long totpLastStep;

	@Version
	private long version;

	protected UserAccount() {
	}

	UserAccount(String username, String displayName, String passwordHash, Role role, Long unitId, Instant now) {
		if ((role == Role.UNIT_STAFF) != (unitId != null)) {
			throw new IllegalArgumentException("Unit staff are bound to exactly one unit; other roles to none");
		}
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.unitId = unitId;
		this.createdAt = now;
		this.passwordChangedAt = now;
	}

	/** An account an administrator creates: its initial password must be changed at first login and expires. */
	static UserAccount withInitialPassword(String username, String displayName, String passwordHash, Role role,
			Long unitId, Instant now, Duration lifetime) {
		UserAccount account = new UserAccount(username, displayName, passwordHash, role, unitId, now);
		account.mustChangePassword = true;
		account.initialPasswordExpiresAt = (lifetime != null) ? now.plus(lifetime) : null;
		return account;
	}

	/** The password must be changed before anything else: first login, or older than {@code maxAge}. */
	boolean isPasswordChangeDue(Instant now, Duration maxAge) {
		return this.mustChangePassword || !now.isBefore(this.passwordChangedAt.plus(maxAge));
	}

	/** An initial password left unused past its lifetime: login is refused until an administrator sets a new one. */
	boolean isInitialPasswordExpired(Instant now) {
		return this.mustChangePassword && this.initialPasswordExpiresAt != null
				&& !now.isBefore(this.initialPasswordExpiresAt);
	}

	boolean hasSecondFactor() {
		return this.totpSecret != null;
	}

	void enrolSecondFactor(String encryptedSecret, long step) {
		this.totpSecret = encryptedSecret;
		this.totpLastStep = step;
	}

	void resetSecondFactor() {
		this.totpSecret = null;
		this.totpLastStep = null;
	}

	/** Accepts a code's time step once: a code already used (or an older one) is refused, which stops replays. */
	boolean useTotpStep(long step) {
		if (this.totpLastStep != null && step <= this.totpLastStep) {
			return false;
		}
		this.totpLastStep = step;
		return true;
	}

	String getTotpSecret() {
		return this.totpSecret;
	}

	boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && now.isBefore(this.lockedUntil);
	}

	/** Counts a failed login; the account locks for {@code lockFor} once {@code maxFailures} is reached. */
	boolean recordFailure(Instant now, int maxFailures, Duration lockFor) {
		if (this.lockedUntil != null && !now.isBefore(this.lockedUntil)) {
			this.failedAttempts = 0;
			this.lockedUntil = null;
		}
		this.failedAttempts++;
		if (this.failedAttempts >= maxFailures && this.lockedUntil == null) {
			this.lockedUntil = now.plus(lockFor);
			return true;
		}
		return false;
	}

	void recordSuccess(Instant now) {
		this.failedAttempts = 0;
		this.lockedUntil = null;
		this.lastLoginAt = now;
	}

	void unlock() {
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangedAt = now;
		this.mustChangePassword = false;
		this.initialPasswordExpiresAt = null;
	}

	void requirePasswordChange() {
		this.mustChangePassword = true;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getDisplayName() {
		return this.displayName;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	Role getRole() {
		return this.role;
	}

	Long getUnitId() {
		return this.unitId;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	int getFailedAttempts() {
		return this.failedAttempts;
	}

	Instant getLockedUntil() {
		return this.lockedUntil;
	}

	Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	boolean isMustChangePassword() {
		return this.mustChangePassword;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getLastLoginAt() {
		return this.lastLoginAt;
	}

}
