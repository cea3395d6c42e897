package org.hotline12345.interop;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The peer endpoints are machine to machine: stateless, no CSRF (no browser credentials involved), and every request
 * must carry a valid HMAC signature, which {@link PeerEndpoint} checks before reading anything.
 */
@Configuration(proxyBeanMethods = false)
class InteropSecurityConfiguration {

	@Bean
	@Order(22)
	SecurityFilterChain interop(HttpSecurity http) throws Exception {
		http.securityMatcher("/interop/v1/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

}
