package org.hotline12345.dispatch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadline sweep under {@code hotline.dispatch.sweep}.
 *
 * @param enabled whether this instance schedules the sweep (tests call it themselves)
 * @param interval pause between two runs
 * @param lookBack how far back a crossed line is still flagged: covers instances that were down and extensions that
 * land a deadline straight in its warning share; older crossings are left alone
 * @param batchSize the most flags one run raises per clock and level, so a backlog is worked off in slices
 */
@ConfigurationProperties("hotline.dispatch.sweep")
record DeadlineSweepSettings(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
		@DefaultValue("2d") Duration lookBack, @DefaultValue("500") int batchSize) {
}
