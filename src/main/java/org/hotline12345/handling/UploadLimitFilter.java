package org.hotline12345.handling;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * A site photo over the multipart limit (10 MB a file, 12 MB a request) is refused by the container while it reads
 * the body, and the first filter to ask for a parameter gets the failure: that is the CSRF check, which would answer
 * with the container's bare error page and log a stack trace. This filter runs before security, for a unit's progress
 * note only, reads the parts itself and on failure sends the unit back to its ticket with the reason. It changes
 * nothing and shows nothing the unit could not already open; the ticket page checks the unit as always.
 */
class UploadLimitFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(UploadLimitFilter.class);

	private static final Pattern PROGRESS = Pattern.compile("/unit/tickets/([A-Za-z0-9-]{1,32})/progress");

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

	UploadLimitFilter(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null
				|| !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher progress = PROGRESS.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (progress.matches()) {
			try {
				request.getParts();
			}
			catch (RuntimeException | ServletException | IOException ex) {
				logger.info("Progress note upload refused: " + ex.getClass().getSimpleName());
				String target = "/unit/tickets/" + progress.group(1);
				FlashMap flash = new FlashMap();
				flash.put("error", this.messages.getMessage(
						tooLarge(ex) ? "handling.photo.requestTooLarge" : "handling.photo.uploadFailed", null,
						this.locales.resolveLocale(request)));
				flash.setTargetRequestPath(request.getContextPath() + target);
				this.flashMaps.saveOutputFlashMap(flash, request, response);
				response.sendRedirect(request.getContextPath() + target);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().endsWith("LimitExceededException")) {
				return true;
			}
		}
		return false;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/** Just before Spring Security's filter chain, for the unit screens only. */
		@Bean
		FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(MessageSource messages, LocaleResolver locales) {
			FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(
					new UploadLimitFilter(messages, locales));
			registration.addUrlPatterns("/unit/tickets/*");
			registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
			return registration;
		}

	}

}
