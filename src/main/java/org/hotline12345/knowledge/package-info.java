/**
 * 知识库: the articles operators answer callers from (直接答复), searchable in Chinese, maintained by supervisors.
 * {@link org.hotline12345.knowledge.KnowledgeBase} is the API the intake screen asks for suggestions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "department", "user", "shared" })
package org.hotline12345.knowledge;
