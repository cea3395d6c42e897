package org.hotline12345.triage;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.triage.RuleSet.CategoryDefault;
import org.hotline12345.triage.RuleSet.PhraseRule;
import org.hotline12345.triage.RuleSet.Thresholds;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's side of the rules: a draft copied from the published set, edited row by row, measured and
 * published as a new version. Only one draft exists at a time, so two supervisors never tune diverging copies.
 * Compiled engines are cached per version and dropped on every edit of that draft.
 */
@Service
@Transactional
class RuleSetDrafts {

	private final RuleSetRepository repository;

	private final TriageRules rules;

	private final AuditLog audit;

	private final Clock clock;

	private final Map<Integer, TriageEngine> engines = new ConcurrentHashMap<>();

	RuleSetDrafts(RuleSetRepository repository, TriageRules rules, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<RuleSetEntity> versions() {
		return this.repository.findAllByOrderByVersionDesc();
	}

	@Transactional(readOnly = true)
	Optional<RuleSetEntity> draft() {
		return this.repository.findByStatus(RuleSetEntity.Status.DRAFT);
	}

	/**
	 * @return the stored version with its rows, for the editor
	 */
	@Transactional(readOnly = true)
	Optional<RuleSetEntity> find(int version) {
		Optional<RuleSetEntity> found = this.repository.findWithRulesByVersion(version);
		found.ifPresent((entity) -> entity.rules().size());
		return found;
	}

	/**
	 * Copies the published rule set into a new draft, or answers the draft that already exists.
	 * @return the draft's version
	 */
	int createDraft(String by) {
		Optional<RuleSetEntity> existing = this.repository.findByStatus(RuleSetEntity.Status.DRAFT);
		if (existing.isPresent()) {
			return existing.get().version();
		}
		RuleSet published = this.rules.current().ruleSet();
		int version = this.repository.findHighestVersion() + 1;
		this.repository.save(RuleSetEntity.of(published.withVersion(version), by, this.clock.instant(), null,
				"草稿，源自 v" + published.version()));
		this.audit.record(AuditEvent.success("TRIAGE_DRAFT_CREATE", by, null, "TRIAGE_RULE_SET", "v" + version,
				"from v" + published.version()));
		return version;
	}

	void addPhrase(int version, PhraseRule rule) {
		edit(version).add((set, position) -> RuleEntity.phrase(set, position, rule));
	}

	void changePhrase(int version, long id, PhraseRule rule) {
		edit(version).rule(id).change(rule);
	}

	void addCategory(int version, CategoryDefault rule) {
		edit(version).add((set, position) -> RuleEntity.category(set, position, rule));
	}

	void changeFactor(int version, long id, int factor) {
		edit(version).rule(id).changeFactor(factor);
	}

	void remove(int version, long id) {
		edit(version).remove(id);
	}

	void changeSettings(int version, Thresholds thresholds, RuleSet.Cluster cluster) {
		edit(version).changeSettings(thresholds, cluster);
	}

	void discard(int version, String by) {
		RuleSetEntity draft = edit(version);
		this.repository.delete(draft);
		this.audit.record(AuditEvent.success("TRIAGE_DRAFT_DISCARD", by, null, "TRIAGE_RULE_SET", "v" + version, null));
	}

	/**
	 * Publishes the draft: it grades new tickets from now on; the version it replaces is retired and kept.
	 */
	void publish(int version, String by) {
		this.repository.findByVersion(version).orElseThrow(() -> new UnknownRuleSetException(version)).requireDraft();
		this.rules.publish(version, by);
		this.audit.record(AuditEvent.success("TRIAGE_RULES_PUBLISH", by, null, "TRIAGE_RULE_SET", "v" + version, null));
	}

	/**
	 * @return the compiled engine of a version: the live one for the published version; a draft is compiled afresh
	 * (a few milliseconds) since it may have changed, a retired version once
	 */
	@Transactional(readOnly = true)
	TriageEngine engine(int version) {
		TriageEngine published = this.rules.current();
		if (published.ruleSet().version() == version) {
			return published;
		}
		TriageEngine cached = this.engines.get(version);
		if (cached != null) {
			return cached;
		}
		RuleSetEntity entity = this.repository.findWithRulesByVersion(version)
			.orElseThrow(() -> new UnknownRuleSetException(version));
		TriageEngine engine = this.rules.compile(entity.toRuleSet());
		if (entity.status() == RuleSetEntity.Status.RETIRED) {
			this.engines.put(version, engine);
		}
		return engine;
	}

	TriageEngine published() {
		return this.rules.current();
	}

	private RuleSetEntity edit(int version) {
		RuleSetEntity entity = this.repository.findWithRulesByVersion(version)
			.orElseThrow(() -> new UnknownRuleSetException(version));
		entity.requireDraft();
		return entity;
	}

	/** No rule set of that version: the editor answers 404. */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class UnknownRuleSetException extends RuntimeException {

		UnknownRuleSetException(int version) {
			super("No triage rule set v" + version);
		}

	}

}
