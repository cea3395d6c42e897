package org.hotline12345.user;

import java.time.Clock;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditEvent.Outcome;
import org.hotline12345.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every login, failure, lockout and logout, and counts failures towards the lockout.
 */
@Component
class LoginAuditor {

	private final UserAccountRepository accounts;

	private final AuditLog audit;

	private final SecuritySettings settings;

	private final Clock clock;

	private final LoginThrottle throttle;

	LoginAuditor(UserAccountRepository accounts, AuditLog audit, SecuritySettings settings, Clock clock,
			LoginThrottle throttle) {
		this.accounts = accounts;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
		this.throttle = throttle;
	}

	@EventListener
	@Transactional
	void on(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		if (!(authentication.getPrincipal() instanceof HotlineUser user)) {
			return;
		}
		this.accounts.findById(user.id()).ifPresent((account) -> account.recordSuccess(this.clock.instant()));
		this.audit.record(new AuditEvent("LOGIN", user.getUsername(), address(authentication), "USER",
				user.getUsername(), Outcome.SUCCESS, null));
	}

	@EventListener
	@Transactional
	void on(AbstractAuthenticationFailureEvent event) {
		Authentication authentication = event.getAuthentication();
		String username = LogSafe.text(authentication.getName());
		String address = address(authentication);
		String reason = event.getException().getClass().getSimpleName();
		this.throttle.recordFailure(address);
		// A name no account can have (NUL, too long) is not looked up: the query would fail (found by FuzzingTests).
		java.util.Optional<UserAccount> known = AccountUserDetailsService.mayExist(authentication.getName())
				? this.accounts.findByUsername(authentication.getName()) : java.util.Optional.empty();
		known.ifPresent((account) -> {
			boolean lockedNow = account.recordFailure(this.clock.instant(), this.settings.maxFailedLogins(),
					this.settings.lockDuration());
			if (lockedNow) {
				this.audit.record(new AuditEvent("ACCOUNT_LOCKED", username, address, "USER", account.getUsername(),
						Outcome.SUCCESS, "failures=" + account.getFailedAttempts()));
			}
		});
		this.audit.record(new AuditEvent("LOGIN", username, address, "USER", username, Outcome.FAILURE, reason));
	}

	@EventListener
	@Transactional
	void on(LogoutSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		this.audit.record(new AuditEvent("LOGOUT", LogSafe.text(authentication.getName()), address(authentication), "USER",
				authentication.getName(), Outcome.SUCCESS, null));
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
