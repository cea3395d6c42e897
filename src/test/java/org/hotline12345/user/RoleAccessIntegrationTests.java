package org.hotline12345.user;

import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The URL table of {@link SecurityConfiguration} as each role meets it: allowed pages answer, refused ones give the
 * friendly 403 page, anonymous visitors go to the login page.
 */
@HotlineIntegrationTest
class RoleAccessIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService users;

	@ParameterizedTest(name = "{0} GET {1} -> {2}")
	@CsvSource({ "sysadmin, /admin/users, 200", "sysadmin, /audit, 403", "sysadmin, /security/accounts, 403",
			"secadmin, /security/accounts, 200", "secadmin, /admin/users, 403", "secadmin, /audit, 403",
			"auditor, /audit, 200", "auditor, /admin/users, 403", "auditor, /security/accounts, 403",
			"rsj, /admin/users, 403", "rsj, /supervision, 403", "rsj, /audit, 403", "rsj, /intake, 403",
			"operator, /admin/users, 403", "operator, /audit, 403", "operator, /supervision, 403",
			"supervisor, /admin/users, 403", "supervisor, /intake, 403" })
	void rolesReachOnlyTheirOwnScreens(String username, String url, int expected) throws Exception {
		this.mvc.perform(get(url).with(user(this.users.loadUserByUsername(username))))
			.andExpect(status().is(expected));
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/admin/users")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/no/such/page")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void healthAndLoginAreOpen() throws Exception {
		this.mvc.perform(get("/login")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void internalsAreNotExposed() throws Exception {
		this.mvc.perform(get("/actuator/env").with(user(this.users.loadUserByUsername("sysadmin"))))
			.andExpect(status().is(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(403),
					org.hamcrest.Matchers.is(404))));
	}

}
