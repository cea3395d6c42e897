package org.hotline12345.dispatch;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline sweep every minute (configurable) on whichever instance takes the ShedLock lock first.
 * Switched off with {@code hotline.dispatch.sweep.enabled=false}: the tests call the sweep themselves.
 */
@Component
@ConditionalOnProperty(name = "hotline.dispatch.sweep.enabled", havingValue = "true", matchIfMissing = true)
class DeadlineSweepScheduler {

	private final DeadlineSweep sweep;

	DeadlineSweepScheduler(DeadlineSweep sweep) {
		this.sweep = sweep;
	}

	@Scheduled(fixedDelayString = "${hotline.dispatch.sweep.interval:1m}",
			initialDelayString = "${hotline.dispatch.sweep.initial-delay:30s}")
	void run() {
		this.sweep.sweepLocked();
	}

}
