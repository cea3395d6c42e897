package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hotline12345.triage.RuleSet.CategoryDefault;
import org.hotline12345.triage.RuleSet.PhraseRule;
import org.hotline12345.triage.RuleSet.Thresholds;

/**
 * The rule editor's forms, one per kind of rule. Messages are keys in {@code i18n/triage*.properties}.
 */
final class RuleForms {

	private RuleForms() {
	}

	/**
	 * A phrase rule: for scoring kinds the weight is points, for modifiers a factor in percent.
	 */
	record PhraseForm(@NotNull(message = "{triage.form.kind.required}") RuleKind kind,
			@NotBlank(message = "{triage.form.rule.required}") @Size(max = 50, message = "{triage.form.rule.size}") String rule,
			@NotBlank(message = "{triage.form.phrase.required}") @Size(max = 100, message = "{triage.form.phrase.size}")
			@Pattern(regexp = "[^\\t\\n\\r]*", message = "{triage.form.phrase.oneLine}") String phrase,
			@NotNull(message = "{triage.form.weight.required}") @Min(value = 0, message = "{triage.form.weight.range}")
			@Max(value = 200, message = "{triage.form.weight.range}") Integer weight,
			TriageMark mark, Boolean critical) {

		static PhraseForm empty() {
			return new PhraseForm(RuleKind.HAZARD, null, null, 20, null, false);
		}

		static PhraseForm of(RuleEntity rule) {
			return new PhraseForm(rule.kind(), rule.ruleName(), rule.phrase(), rule.weight(), rule.mark(), rule.critical());
		}

		PhraseRule toRule() {
			return new PhraseRule(this.kind, this.rule.strip(), this.phrase.strip(), this.weight, this.mark,
					Boolean.TRUE.equals(this.critical));
		}

	}

	/**
	 * A category's minimum level.
	 */
	record CategoryForm(@NotBlank(message = "{triage.form.category.required}") String categoryCode,
			@NotBlank(message = "{triage.form.rule.required}") @Size(max = 50, message = "{triage.form.rule.size}") String rule,
			@NotNull(message = "{triage.form.floor.required}") TriageLevel floor, TriageMark mark) {

		static CategoryForm empty() {
			return new CategoryForm(null, "类别默认", TriageLevel.URGENT, null);
		}

		CategoryDefault toRule() {
			return new CategoryDefault(this.categoryCode.strip(), this.rule.strip(), this.floor, this.mark);
		}

	}

	/**
	 * The score thresholds, engine windows and cluster settings of a rule set.
	 */
	record SettingsForm(
			@NotNull(message = "{triage.form.number.required}") @Min(value = 1, message = "{triage.form.threshold.range}") @Max(value = 500, message = "{triage.form.threshold.range}") Integer urgent,
			@NotNull(message = "{triage.form.number.required}") @Min(value = 1, message = "{triage.form.threshold.range}") @Max(value = 500, message = "{triage.form.threshold.range}") Integer critical,
			@NotNull(message = "{triage.form.number.required}") @Min(value = 0, message = "{triage.form.threshold.range}") @Max(value = 500, message = "{triage.form.threshold.range}") Integer amplifierGate,
			@NotNull(message = "{triage.form.number.required}") @Min(value = 0, message = "{triage.form.window.range}") @Max(value = 20, message = "{triage.form.window.range}") Integer negationWindow,
			@NotNull(message = "{triage.form.number.required}") @Min(value = 0, message = "{triage.form.window.range}") @Max(value = 20, message = "{triage.form.window.range}") Integer gapWindow,
			@NotNull(message = "{triage.form.number.required}") @Min(value = 2, message = "{triage.form.count.range}") @Max(value = 10000, message = "{triage.form.count.range}") Integer scaleMinCount,
			@NotNull(message = "{triage.form.number.required}") @Min(value = 0, message = "{triage.form.weight.range}") @Max(value = 200, message = "{triage.form.weight.range}") Integer scaleWeight,
			@NotNull(message = "{triage.form.number.required}") @Min(value = 1, message = "{triage.form.hours.range}") @Max(value = 720, message = "{triage.form.hours.range}") Integer durationMinHours,
			@NotNull(message = "{triage.form.number.required}") @Min(value = 0, message = "{triage.form.weight.range}") @Max(value = 200, message = "{triage.form.weight.range}") Integer durationWeight,
			@NotNull(message = "{triage.form.number.required}") @Min(value = 0, message = "{triage.form.weight.range}") @Max(value = 200, message = "{triage.form.weight.range}") Integer vulnerableFlagWeight,
			@NotNull(message = "{triage.form.number.required}") @Min(value = 1, message = "{triage.form.clusterWindow.range}") @Max(value = 168, message = "{triage.form.clusterWindow.range}") Integer clusterWindowHours,
			@NotNull(message = "{triage.form.number.required}") @Min(value = 2, message = "{triage.form.clusterThreshold.range}") @Max(value = 100, message = "{triage.form.clusterThreshold.range}") Integer clusterThreshold,
			@NotNull(message = "{triage.form.number.required}") @Min(value = 30, message = "{triage.form.similarity.range}") @Max(value = 100, message = "{triage.form.similarity.range}") Integer clusterSimilarity) {

		static SettingsForm of(RuleSet rules) {
			Thresholds t = rules.thresholds();
			RuleSet.Cluster c = rules.cluster();
			return new SettingsForm(t.urgent(), t.critical(), t.amplifierGate(), t.negationWindow(), t.gapWindow(),
					t.scaleMinCount(), t.scaleWeight(), t.durationMinHours(), t.durationWeight(), t.vulnerableFlagWeight(),
					c.windowHours(), c.threshold(), c.similarity());
		}

		Thresholds thresholds() {
			return new Thresholds(this.urgent, this.critical, this.amplifierGate, this.negationWindow, this.gapWindow,
					this.scaleMinCount, this.scaleWeight, this.durationMinHours, this.durationWeight,
					this.vulnerableFlagWeight);
		}

		RuleSet.Cluster cluster() {
			return new RuleSet.Cluster(this.clusterWindowHours, this.clusterThreshold, this.clusterSimilarity);
		}

	}

}
