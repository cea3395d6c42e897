package org.hotline12345.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login policy: how many failures lock an account and for how long.
 */
@ConfigurationProperties("hotline.security")
record SecuritySettings(@DefaultValue("5") int maxFailedLogins, @DefaultValue("30m") Duration lockDuration,
		@DefaultValue("90d") Duration passwordMaxAge) {
}
