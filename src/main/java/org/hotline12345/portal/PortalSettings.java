package org.hotline12345.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Abuse protection of the public portal.
 *
 * @param submissionsPerWindow requests one address may submit per window
 * @param lookupsPerWindow number-and-code look-ups (right or wrong) one address may make per window
 * @param window the sliding window the limits count over
 */
@ConfigurationProperties("hotline.portal")
record PortalSettings(@DefaultValue("5") int submissionsPerWindow, @DefaultValue("30") int lookupsPerWindow,
		@DefaultValue("PT1H") Duration window) {
}
