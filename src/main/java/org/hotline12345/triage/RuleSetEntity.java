package org.hotline12345.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hotline12345.triage.RuleSet.CategoryDefault;
import org.hotline12345.triage.RuleSet.PhraseRule;
import org.hotline12345.triage.RuleSet.RequestTypeFactor;
import org.hotline12345.triage.RuleSet.Thresholds;

/**
 * A stored rule set version; the engine never sees it, only the {@link RuleSet} value it maps to.
 */
@Entity
@Table(name = "triage_rule_set")
class RuleSetEntity {

	enum Status {

		DRAFT, PUBLISHED, RETIRED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int version;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String createdBy;

	private Instant createdAt;

	private Instant publishedAt;

	private String note;

	private int urgentThreshold;

	private int criticalThreshold;

	private int amplifierGate;

	private int negationWindow;

	private int gapWindow;

	private int scaleMinCount;

	private int scaleWeight;

	private int durationMinHours;

	private int durationWeight;

	private int vulnerableFlagWeight;

	private int clusterWindowHours;

	private int clusterThreshold;

	private int clusterSimilarity;

	@OneToMany(mappedBy = "ruleSet", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<RuleEntity> rules = new ArrayList<>();

	protected RuleSetEntity() {
		// for JPA
	}

	/**
	 * @return a new stored version of {@code ruleSet}, published at once when {@code publishedAt} is given
	 */
	static RuleSetEntity of(RuleSet ruleSet, String createdBy, Instant createdAt, Instant publishedAt, String note) {
		RuleSetEntity entity = new RuleSetEntity();
		entity.version = ruleSet.version();
		entity.status = (publishedAt != null) ? Status.PUBLISHED : Status.DRAFT;
		entity.createdBy = createdBy;
		entity.createdAt = createdAt;
		entity.publishedAt = publishedAt;
		entity.note = note;
		entity.setSettings(ruleSet.thresholds(), ruleSet.cluster());
		int position = 0;
		for (PhraseRule phrase : ruleSet.phrases()) {
			entity.rules.add(RuleEntity.phrase(entity, position++, phrase));
		}
		for (CategoryDefault category : ruleSet.categoryDefaults()) {
			entity.rules.add(RuleEntity.category(entity, position++, category));
		}
		for (RequestTypeFactor type : ruleSet.requestTypeFactors()) {
			entity.rules.add(RuleEntity.requestType(entity, position++, type));
		}
		return entity;
	}

	private void setSettings(Thresholds t, RuleSet.Cluster cluster) {
		RuleSetEntity entity = this;
		entity.urgentThreshold = t.urgent();
		entity.criticalThreshold = t.critical();
		entity.amplifierGate = t.amplifierGate();
		entity.negationWindow = t.negationWindow();
		entity.gapWindow = t.gapWindow();
		entity.scaleMinCount = t.scaleMinCount();
		entity.scaleWeight = t.scaleWeight();
		entity.durationMinHours = t.durationMinHours();
		entity.durationWeight = t.durationWeight();
		entity.vulnerableFlagWeight = t.vulnerableFlagWeight();
		entity.clusterWindowHours = cluster.windowHours();
		entity.clusterThreshold = cluster.threshold();
		entity.clusterSimilarity = cluster.similarity();
	}

	RuleSet toRuleSet() {
		Thresholds thresholds = new Thresholds(this.urgentThreshold, this.criticalThreshold, this.amplifierGate,
				this.negationWindow, this.gapWindow, this.scaleMinCount, this.scaleWeight, this.durationMinHours,
				this.durationWeight, this.vulnerableFlagWeight);
		List<PhraseRule> phrases = new ArrayList<>();
		List<CategoryDefault> categories = new ArrayList<>();
		List<RequestTypeFactor> types = new ArrayList<>();
		for (RuleEntity rule : this.rules) {
			switch (rule.rowType()) {
				case PHRASE -> phrases.add(rule.toPhraseRule());
				case CATEGORY -> categories.add(rule.toCategoryDefault());
				case REQUEST_TYPE -> types.add(rule.toRequestTypeFactor());
			}
		}
		return new RuleSet(this.version, thresholds, phrases, categories, types,
				new RuleSet.Cluster(this.clusterWindowHours, this.clusterThreshold, this.clusterSimilarity));
	}

	/**
	 * Changes the thresholds and cluster settings of a draft.
	 */
	void changeSettings(Thresholds thresholds, RuleSet.Cluster cluster) {
		requireDraft();
		setSettings(thresholds, cluster);
	}

	/**
	 * Adds a phrase, a category default or a request-type factor at the end of a draft.
	 */
	RuleEntity add(java.util.function.BiFunction<RuleSetEntity, Integer, RuleEntity> row) {
		requireDraft();
		int position = this.rules.stream().mapToInt(RuleEntity::position).max().orElse(-1) + 1;
		RuleEntity rule = row.apply(this, position);
		this.rules.add(rule);
		return rule;
	}

	/**
	 * @return the draft's row {@code id}, to change or remove it
	 */
	RuleEntity rule(long id) {
		return this.rules.stream()
			.filter((rule) -> rule.id() != null && rule.id() == id)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No rule " + id + " in triage rule set v" + this.version));
	}

	void remove(long id) {
		requireDraft();
		this.rules.remove(rule(id));
	}

	void requireDraft() {
		if (this.status != Status.DRAFT) {
			throw new IllegalStateException("Cannot change triage rule set v" + this.version + " in status " + this.status);
		}
	}

	List<RuleEntity> rules() {
		return this.rules;
	}

	String createdBy() {
		return this.createdBy;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant publishedAt() {
		return this.publishedAt;
	}

	String note() {
		return this.note;
	}

	void publish(Instant at) {
		if (this.status != Status.DRAFT) {
			throw new IllegalStateException("Cannot publish triage rule set v" + this.version + " in status " + this.status);
		}
		this.status = Status.PUBLISHED;
		this.publishedAt = at;
	}

	void retire() {
		this.status = Status.RETIRED;
	}

	int version() {
		return this.version;
	}

	Status status() {
		return this.status;
	}

}
