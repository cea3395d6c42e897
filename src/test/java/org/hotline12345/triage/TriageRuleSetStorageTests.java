package org.hotline12345.triage;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The mapping between the rule set value and its stored rows, without a database: what goes in comes
 * back out unchanged, so a published version grades exactly as the default resource does.
 */
class TriageRuleSetStorageTests {

	@Test
	void defaultRulesSurviveTheRoundTripThroughEntities() {
		RuleSet defaults = RuleSetFormat.defaults();
		RuleSetEntity entity = RuleSetEntity.of(defaults, "system", Instant.EPOCH, Instant.EPOCH, "test");
		assertThat(entity.toRuleSet()).isEqualTo(defaults);
		assertThat(entity.status()).isEqualTo(RuleSetEntity.Status.PUBLISHED);
	}

	@Test
	void defaultRulesAreVersionOneAndSizeable() {
		RuleSet defaults = RuleSetFormat.defaults();
		assertThat(defaults.version()).isEqualTo(1);
		assertThat(defaults.phrases()).hasSizeGreaterThan(500);
		assertThat(defaults.phrases()).allSatisfy((p) -> assertThat(p.phrase().length()).isLessThanOrEqualTo(100));
	}

	@Test
	void onlyADraftCanBePublished() {
		RuleSetEntity draft = RuleSetEntity.of(RuleSetFormat.defaults().withVersion(2), "supervisor", Instant.EPOCH, null,
				null);
		draft.publish(Instant.EPOCH);
		assertThat(draft.status()).isEqualTo(RuleSetEntity.Status.PUBLISHED);
		assertThatIllegalStateException().isThrownBy(() -> draft.publish(Instant.EPOCH))
			.withMessage("Cannot publish triage rule set v2 in status PUBLISHED");
	}

}
