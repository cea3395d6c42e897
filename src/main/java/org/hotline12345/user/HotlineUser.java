package org.hotline12345.user;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the rest of the application sees them: their role and, for unit staff, their unit. Other
 * modules take it with {@code @AuthenticationPrincipal HotlineUser user} and must check the unit themselves.
 */
public final class HotlineUser implements UserDetails, CredentialsContainer, Serializable {

	private final long id;

	private final String username;

	private final String displayName;

	private final Role role;

	private final Long unitId;

	private final String unitCode;

	private final String unitName;

	private final boolean enabled;

	private final boolean locked;

	private final boolean passwordChangeRequired;

	private final boolean credentialsExpired;

	private String password;

	HotlineUser(long id, String username, String displayName, Role role, Long unitId, String unitCode, String unitName,
			String password, boolean enabled, boolean locked, boolean passwordChangeRequired,
			boolean credentialsExpired) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.role = role;
		this.unitId = unitId;
		this.unitCode = unitCode;
		this.unitName = unitName;
		this.password = password;
		this.enabled = enabled;
		this.locked = locked;
		this.passwordChangeRequired = passwordChangeRequired;
		this.credentialsExpired = credentialsExpired;
	}

	/** For tests and system actors (the scheduler, the API's channel accounts). */
	public static HotlineUser of(long id, String username, String displayName, Role role, Long unitId, String unitCode,
			String unitName) {
		return new HotlineUser(id, username, displayName, role, unitId, unitCode, unitName, "", true, false, false, false);
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	public boolean hasRole(Role role) {
		return this.role == role;
	}

	/** The unit a staff member acts for; {@code null} for centre roles. */
	public Long unitId() {
		return this.unitId;
	}

	public String unitCode() {
		return this.unitCode;
	}

	public String unitName() {
		return this.unitName;
	}

	public boolean passwordChangeRequired() {
		return this.passwordChangeRequired;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	/** False for an initial password that was not used in time: login is refused. */
	@Override
	public boolean isCredentialsNonExpired() {
		return !this.credentialsExpired;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.password = null;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof HotlineUser user) && this.username.equals(user.username);
	}

	@Override
	public int hashCode() {
		return this.username.hashCode();
	}

	@Override
	public String toString() {
		return this.username;
	}

}
