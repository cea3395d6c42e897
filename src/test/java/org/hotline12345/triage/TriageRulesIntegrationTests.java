package org.hotline12345.triage;

import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The stored rule sets on the test PostgreSQL: the defaults are imported once into an empty database, publishing
 * retires the old version and publishes the draft in one transaction (the database allows one PUBLISHED row), and the
 * engine grades with the new version at once.
 */
@HotlineIntegrationTest
class TriageRulesIntegrationTests {

	@Autowired
	TriageRules rules;

	@Autowired
	RuleSetDrafts drafts;

	@Autowired
	TriageService service;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anEmptyDatabaseImportsTheDefaultsOnceAsVersionOne() {
		this.jdbc.update("DELETE FROM triage_rule_set");
		TriageEngine first = this.rules.reload();
		TriageEngine second = this.rules.reload();

		assertThat(first.ruleSet()).isEqualTo(RuleSetFormat.defaults());
		assertThat(second.ruleSet()).isEqualTo(first.ruleSet());
		assertThat(this.jdbc.queryForList("SELECT version || ':' || status FROM triage_rule_set", String.class))
			.containsExactly("1:PUBLISHED");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM triage_rule r JOIN triage_rule_set s ON s.id = r.rule_set_id",
				Integer.class))
			.isEqualTo(RuleSetFormat.defaults().phrases().size() + RuleSetFormat.defaults().categoryDefaults().size()
					+ RuleSetFormat.defaults().requestTypeFactors().size());
	}

	@Test
	void publishingRetiresTheOldVersionAndGradesWithTheNewOneAtOnce() {
		int before = this.service.currentRuleSet().version();
		String text = "小区门口出现大量蓝色泡沫怪物测试词";
		assertThat(this.service.preview(TriageInput.of(text)).level().name()).isEqualTo("ROUTINE");

		int draft = this.drafts.createDraft("supervisor");
		assertThat(this.drafts.createDraft("supervisor")).as("one draft at a time").isEqualTo(draft);
		this.drafts.addPhrase(draft, new RuleSet.PhraseRule(RuleKind.HAZARD, "测试危险", "蓝色泡沫怪物", 70, null, true));
		this.drafts.publish(draft, "supervisor");

		assertThat(this.jdbc.queryForObject("SELECT status FROM triage_rule_set WHERE version = ?", String.class, before))
			.isEqualTo("RETIRED");
		assertThat(this.jdbc.queryForObject("SELECT status FROM triage_rule_set WHERE version = ?", String.class, draft))
			.isEqualTo("PUBLISHED");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM triage_rule_set WHERE status = 'PUBLISHED'",
				Integer.class)).isOne();
		TriageResult after = this.service.preview(TriageInput.of(text));
		assertThat(after.ruleSetVersion()).isEqualTo(draft);
		assertThat(after.level().name()).isEqualTo("CRITICAL");
		assertThat(this.drafts.find(before)).isPresent();
	}

	@Test
	void aPublishedVersionCannotBeEditedOrPublishedAgain() {
		int published = this.service.currentRuleSet().version();
		assertThatIllegalStateException().isThrownBy(() -> this.drafts.publish(published, "supervisor"));
		assertThatIllegalStateException().isThrownBy(() -> this.drafts
			.addPhrase(published, new RuleSet.PhraseRule(RuleKind.HAZARD, "x", "不该加上", 10, null, false)));
		assertThat(this.service.currentRuleSet().version()).isEqualTo(published);
	}

	@Test
	void aFailedPublishLeavesThePublishedVersionInPlace() {
		int published = this.service.currentRuleSet().version();
		int draft = this.drafts.createDraft("supervisor");
		// The draft row vanishes under the publication: nothing may be retired.
		this.jdbc.update("UPDATE triage_rule_set SET status = 'RETIRED', published_at = now() WHERE version = ?", draft);
		assertThatIllegalStateException().isThrownBy(() -> this.rules.publish(draft, "supervisor"));
		assertThat(this.jdbc.queryForObject("SELECT version FROM triage_rule_set WHERE status = 'PUBLISHED'",
				Integer.class)).isEqualTo(published);
		this.jdbc.update("DELETE FROM triage_rule_set WHERE version = ?", draft);
	}

}
