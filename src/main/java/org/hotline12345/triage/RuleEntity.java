package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hotline12345.triage.RuleSet.CategoryDefault;
import org.hotline12345.triage.RuleSet.PhraseRule;
import org.hotline12345.triage.RuleSet.RequestTypeFactor;

/**
 * One row of a stored rule set: a phrase, a category default or a request-type factor. One table for
 * the three keeps the supervisor's editor a single list.
 */
@Entity
@Table(name = "triage_rule")
class RuleEntity {

	enum RowType {

		PHRASE, CATEGORY, REQUEST_TYPE

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "rule_set_id")
	private RuleSetEntity ruleSet;

	@Column(name = "sort_order")
	private int position;

	@Enumerated(EnumType.STRING)
	private RowType rowType;

	@Enumerated(EnumType.STRING)
	private RuleKind kind;

	private String ruleName;

	private String phrase;

	private int weight;

	@Enumerated(EnumType.STRING)
	private TriageMark mark;

	private boolean critical;

	private String categoryCode;

	@Enumerated(EnumType.STRING)
	private TriageLevel levelFloor;

	private String requestType;

	private boolean allKinds;

	private boolean exemptWhenNow;

	private boolean floorExempt;

	protected RuleEntity() {
		// for JPA
	}

	private RuleEntity(RuleSetEntity ruleSet, int position, RowType rowType, String ruleName) {
		this.ruleSet = ruleSet;
		this.position = position;
		this.rowType = rowType;
		this.ruleName = ruleName;
	}

	static RuleEntity phrase(RuleSetEntity ruleSet, int position, PhraseRule rule) {
		RuleEntity entity = new RuleEntity(ruleSet, position, RowType.PHRASE, rule.rule());
		entity.kind = rule.kind();
		entity.phrase = rule.phrase();
		entity.weight = rule.weight();
		entity.mark = rule.mark();
		entity.critical = rule.critical();
		return entity;
	}

	static RuleEntity category(RuleSetEntity ruleSet, int position, CategoryDefault rule) {
		RuleEntity entity = new RuleEntity(ruleSet, position, RowType.CATEGORY, rule.rule());
		entity.categoryCode = rule.categoryCode();
		entity.levelFloor = rule.floor();
		entity.mark = rule.mark();
		return entity;
	}

	static RuleEntity requestType(RuleSetEntity ruleSet, int position, RequestTypeFactor rule) {
		RuleEntity entity = new RuleEntity(ruleSet, position, RowType.REQUEST_TYPE, rule.label());
		entity.requestType = rule.requestType();
		entity.weight = rule.factor();
		entity.allKinds = rule.allKinds();
		entity.exemptWhenNow = rule.exemptWhenNow();
		entity.floorExempt = rule.floorExempt();
		return entity;
	}

	RowType rowType() {
		return this.rowType;
	}

	Long id() {
		return this.id;
	}

	int position() {
		return this.position;
	}

	RuleKind kind() {
		return this.kind;
	}

	String ruleName() {
		return this.ruleName;
	}

	String phrase() {
		return this.phrase;
	}

	int weight() {
		return this.weight;
	}

	TriageMark mark() {
		return this.mark;
	}

	boolean critical() {
		return this.critical;
	}

	String categoryCode() {
		return this.categoryCode;
	}

	String requestType() {
		return this.requestType;
	}

	/** Changes a draft's phrase row; the rule set checks that it is a draft. */
	void change(PhraseRule rule) {
		if (this.rowType != RowType.PHRASE) {
			throw new IllegalStateException("Rule " + this.id + " is a " + this.rowType + " row, not a phrase");
		}
		this.ruleSet.requireDraft();
		this.kind = rule.kind();
		this.ruleName = rule.rule();
		this.phrase = rule.phrase();
		this.weight = rule.weight();
		this.mark = rule.mark();
		this.critical = rule.critical();
	}

	/** Changes a draft's request-type factor. */
	void changeFactor(int factor) {
		if (this.rowType != RowType.REQUEST_TYPE) {
			throw new IllegalStateException("Rule " + this.id + " is a " + this.rowType + " row, not a request type");
		}
		this.ruleSet.requireDraft();
		this.weight = factor;
	}

	PhraseRule toPhraseRule() {
		return new PhraseRule(this.kind, this.ruleName, this.phrase, this.weight, this.mark, this.critical);
	}

	CategoryDefault toCategoryDefault() {
		return new CategoryDefault(this.categoryCode, this.ruleName, this.levelFloor, this.mark);
	}

	RequestTypeFactor toRequestTypeFactor() {
		return new RequestTypeFactor(this.requestType, this.ruleName, this.weight, this.allKinds, this.exemptWhenNow,
				this.floorExempt);
	}

}
