package org.hotline12345.api;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hotline12345.api.ApiProblems.Kind;
import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Security of {@code /api/**}, a chain of its own ahead of the screens' chain: stateless (no session, no CSRF token:
 * nothing here is carried by a cookie), {@code Bearer} tokens for systems and {@code Basic} for scripts, both acting as
 * an account with its role and unit. Every refusal is problem+json; a refused step is audited.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	private static final String[] TICKET_ROLES = { Role.OPERATOR.name(), Role.SUPERVISOR.name(),
			Role.UNIT_STAFF.name() };

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, UserDetailsService accounts,
			PasswordEncoder passwordEncoder, ApiProblems problems, ApiSettings settings, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) throws Exception {
		AuthenticationEntryPoint entryPoint = entryPoint(problems);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/units", "/api/v1/categories")
				.authenticated()
				.requestMatchers("/api/v1/tickets", "/api/v1/tickets/**")
				.hasAnyRole(TICKET_ROLES)
				.requestMatchers("/api/v1/triage/**")
				.hasAnyRole(Role.OPERATOR.name(), Role.SUPERVISOR.name())
				// Anything else under /api is answered 404 by the fallback, to signed-in callers only.
				.anyRequest()
				.authenticated())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.authenticationManager(basicAuthentication(accounts, passwordEncoder, events))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied(problems, audit)))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, accounts, entryPoint),
					BasicAuthenticationFilter.class)
			.addFilterAfter(new ApiGuardFilter(new ApiRateLimiter(settings.requestsPerMinute(), clock),
					settings.maxRequestSize().toBytes(), problems), BasicAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * Basic with the account's own password. Failures count towards the account's lockout like failed logins (and are
	 * audited as such); successes are not each recorded as a login, since a script may call many times a minute.
	 */
	private static ProviderManager basicAuthentication(UserDetailsService accounts, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwordEncoder);
		provider.setPostAuthenticationChecks((user) -> {
			if (user instanceof HotlineUser hotlineUser && hotlineUser.passwordChangeRequired()) {
				throw new CredentialsExpiredException("Initial password not changed yet");
			}
		});
		ProviderManager manager = new ProviderManager(provider);
		DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
		manager.setAuthenticationEventPublisher(new AuthenticationEventPublisher() {
			@Override
			public void publishAuthenticationSuccess(Authentication authentication) {
			}

			@Override
			public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
				publisher.publishAuthenticationFailure(exception, authentication);
			}
		});
		return manager;
	}

	private static AuthenticationEntryPoint entryPoint(ApiProblems problems) {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			String key;
			if (ex instanceof DisabledException) {
				key = "api.unauthorized.disabled";
			}
			else if (ex instanceof LockedException) {
				key = "api.unauthorized.locked";
			}
			else if (ex instanceof CredentialsExpiredException) {
				key = "api.unauthorized.passwordChange";
			}
			else {
				key = hasCredentials(request) ? "api.unauthorized.invalid" : "api.unauthorized.missing";
			}
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"hotline12345\"");
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"hotline12345\", charset=\"UTF-8\"");
			problems.write(request, response, problems.problem(Kind.UNAUTHORIZED, key));
		};
	}

	private static boolean hasCredentials(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
	}

	private static AccessDeniedHandler accessDenied(ApiProblems problems, AuditLog audit) {
		return (request, response, ex) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			String actor = (authentication != null) ? authentication.getName() : null;
			audit.recordSeparately(new AuditEvent("API_ACCESS_DENIED", actor, request.getRemoteAddr(), "API",
					request.getMethod() + " " + request.getRequestURI(), AuditEvent.Outcome.DENIED, null));
			problems.write(request, response, problems.problem(Kind.FORBIDDEN, "api.forbidden"));
		};
	}

}
