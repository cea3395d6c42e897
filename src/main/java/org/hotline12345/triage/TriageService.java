package org.hotline12345.triage;

import org.springframework.stereotype.Service;

/**
 * Grades requests: {@link #preview} with the published rules (intake, the API, the "try it" box),
 * {@link #grade(TriageInput, RuleSet)} with any rule set (back-tests of a draft).
 */
@Service
public class TriageService {

	private final TriageRules rules;

	/** Back-tests grade many tickets with one draft: keep its compiled engine. */
	private volatile TriageEngine lastDraft;

	TriageService(TriageRules rules) {
		this.rules = rules;
	}

	/**
	 * Grades a request with the published rule set; nothing is stored.
	 * @param input the request
	 * @return the grade with its reasons and the version of the rules
	 */
	public TriageResult preview(TriageInput input) {
		return this.rules.current().grade(input);
	}

	/**
	 * Grades a request with the given rule set, e.g. a draft under back-test.
	 * @param input the request
	 * @param ruleSet the rules to grade with
	 * @return the grade with its reasons
	 */
	public TriageResult grade(TriageInput input, RuleSet ruleSet) {
		TriageEngine engine = this.lastDraft;
		if (engine == null || engine.ruleSet() != ruleSet) {
			engine = this.rules.compile(ruleSet);
			this.lastDraft = engine;
		}
		return engine.grade(input);
	}

	/**
	 * @return the published rule set, e.g. as the starting point of a new draft
	 */
	public RuleSet currentRuleSet() {
		return this.rules.current().ruleSet();
	}

}
