package org.hotline12345.triage;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hotline12345.triage.TriageEvaluation.LabelledCase;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The hand-labelled requests shipped with the application ({@value #RESOURCE}), so that supervisors see the same
 * figures for the published and the draft rules as the build's evaluation test checks.
 */
@Component
class EvaluationSet {

	static final String RESOURCE = "triage/evaluation-set.tsv";

	private volatile List<LabelledCase> cases;

	List<LabelledCase> cases() {
		List<LabelledCase> loaded = this.cases;
		if (loaded == null) {
			try (InputStreamReader reader = new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(),
					StandardCharsets.UTF_8)) {
				loaded = TriageEvaluation.readTsv(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.cases = loaded;
		}
		return loaded;
	}

}
