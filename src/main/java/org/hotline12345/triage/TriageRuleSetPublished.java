package org.hotline12345.triage;

/**
 * A triage rule set version was published and now grades new tickets.
 *
 * @param version the published version
 * @param publishedBy the supervisor who published it
 */
public record TriageRuleSetPublished(int version, String publishedBy) {
}
