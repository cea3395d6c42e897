package org.hotline12345.interop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import org.hotline12345.interop.InteropEvents.LinkedStatusChanged;
import org.hotline12345.interop.InteropEvents.TicketTransferRequested;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again what a peer did not take: the incomplete publications of this module's events, each once its backoff
 * has passed (base × 2^(attempts−1), capped). Other modules' publications are left alone.
 */
@Component
class Resubmission {

	private final IncompleteEventPublications incomplete;

	private final InteropSettings settings;

	private final Clock clock;

	Resubmission(IncompleteEventPublications incomplete, InteropSettings settings, Clock clock) {
		this.incomplete = incomplete;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${hotline.interop.resubmit-interval:PT30S}",
			initialDelayString = "${hotline.interop.resubmit-interval:PT30S}")
	void resubmitDue() {
		Instant now = this.clock.instant();
		this.incomplete.resubmitIncompletePublications(ours().and((publication) -> due(publication, now)));
	}

	/** Everything of ours that is incomplete, backoff or not (an operator's "send now"; tests). */
	void resubmitAll() {
		this.incomplete.resubmitIncompletePublications(ours());
	}

	private static Predicate<EventPublication> ours() {
		return (publication) -> publication.getEvent() instanceof TicketTransferRequested
				|| publication.getEvent() instanceof LinkedStatusChanged;
	}

	boolean due(EventPublication publication, Instant now) {
		Instant last = (publication.getLastResubmissionDate() != null) ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		return !now.isBefore(last.plus(backoff(publication.getCompletionAttempts())));
	}

	Duration backoff(int attempts) {
		Duration wait = this.settings.backoffBase();
		for (int i = 1; i < attempts && wait.compareTo(this.settings.backoffMax()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.settings.backoffMax()) > 0) ? this.settings.backoffMax() : wait;
	}

}
