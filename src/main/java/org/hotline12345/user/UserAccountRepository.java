package org.hotline12345.user;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	@Query("select u from UserAccount u where lower(u.username) = lower(?1)")
	Optional<UserAccount> findByUsername(String username);

	List<UserAccount> findAllByOrderByRoleAscUsernameAsc();

	List<UserAccount> findByUnitId(Long unitId);

	boolean existsByRole(Role role);

	/** Demo only: see {@link DemoAccounts}. */
	@Modifying
	@Query("update UserAccount u set u.passwordChangedAt = ?1 where u.passwordChangedAt < ?2 and u.mustChangePassword = false")
	int keepPasswordsFresh(java.time.Instant now, java.time.Instant olderThan);

}
