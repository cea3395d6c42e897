/**
 * 知识库: the articles operators answer callers from (直接答复), searchable in Chinese, maintained by supervisors.
 * {@link org.hotline12345.knowledge.KnowledgeBase} is the API the intake screen asks for suggestions. Every change to an
 * article is recorded in the audit trail.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "department", "user", "shared" })
package org.hotline12345.knowledge;
