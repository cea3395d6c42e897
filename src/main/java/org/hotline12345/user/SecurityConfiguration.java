package org.hotline12345.user;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditEvent.Outcome;
import org.hotline12345.audit.AuditLog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Who may open which screen. Deny by default: a URL not named here is refused to everyone. Each handler also checks
 * what its data needs (a unit's tickets only for that unit's staff); this table is the first line, not the only one.
 * <p>
 * A correct password alone grants no role where a second factor or a password change is due: see
 * {@link LoginSteps}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final String[] ALL_ROLES = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

	@Bean
	SecurityFilterChain web(HttpSecurity http, LoginSteps steps, LoginThrottle throttle, SessionRegistry sessions,
			SecuritySettings settings, AuditLog audit, Clock clock) throws Exception {
		String[] passwordChangers = new String[ALL_ROLES.length + 1];
		for (int i = 0; i < ALL_ROLES.length; i++) {
			passwordChangers[i] = "ROLE_" + ALL_ROLES[i];
		}
		passwordChangers[ALL_ROLES.length] = LoginSteps.CHANGE_PASSWORD;
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/mfa", "/mfa/**")
			.hasAuthority(LoginSteps.SECOND_FACTOR)
			.requestMatchers("/password/**")
			.hasAnyAuthority(passwordChangers)
			.requestMatchers("/admin/**")
			.hasRole(Role.SYS_ADMIN.name())
			.requestMatchers("/security/**")
			.hasRole(Role.SEC_ADMIN.name())
			.requestMatchers("/audit/**")
			.hasRole(Role.AUDITOR.name())
			.requestMatchers("/supervision/**", "/triage/rules/**", "/triage/alerts/**", "/knowledge/new",
					"/knowledge/*/edit")
			.hasRole(Role.SUPERVISOR.name())
			.requestMatchers(HttpMethod.POST, "/knowledge/**")
			.hasRole(Role.SUPERVISOR.name())
			.requestMatchers("/unit/**")
			.hasRole(Role.UNIT_STAFF.name())
			.requestMatchers("/intake/**", "/callback/**")
			.hasRole(Role.OPERATOR.name())
			.requestMatchers("/dispatch/**", "/queues/**", "/knowledge/**", "/triage/**")
			.hasAnyRole(Role.OPERATOR.name(), Role.SUPERVISOR.name())
			.requestMatchers("/tickets/**")
			.hasAnyRole(Role.OPERATOR.name(), Role.SUPERVISOR.name(), Role.UNIT_STAFF.name())
			.requestMatchers("/")
			.hasAnyRole(ALL_ROLES)
			.anyRequest()
			.denyAll())
			.formLogin((form) -> form.loginPage("/login").successHandler(afterPassword(steps)).failureUrl("/login?error"))
			// POST only (CSRF protection makes GET /logout do nothing); the session is invalidated.
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").invalidateHttpSession(true))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId())
				.maximumSessions(settings.maxSessionsPerUser())
				.sessionRegistry(sessions)
				.expiredUrl("/login?expired"))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(stepsFirst(audit)))
			.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new SessionLifetimeFilter(settings.sessionAbsoluteLifetime(), clock),
					SecurityContextHolderFilter.class)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frame) -> frame.deny())
				// Sent only over HTTPS (Spring Security never sends HSTS on plain HTTP): one year, subdomains too.
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
		return http.build();
	}

	/** Sessions as Spring Session stores them, so that logins can be counted and ended per account. */
	@Bean
	<S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	/**
	 * The session cookie: HttpOnly and SameSite=Lax always; over TLS ({@code hotline.security.secure-cookies=true})
	 * also Secure and named {@code __Host-SESSION}, which browsers accept only from a secure origin, with path /
	 * and no domain (ASVS 3.3.1-3.3.4).
	 */
	@Bean
	CookieSerializer cookieSerializer(SecuritySettings settings) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setCookiePath("/");
		if (settings.secureCookies()) {
			serializer.setCookieName("__Host-SESSION");
			serializer.setUseSecureCookie(true);
		}
		else {
			serializer.setCookieName("SESSION");
		}
		return serializer;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static AuthenticationSuccessHandler afterPassword(LoginSteps steps) {
		return steps::afterPassword;
	}

	/**
	 * While a login step is pending every other page leads back to it; a real refusal is audited and answered with
	 * the friendly 403 page.
	 */
	private static AccessDeniedHandler stepsFirst(AuditLog audit) {
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		return new AccessDeniedHandler() {
			@Override
			public void handle(HttpServletRequest request, HttpServletResponse response,
					AccessDeniedException denied) throws IOException, ServletException {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (LoginSteps.has(authentication, LoginSteps.SECOND_FACTOR)) {
					response.sendRedirect(request.getContextPath() + "/mfa");
					return;
				}
				if (LoginSteps.has(authentication, LoginSteps.CHANGE_PASSWORD)) {
					response.sendRedirect(request.getContextPath() + "/password/change");
					return;
				}
				String path = request.getRequestURI().substring(request.getContextPath().length());
				String actor = (authentication != null) ? authentication.getName() : null;
				audit.recordSeparately(new AuditEvent("ACCESS_DENIED", actor, request.getRemoteAddr(), "URL",
						LogSafe.text(request.getMethod() + " " + path), Outcome.DENIED, null));
				forbidden.handle(request, response, denied);
			}
		};
	}

}
