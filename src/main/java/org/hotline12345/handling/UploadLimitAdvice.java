package org.hotline12345.handling;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A photo over the limit is refused while the request is read, before any controller runs. For a progress note the
 * unit is sent back to its ticket with the reason; anywhere else the exception is handed on unchanged, to the 413
 * error page. Never a stack trace.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

	private static final Pattern PROGRESS = Pattern.compile("/unit/tickets/([A-Za-z0-9-]{1,32})/progress");

	private final MessageSource messages;

	UploadLimitAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, Locale locale) throws MaxUploadSizeExceededException {
		Matcher progress = PROGRESS.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!progress.matches()) {
			// Declines: the next resolver answers 413.
			throw ex;
		}
		String target = "/unit/tickets/" + progress.group(1);
		// The redirect saves the output flash map for the ticket page.
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("error", this.messages.getMessage("handling.photo.requestTooLarge", null, locale));
		return "redirect:" + target;
	}

}
