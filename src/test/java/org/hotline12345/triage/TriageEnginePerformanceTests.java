package org.hotline12345.triage;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.hotline12345.triage.RuleSet.PhraseRule;
import org.hotline12345.triage.TriageEvaluation.LabelledCase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grading must stay well under 1 ms per ticket at p99 with 1,000 phrases loaded. A timing loop, not a
 * JMH benchmark: JMH is not among the build's dependencies; the figure is printed for
 * docs/performance.md. The bound asserted is loose on purpose, since the build machine is shared.
 */
class TriageEnginePerformanceTests {

	@Test
	void gradesOneTicketWellUnderAMillisecondWithAThousandPhrases() {
		RuleSet defaults = RuleSetFormat.defaults();
		List<PhraseRule> phrases = new ArrayList<>(defaults.phrases());
		Random random = new Random(12345);
		String alphabet = "的一是在不了有人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经";
		while (phrases.size() < 1000) {
			StringBuilder phrase = new StringBuilder();
			for (int i = 0; i < 2 + random.nextInt(3); i++) {
				phrase.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			phrases.add(new PhraseRule(RuleKind.HAZARD, "填充", phrase.toString(), 1, null, false));
		}
		// With the statistical signal, as the application grades: it scores every request the rules grade routine.
		TriageEngine engine = TriageEngine.compile(new RuleSet(1, defaults.thresholds(), phrases,
				defaults.categoryDefaults(), defaults.requestTypeFactors()),
				ExampleSignal.shipped(ExampleSignal.DEFAULT_URGENT_FROM));
		List<LabelledCase> cases = TriageEvaluation.readTsv(new InputStreamReader(
				getClass().getResourceAsStream("/triage/evaluation-set.tsv"), StandardCharsets.UTF_8));

		for (int i = 0; i < 20_000; i++) {
			engine.grade(cases.get(i % cases.size()).input());
		}
		int runs = 20_000;
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			TriageInput input = cases.get(i % cases.size()).input();
			long start = System.nanoTime();
			engine.grade(input);
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		double p50 = nanos[runs / 2] / 1000.0;
		double p99 = nanos[(int) (runs * 0.99)] / 1000.0;
		System.out.printf(Locale.ROOT, "triage grading with %d phrases: p50 %.1f µs, p99 %.1f µs, max %.1f µs%n",
				phrases.size(), p50, p99, nanos[runs - 1] / 1000.0);
		assertThat(p99).isLessThan(1000.0);
	}

}
