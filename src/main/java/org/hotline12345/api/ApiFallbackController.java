package org.hotline12345.api;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever under {@code /api} matches no endpoint is answered 404 as problem+json, not with a screen's error page.
 * The most general pattern, so that every real endpoint wins over it.
 */
@RestController
class ApiFallbackController implements ApiEndpoint {

	@RequestMapping("/api/**")
	void unknown() {
		throw new ApiNotFoundException();
	}

}
