package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hotline12345.triage.RuleSet.PhraseRule;
import org.hotline12345.triage.RuleSet.Thresholds;
import org.hotline12345.triage.TriageEvaluation.LabelledCase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistical signal beside the rules: it raises a routine grade that closely resembles labelled urgent requests,
 * names what it matched, and is measured on sets it was not trained on.
 */
class ExampleSignalTests {

	private static final Thresholds THRESHOLDS = new Thresholds(30, 60, 15, 4, 8, 10, 20, 12, 10, 20);

	private static final RuleSet FIRE_ONLY = new RuleSet(1, THRESHOLDS,
			List.of(new PhraseRule(RuleKind.HAZARD, "生命危险", "着火", 60, null, true)), List.of(), List.of(
					new RuleSet.RequestTypeFactor("PRAISE", "表扬", 0, true, false, true)));

	private static final List<LabelledCase> EXAMPLES = List.of(
			labelled(TriageLevel.CRITICAL, "河里有人在扑腾，快来人救命"),
			labelled(TriageLevel.CRITICAL, "塘里有个人在扑腾，喊救命"),
			labelled(TriageLevel.URGENT, "桥下水里有人在扑腾，赶紧来"),
			labelled(TriageLevel.ROUTINE, "小区绿化带的草很久没修剪了"),
			labelled(TriageLevel.ROUTINE, "想咨询一下公积金怎么提取"),
			labelled(TriageLevel.ROUTINE, "建议公园多放几张长椅"));

	@Test
	void raisesARoutineGradeThatResemblesUrgentRequestsAndSaysWhy() {
		TriageEngine engine = TriageEngine.compile(FIRE_ONLY, ExampleSignal.train(EXAMPLES, 2));

		TriageResult result = engine.grade(TriageInput.of("江里有人在扑腾，快救命"));

		assertThat(result.level()).isEqualTo(TriageLevel.URGENT);
		assertThat(result.explain()).contains("相似案例", "扑腾", "→ 至少紧急");
		assertThat(TriageEngine.compile(FIRE_ONLY).grade(TriageInput.of("江里有人在扑腾，快救命")).level())
			.as("the rules alone have no phrase for it").isEqualTo(TriageLevel.ROUTINE);
	}

	@Test
	void leavesRequestsUnlikeTheUrgentOnesAlone() {
		TriageEngine engine = TriageEngine.compile(FIRE_ONLY, ExampleSignal.train(EXAMPLES, 2));

		TriageResult result = engine.grade(TriageInput.of("小区里的草坪想咨询一下怎么修剪"));

		assertThat(result.level()).isEqualTo(TriageLevel.ROUTINE);
		assertThat(result.explain()).doesNotContain("相似案例");
	}

	@Test
	void neverMakesAGradeCriticalNorLowersOneNorReadsPraise() {
		TriageEngine engine = TriageEngine.compile(FIRE_ONLY, ExampleSignal.train(EXAMPLES, 2));

		assertThat(engine.grade(TriageInput.of("河里有人在扑腾，快来人救命，岸边草着火了")).level())
			.isEqualTo(TriageLevel.CRITICAL);
		assertThat(engine.grade(TriageInput.of("河里有人在扑腾，快来人救命")).level()).isEqualTo(TriageLevel.URGENT);
		assertThat(engine.grade(TriageInput.of("感谢上次河里有人在扑腾时快来救命的民警", "PRAISE")).level())
			.isEqualTo(TriageLevel.ROUTINE);
	}

	@Test
	void anEmptyTrainingSetIsNoSignal() {
		assertThat(ExampleSignal.train(List.of(), 2).isEmpty()).isTrue();
		assertThat(ExampleSignal.NONE.urgency(TriageInput.of("河里有人在扑腾")).raises()).isFalse();
	}

	/**
	 * Leave one set out: for each shipped set the signal is trained on the others and measured ALONE on the held-out
	 * one (urgent when its log-odds reach the shipped threshold), and the evaluation set — never trained on — with the
	 * signal trained on all of them. These are the figures in docs/triage.md; the floors are what was measured.
	 */
	@Test
	void measuredAloneOnSetsItWasNotTrainedOn() {
		List<String> sets = List.of("triage/evaluation-set.tsv", "triage/tuning-set-2.tsv", "triage/tuning-set-3.tsv",
				"triage/spot-checks-triage4.tsv", "triage/tuning-set-4.tsv");
		for (String set : sets) {
			ExampleSignal signal = ExampleSignal.shipped(ExampleSignal.DEFAULT_URGENT_FROM, set);
			List<LabelledCase> cases = TriageEvaluation.readTsv(new InputStreamReader(
					getClass().getClassLoader().getResourceAsStream(set), StandardCharsets.UTF_8));
			int tp = 0;
			int fp = 0;
			int fn = 0;
			for (LabelledCase c : cases) {
				boolean urgent = c.expectedLevel() != TriageLevel.ROUTINE;
				boolean raised = signal.urgency(c.input()).raises();
				if (urgent && raised) {
					tp++;
				}
				else if (raised) {
					fp++;
				}
				else if (urgent) {
					fn++;
				}
			}
			double recall = tp / (double) (tp + fn);
			double precision = tp / (double) Math.max(1, tp + fp);
			System.out.printf(Locale.ROOT, "signal alone, held out %s: urgent recall %.3f, precision %.3f%n", set,
					recall, precision);
			assertThat(recall).as(set).isGreaterThanOrEqualTo(0.80);
			assertThat(precision).as(set).isGreaterThanOrEqualTo(0.95);
		}
	}

	@Test
	void featuresAreTheTwoAndThreeCharacterSequencesAndTheRequestType() {
		assertThat(ExampleSignal.features(TriageInput.of("着火了！", "HELP")))
			.isEqualTo(Set.of("着火", "火了", "着火了", "类型=HELP"));
	}

	private static LabelledCase labelled(TriageLevel level, String text) {
		return new LabelledCase(level, Set.of(), TriageInput.of(text, "HELP"));
	}

}
