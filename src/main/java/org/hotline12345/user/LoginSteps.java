package org.hotline12345.user;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps between a correct password and the first real page. Until every step is done the session holds an
 * authentication with ONE step authority and no role at all, so the URL table refuses every screen but the step's
 * own: nothing relies on a filter remembering to redirect.
 * <ol>
 * <li>{@link #SECOND_FACTOR}: roles that need it pass (or enrol) a TOTP code at {@code /mfa};</li>
 * <li>{@link #CHANGE_PASSWORD}: a first-login, reset or expired password is changed at {@code /password/change}.</li>
 * </ol>
 * After a passed second factor the authentication keeps the {@link #TOTP_PASSED} marker.
 */
@Component
class LoginSteps {

	static final String SECOND_FACTOR = "STEP_SECOND_FACTOR";

	static final String CHANGE_PASSWORD = "STEP_CHANGE_PASSWORD";

	static final String TOTP_PASSED = "FACTOR_TOTP";

	/** Session attribute: when the password login happened (epoch millis by the application clock). */
	static final String LOGIN_AT = "hotline.loginAt";

	private final UserAccountRepository accounts;

	private final SecuritySettings settings;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	LoginSteps(UserAccountRepository accounts, SecuritySettings settings, Clock clock) {
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	/** Right after the password was accepted. */
	void afterPassword(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		request.getSession().setAttribute(LOGIN_AT, this.clock.millis());
		advance(request, response, authentication, false);
	}

	/** After a step is done: the next one, or the role's home page. */
	@Transactional(readOnly = true)
	void advance(HttpServletRequest request, HttpServletResponse response, Authentication current,
			boolean secondFactorPassed) throws IOException {
		HotlineUser user = (HotlineUser) current.getPrincipal();
		boolean factor = secondFactorPassed || has(current, TOTP_PASSED);
		String next;
		List<GrantedAuthority> authorities = new ArrayList<>();
		if (this.settings.needsSecondFactor(user.role()) && !factor) {
			authorities.add(new SimpleGrantedAuthority(SECOND_FACTOR));
			next = "/mfa";
		}
		else if (passwordChangeDue(user)) {
			authorities.add(new SimpleGrantedAuthority(CHANGE_PASSWORD));
			next = "/password/change";
		}
		else {
			authorities.addAll(user.getAuthorities());
			next = user.role().home();
		}
		if (factor) {
			authorities.add(new SimpleGrantedAuthority(TOTP_PASSED));
		}
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
				authorities);
		token.setDetails(current.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(token);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		response.sendRedirect(request.getContextPath() + next);
	}

	boolean passwordChangeDue(HotlineUser user) {
		return this.accounts.findById(user.id())
			.map((account) -> account.isPasswordChangeDue(this.clock.instant(), this.settings.passwordMaxAge()))
			.orElse(false);
	}

	/** A new session id whenever the authentication grows (ASVS 7.2.4), keeping the session's contents. */
	static void renewSessionId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			request.changeSessionId();
		}
	}

	static boolean has(Authentication authentication, String authority) {
		if (authentication == null) {
			return false;
		}
		Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
		return authorities.stream().anyMatch((a) -> authority.equals(a.getAuthority()));
	}

}
