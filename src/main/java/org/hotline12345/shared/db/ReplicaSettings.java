package org.hotline12345.shared.db;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The read replica for reports (off unless {@code url} is set).
 *
 * @param url JDBC URL of a hot standby of the primary (streaming replication); empty: no replica, everything reads
 * the primary
 * @param username the replica's user (default: the primary's)
 * @param password the replica's password (default: the primary's)
 * @param maximumPoolSize connections to the replica (default: the primary pool's size)
 * @param connectionTimeout how long a report waits for a replica connection before it reads the primary instead
 * @param maxLag a replica further behind than this is not used: its reports read the primary until it catches up
 * @param checkInterval how long a measured lag is reused before it is measured again
 * @param retryAfter after the replica could not be reached, how long reports read the primary before it is tried again
 */
@ConfigurationProperties("hotline.datasource.replica")
record ReplicaSettings(String url, String username, String password, Integer maximumPoolSize,
		@DefaultValue("2s") Duration connectionTimeout, @DefaultValue("5m") Duration maxLag,
		@DefaultValue("5s") Duration checkInterval, @DefaultValue("30s") Duration retryAfter) {

	boolean configured() {
		return StringUtils.hasText(this.url);
	}

}
