package org.hotline12345.triage;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Triage beyond a single ticket, under {@code hotline.triage}. The cluster window and threshold themselves are part of
 * the rule set (tuned and published by the centre); these are the switches and the machinery.
 *
 * @param clusters whether 集中 clusters are detected on each new ticket
 * @param repeatCallers whether a second open ticket of the same caller and category is raised
 * @param followUps whether a follow-up call re-grades its ticket
 * @param acceptWarning whether ROUTINE tickets nearing their accept deadline unaccepted are raised to URGENT
 * @param acceptWarningSweep how often that check runs
 * @param clusterExcludedRequestTypes request types that never form clusters: questions about a policy are not an
 * incident, however many callers ask the same day
 * @param backTestPageSize how many tickets a back-test reads per page
 * @param exampleSignal whether the statistical signal learnt from the shipped labelled sets may raise a routine grade
 * to URGENT ({@link ExampleSignal}); it applies to every rule set, published or draft
 * @param exampleSignalFrom the log-odds from which it does so
 */
@ConfigurationProperties("hotline.triage")
record TriageSettings(@DefaultValue("true") boolean clusters, @DefaultValue("true") boolean repeatCallers,
		@DefaultValue("true") boolean followUps, @DefaultValue("true") boolean acceptWarning,
		@DefaultValue("10m") Duration acceptWarningSweep,
		@DefaultValue({ "CONSULTATION", "SUGGESTION", "PRAISE" }) Set<String> clusterExcludedRequestTypes,
		@DefaultValue("1000") int backTestPageSize, @DefaultValue("true") boolean exampleSignal,
		@DefaultValue("8") double exampleSignalFrom) {
}
