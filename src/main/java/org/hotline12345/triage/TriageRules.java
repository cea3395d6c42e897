package org.hotline12345.triage;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the engine compiled from the published rule set. Compiling takes milliseconds and grading
 * must take microseconds, so the engine is cached and rebuilt only when another version is published:
 * at once on this instance (the event), within the refresh interval on the others (the poll). On an
 * empty database the shipped default rules become version 1. Every engine, published or draft, is compiled with the
 * same {@link ExampleSignal}, learnt once at start-up from the shipped labelled sets.
 */
@Component
class TriageRules {

	private static final Logger log = LoggerFactory.getLogger(TriageRules.class);

	private final RuleSetRepository repository;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ExampleSignal signal;

	private volatile TriageEngine engine;

	TriageRules(RuleSetRepository repository, TransactionTemplate transactions, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock, TriageSettings settings) {
		this.repository = repository;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.signal = settings.exampleSignal() ? ExampleSignal.shipped(settings.exampleSignalFrom()) : ExampleSignal.NONE;
	}

	/**
	 * @return an engine for {@code rules} with this instance's statistical signal
	 */
	TriageEngine compile(RuleSet rules) {
		return TriageEngine.compile(rules, this.signal);
	}

	/**
	 * @return the engine of the published rule set
	 */
	TriageEngine current() {
		TriageEngine current = this.engine;
		return (current != null) ? current : reload();
	}

	synchronized TriageEngine reload() {
		RuleSet published = this.transactions.execute((status) -> this.repository
			.findByStatus(RuleSetEntity.Status.PUBLISHED)
			.map(RuleSetEntity::toRuleSet)
			.orElseGet(this::importDefaults));
		this.engine = compile(published);
		log.info("Triage grades with rule set v{} ({} phrases)", published.version(), published.phrases().size());
		return this.engine;
	}

	private RuleSet importDefaults() {
		RuleSet defaults = RuleSetFormat.defaults();
		this.repository.save(RuleSetEntity.of(defaults, "system", this.clock.instant(), this.clock.instant(),
				"默认规则集 (" + RuleSetFormat.DEFAULT_RESOURCE + ")"));
		return defaults;
	}

	/**
	 * Publishes a draft: the previous published version is retired in the same transaction.
	 */
	@Transactional
	void publish(int version, String publishedBy) {
		RuleSetEntity draft = this.repository.findByVersion(version)
			.orElseThrow(() -> new IllegalArgumentException("No triage rule set v" + version));
		this.repository.findByStatus(RuleSetEntity.Status.PUBLISHED).ifPresent((old) -> {
			old.retire();
			// Flush now: the partial unique index allows one PUBLISHED row at a time.
			this.repository.saveAndFlush(old);
		});
		draft.publish(this.clock.instant());
		this.events.publishEvent(new TriageRuleSetPublished(version, publishedBy));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(TriageRuleSetPublished event) {
		reload();
	}

	@Scheduled(fixedDelayString = "${hotline.triage.rules-refresh:PT30S}", initialDelayString = "${hotline.triage.rules-refresh:PT30S}")
	void refreshIfPublishedElsewhere() {
		TriageEngine current = this.engine;
		if (current == null) {
			return;
		}
		Optional<Integer> published = this.repository.findPublishedVersion();
		if (published.isPresent() && published.get() != current.ruleSet().version()) {
			reload();
		}
	}

}
