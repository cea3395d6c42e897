package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.hotline12345.triage.RuleSet.CategoryDefault;
import org.hotline12345.triage.RuleSet.PhraseRule;
import org.hotline12345.triage.RuleSet.RequestTypeFactor;
import org.hotline12345.triage.RuleSet.Thresholds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a rule set from the JSON of {@code triage/default-rules.json}: phrases come in groups that share
 * kind, rule name, weight, mark and critical flag, which keeps a thousand phrases readable.
 */
final class RuleSetFormat {

	static final String DEFAULT_RESOURCE = "triage/default-rules.json";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private RuleSetFormat() {
	}

	/**
	 * @return the default rule set shipped with the application, as version {@code 1}
	 */
	static RuleSet defaults() {
		try (InputStream in = RuleSetFormat.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing classpath resource " + DEFAULT_RESOURCE);
			}
			return read(in).withVersion(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static RuleSet read(InputStream in) {
		JsonNode root = MAPPER.readTree(in);
		JsonNode t = root.required("thresholds");
		Thresholds thresholds = new Thresholds(t.required("urgent").asInt(), t.required("critical").asInt(),
				t.required("amplifierGate").asInt(), t.required("negationWindow").asInt(),
				t.required("gapWindow").asInt(), t.required("scaleMinCount").asInt(), t.required("scaleWeight").asInt(),
				t.required("durationMinHours").asInt(), t.required("durationWeight").asInt(),
				t.required("vulnerableFlagWeight").asInt());
		List<PhraseRule> phrases = new ArrayList<>();
		for (JsonNode group : root.required("groups")) {
			RuleKind kind = RuleKind.valueOf(group.required("kind").asString());
			String rule = group.required("rule").asString();
			int weight = group.required("weight").asInt();
			TriageMark mark = group.hasNonNull("mark") ? TriageMark.valueOf(group.get("mark").asString()) : null;
			boolean critical = group.path("critical").asBoolean(false);
			for (JsonNode phrase : group.required("phrases")) {
				phrases.add(new PhraseRule(kind, rule, phrase.asString(), weight, mark, critical));
			}
		}
		List<CategoryDefault> categories = new ArrayList<>();
		for (JsonNode c : root.path("categoryDefaults")) {
			categories.add(new CategoryDefault(c.required("categoryCode").asString(), c.required("rule").asString(),
					TriageLevel.valueOf(c.required("floor").asString()),
					c.hasNonNull("mark") ? TriageMark.valueOf(c.get("mark").asString()) : null));
		}
		List<RequestTypeFactor> types = new ArrayList<>();
		for (JsonNode r : root.path("requestTypes")) {
			types.add(new RequestTypeFactor(r.required("requestType").asString(), r.required("label").asString(),
					r.required("factor").asInt(), r.path("allKinds").asBoolean(false),
					r.path("exemptWhenNow").asBoolean(false), r.path("floorExempt").asBoolean(false)));
		}
		RuleSet.Cluster cluster = RuleSet.Cluster.DEFAULTS;
		JsonNode c = root.path("cluster");
		if (c.isObject()) {
			cluster = new RuleSet.Cluster(c.path("windowHours").asInt(cluster.windowHours()),
					c.path("threshold").asInt(cluster.threshold()), c.path("similarity").asInt(cluster.similarity()));
		}
		return new RuleSet(root.path("version").asInt(0), thresholds, phrases, categories, types, cluster);
	}

}
