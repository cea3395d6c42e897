package org.hotline12345.user;

import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HotlineIntegrationTest
class LoginIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@ParameterizedTest
	@CsvSource({ "operator, /intake", "supervisor, /supervision", "rsj, /unit/tickets", "sysadmin, /mfa",
			"secadmin, /mfa", "auditor, /mfa" })
	void eachRoleLandsOnItsOwnHomePage(String username, String home) throws Exception {
		this.mvc.perform(formLogin().user(username).password(DemoAccounts.PASSWORD))
			.andExpect(authenticated())
			.andExpect(redirectedUrl(home));
	}

	@Test
	void wrongPasswordShowsAClearMessage() throws Exception {
		this.mvc.perform(formLogin().user("operator2").password("wrong-password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("用户名或密码错误")));
	}

	@Test
	void passwordsAreStoredOnlyAsHashes() {
		assertThat(this.jdbc.queryForList("select password from app_user", String.class))
			.isNotEmpty()
			.allSatisfy((hash) -> assertThat(hash).startsWith("{bcrypt}"));
	}

	@Test
	void loginIdsAreUniqueWhateverTheirCase() {
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where lower(username) = 'operator'",
				Integer.class))
			.isEqualTo(1);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.update("""
					insert into app_user (username, display_name, password, role, password_changed_at, created_at)
					values ('OPERATOR', 'x', '{bcrypt}x', 'OPERATOR', now(), now())"""))
			.isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
	}

	@Test
	void loginsAndFailuresAreAudited() throws Exception {
		this.mvc.perform(formLogin().user("operator").password(DemoAccounts.PASSWORD));
		this.mvc.perform(formLogin().user("nobody").password("x"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where event_type = 'LOGIN' and actor = 'operator' and outcome = 'SUCCESS'",
				Integer.class))
			.isPositive();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where event_type = 'LOGIN' and actor = 'nobody' and outcome = 'FAILURE'",
				Integer.class))
			.isPositive();
	}

}
