package org.hotline12345.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the integration API. {@code requestsPerMinute}: calls one token (or one Basic account) may make per
 * minute before it is answered 429; 0 switches throttling off. {@code maxRequestSize}: larger bodies are refused with
 * 400 before they are read. {@code pageSize}: tickets per page of a list. {@code tokenCacheTtl}: how long an
 * instance trusts a token's owner without asking the database again; a revocation counts at once on the instance that
 * revoked it and within this time on the others.
 */
@ConfigurationProperties("hotline.api")
record ApiSettings(@DefaultValue("300") int requestsPerMinute, @DefaultValue("256KB") DataSize maxRequestSize,
		@DefaultValue("20") int pageSize, @DefaultValue("30s") Duration tokenCacheTtl) {
}
