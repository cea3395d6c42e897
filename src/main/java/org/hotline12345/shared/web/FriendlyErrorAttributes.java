package org.hotline12345.shared.web;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Error pages say what happened in words and give an error id to quote to the help desk; the log has the same id
 * with the details. Nothing internal (class names, SQL, stack traces) reaches the page.
 */
@Component
class FriendlyErrorAttributes extends DefaultErrorAttributes {

	private static final Log logger = LogFactory.getLog(FriendlyErrorAttributes.class);

	private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 409, 413, 429, 500, 503);

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
		int status = (attributes.get("status") instanceof Integer code) ? code : 500;
		String errorId = UUID.randomUUID().toString().substring(0, 8);
		attributes.put("errorId", errorId);
		attributes.put("kind", EXPLAINED.contains(status) ? status : (status >= 500) ? 500 : 400);
		attributes.remove("trace");
		attributes.remove("exception");
		attributes.remove("message");
		attributes.remove("errors");
		Throwable error = getError(request);
		if (status >= 500) {
			logger.error("Error " + errorId + " (" + status + ") at " + attributes.get("path"), error);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Error " + errorId + " (" + status + ") at " + attributes.get("path"), error);
		}
		return attributes;
	}

}
