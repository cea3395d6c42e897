package org.hotline12345.shared.events;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries event listeners that failed (an SMS gateway down, a deadlock) while the application runs, not only at the
 * next restart: every {@code hotline.events.resubmit-interval}, the publications still incomplete after
 * {@code hotline.events.resubmit-older-than} are handed to their listeners again, on one instance at a time
 * (ShedLock). Listeners deduplicate (see {@code notification.UnitAlerts}), so a retry never sends twice.
 */
@Component
@ConditionalOnProperty(name = "hotline.events.resubmit-enabled", havingValue = "true", matchIfMissing = true)
public class IncompletePublicationsResubmission {

	private static final Log logger = LogFactory.getLog(IncompletePublicationsResubmission.class);

	private final IncompleteEventPublications publications;

	private final Duration olderThan;

	IncompletePublicationsResubmission(IncompleteEventPublications publications,
			@Value("${hotline.events.resubmit-older-than:5m}") Duration olderThan) {
		this.publications = publications;
		this.olderThan = olderThan;
	}

	@Scheduled(fixedDelayString = "${hotline.events.resubmit-interval:1m}",
			initialDelayString = "${hotline.events.resubmit-interval:1m}")
	@SchedulerLock(name = "event-resubmission", lockAtMostFor = "10m")
	public void resubmit() {
		logger.debug("Resubmitting event publications incomplete for more than " + this.olderThan);
		this.publications.resubmitIncompletePublicationsOlderThan(this.olderThan);
	}

}
