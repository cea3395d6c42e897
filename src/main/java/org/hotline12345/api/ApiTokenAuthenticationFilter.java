package org.hotline12345.api;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hotline12345.api.ApiTokens.TokenOwner;
import org.hotline12345.user.HotlineUser;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: the token is looked up by its hash and the request then runs as the
 * token's account, loaded fresh (so a disabled account or a changed unit counts at once). A wrong or revoked token is
 * answered 401 at once; other schemes (Basic) are left to the next filter.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	/** Request attribute naming the caller for throttling: the token, not just the account. */
	static final String CALLER = ApiTokenAuthenticationFilter.class.getName() + ".caller";

	private static final Log logger = LogFactory.getLog(ApiTokenAuthenticationFilter.class);

	private static final String BEARER = "bearer ";

	private final ApiTokens tokens;

	private final UserDetailsService accounts;

	private final AuthenticationEntryPoint entryPoint;

	private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

	ApiTokenAuthenticationFilter(ApiTokens tokens, UserDetailsService accounts, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
			chain.doFilter(request, response);
			return;
		}
		String token = header.substring(BEARER.length()).strip();
		Optional<TokenOwner> owner = this.tokens.authenticate(token);
		if (owner.isEmpty()) {
			logger.debug("Unknown or revoked API token");
			this.entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked token"));
			return;
		}
		HotlineUser user;
		try {
			UserDetails loaded = this.accounts.loadUserByUsername(owner.get().username());
			user = (HotlineUser) loaded;
		}
		catch (UsernameNotFoundException ex) {
			this.entryPoint.commence(request, response, new BadCredentialsException("Account gone"));
			return;
		}
		if (!user.isEnabled()) {
			this.entryPoint.commence(request, response, new DisabledException("Account disabled"));
			return;
		}
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(user,
				null, user.getAuthorities());
		authentication.setDetails(this.details.buildDetails(request));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		request.setAttribute(CALLER, "token:" + owner.get().tokenId());
		this.tokens.touch(owner.get().tokenId());
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
