package org.hotline12345.triage;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.hotline12345.triage.RuleSet.PhraseRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Grading one ticket with 1,000 phrases loaded: the default rules padded with random two- to four-character hazard
 * phrases (when they have fewer), with the statistical signal as the application uses it, graded on the requests of
 * the labelled evaluation set in turn. Run with
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec@bench}; figures go to docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.AverageTime, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TriageGradingBenchmark {

	private TriageEngine engine;

	private TriageInput[] inputs;

	private int next;

	@Setup
	public void compile() {
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
		this.engine = TriageEngine.compile(new RuleSet(1, defaults.thresholds(), phrases, defaults.categoryDefaults(),
				defaults.requestTypeFactors()), ExampleSignal.shipped(ExampleSignal.DEFAULT_URGENT_FROM));
		this.inputs = TriageEvaluation
			.readTsv(new InputStreamReader(TriageGradingBenchmark.class.getClassLoader()
				.getResourceAsStream(EvaluationSet.RESOURCE), StandardCharsets.UTF_8))
			.stream()
			.map(TriageEvaluation.LabelledCase::input)
			.toArray(TriageInput[]::new);
	}

	@Benchmark
	public TriageResult gradeOneTicket() {
		TriageInput input = this.inputs[this.next];
		this.next = (this.next + 1) % this.inputs.length;
		return this.engine.grade(input);
	}

}
