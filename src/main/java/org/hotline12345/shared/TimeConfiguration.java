package org.hotline12345.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of time. Entities never call {@code now()}; deadline tests replace this bean with a clock they move.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(@Value("${hotline.time-zone:Asia/Shanghai}") ZoneId zone) {
		return Clock.system(zone);
	}

}
