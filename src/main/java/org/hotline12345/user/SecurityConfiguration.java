package org.hotline12345.user;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Who may open which screen. Deny by default: a URL not named here is refused to everyone. Each handler also checks
 * what its data needs (a unit's tickets only for that unit's staff); this table is the first line, not the only one.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(Role.SYS_ADMIN.name())
			.requestMatchers("/security/**")
			.hasRole(Role.SEC_ADMIN.name())
			.requestMatchers("/audit/**")
			.hasRole(Role.AUDITOR.name())
			.requestMatchers("/supervision/**", "/triage/rules/**")
			.hasRole(Role.SUPERVISOR.name())
			.requestMatchers("/unit/**")
			.hasRole(Role.UNIT_STAFF.name())
			.requestMatchers("/intake/**", "/callback/**")
			.hasRole(Role.OPERATOR.name())
			.requestMatchers("/dispatch/**", "/queues/**", "/knowledge/**", "/triage/**")
			.hasAnyRole(Role.OPERATOR.name(), Role.SUPERVISOR.name())
			.requestMatchers("/tickets/**")
			.hasAnyRole(Role.OPERATOR.name(), Role.SUPERVISOR.name(), Role.UNIT_STAFF.name())
			.requestMatchers("/", "/password/**")
			.authenticated()
			.anyRequest()
			.denyAll())
			.formLogin((form) -> form.loginPage("/login").successHandler(roleHome()).failureUrl("/login?error"))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Back to the page the user asked for, or else to the home page of their role. */
	private static AuthenticationSuccessHandler roleHome() {
		RequestCache cache = new HttpSessionRequestCache();
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setRequestCache(cache);
		return new AuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, ServletException {
				if (cache.getRequest(request, response) != null) {
					saved.onAuthenticationSuccess(request, response, authentication);
					return;
				}
				HotlineUser user = (HotlineUser) authentication.getPrincipal();
				response.sendRedirect(request.getContextPath() + user.role().home());
			}
		};
	}

}
