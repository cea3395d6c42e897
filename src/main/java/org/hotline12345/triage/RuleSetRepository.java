package org.hotline12345.triage;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RuleSetRepository extends JpaRepository<RuleSetEntity, Long> {

	@EntityGraph(attributePaths = "rules")
	Optional<RuleSetEntity> findByStatus(RuleSetEntity.Status status);

	Optional<RuleSetEntity> findByVersion(int version);

	@EntityGraph(attributePaths = "rules")
	@Query("select r from RuleSetEntity r where r.version = ?1")
	Optional<RuleSetEntity> findWithRulesByVersion(int version);

	/** Every version, newest first, without their rows: the list of versions on the editor's first page. */
	List<RuleSetEntity> findAllByOrderByVersionDesc();

	/** Cheap enough to poll: other instances learn of a publication this way. */
	@Query("select r.version from RuleSetEntity r where r.status = org.hotline12345.triage.RuleSetEntity.Status.PUBLISHED")
	Optional<Integer> findPublishedVersion();

	@Query("select coalesce(max(r.version), 0) from RuleSetEntity r")
	int findHighestVersion();

}
