package org.hotline12345.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.user.HotlineUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hotline12345.api.ApiTestSupport.as;
import static org.hotline12345.api.ApiTestSupport.newTicketJson;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may call the API: tokens issued on the admin screen and revoked there, Basic for scripts, nothing without
 * credentials; stateless (no session, no CSRF) and the screens' chain untouched.
 */
@HotlineIntegrationTest
class ApiAuthenticationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void withoutCredentialsTheAnswerIs401ProblemJson() throws Exception {
		this.mvc.perform(get("/api/v1/units"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE, hasItem(containsString("Bearer"))))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value(containsString("缺少身份凭证")));
		this.mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content(newTicketJson("x")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/no-such-thing")).andExpect(status().isUnauthorized());
	}

	@Test
	void aWrongTokenIs401() throws Exception {
		this.mvc.perform(get("/api/v1/units").header(HttpHeaders.AUTHORIZATION, "Bearer demo-nobody-token"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("身份凭证无效")));
		this.mvc.perform(get("/api/v1/units").header(HttpHeaders.AUTHORIZATION, "Bearer "))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aDemoTokenActsAsItsAccount() throws Exception {
		this.mvc.perform(as("rsj", get("/api/v1/tickets")))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from api_token where username = 'rsj' and token_hash = ? and revoked_at is null",
				Integer.class, ApiTokens.hash("demo-rsj-token")))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList("select token_hash from api_token", String.class))
			.noneMatch((hash) -> hash.contains("demo"));
	}

	@Test
	void basicAuthenticationWorksForScriptsWithTheAccountsPassword() throws Exception {
		this.mvc.perform(get("/api/v1/tickets").header(HttpHeaders.AUTHORIZATION, basic("supervisor", "Demo@12345")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/tickets").header(HttpHeaders.AUTHORIZATION, basic("supervisor", "wrong")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("身份凭证无效")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where event_type = 'LOGIN' and outcome = 'FAILURE' and actor = 'supervisor'",
				Integer.class))
			.isPositive();
		// A failed attempt counts towards the lockout; reset it so other tests log in as usual.
		this.jdbc.update("update app_user set failed_attempts = 0 where username = 'supervisor'");
	}

	@Test
	void theApiNeedsNoCsrfTokenAndCreatesNoSession() throws Exception {
		MvcResult result = this.mvc
			.perform(as("operator", post("/api/v1/tickets")).contentType(MediaType.APPLICATION_JSON)
				.content(newTicketJson("无需 CSRF 的接口调用")))
			.andExpect(status().isCreated())
			.andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
	}

	@Test
	void aTokenIssuedOnTheAdminScreenWorksUntilRevoked() throws Exception {
		HotlineUser admin = (HotlineUser) this.users.loadUserByUsername("sysadmin");
		MvcResult issued = this.mvc
			.perform(post("/admin/api-tokens").with(user(admin))
				.with(csrf())
				.param("username", "wjw")
				.param("label", "卫健委业务系统"))
			.andExpect(redirectedUrl("/admin/api-tokens"))
			.andExpect(flash().attribute("message", "api.tokens.issued"))
			.andReturn();
		ApiTokens.IssuedToken token = (ApiTokens.IssuedToken) issued.getFlashMap().get("issued");
		assertThat(token.token()).startsWith("h12345_").hasSizeGreaterThan(40);
		assertThat(token.username()).isEqualTo("wjw");

		// Shown once, on the page after issuing; never again.
		// Sessions live in the database (Spring Session JDBC): the page after the redirect reads the flash through
		// the session cookie, as a browser would.
		MockHttpSession session = (MockHttpSession) issued.getRequest().getSession();
		jakarta.servlet.http.Cookie sessionCookie = issued.getResponse().getCookie("SESSION");
		assertThat(sessionCookie).isNotNull();
		this.mvc.perform(get("/admin/api-tokens").with(user(admin)).cookie(sessionCookie))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(token.token())));
		this.mvc.perform(get("/admin/api-tokens").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("卫健委业务系统")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(token.token()))));
		assertThat(session).isNotNull();

		this.mvc.perform(get("/api/v1/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.token()))
			.andExpect(status().isOk());
		this.mvc.perform(post("/admin/api-tokens/" + token.id() + "/revoke").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/api-tokens"))
			.andExpect(flash().attribute("message", "api.tokens.revoked"));
		this.mvc.perform(get("/api/v1/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.token()))
			.andExpect(status().isUnauthorized());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where event_type in ('API_TOKEN_ISSUED', 'API_TOKEN_REVOKED') and object_id = 'wjw'",
				Integer.class))
			.isEqualTo(2);
	}

	@Test
	void theAdminScreenRefusesUnknownAccountsAndOtherRoles() throws Exception {
		HotlineUser admin = (HotlineUser) this.users.loadUserByUsername("sysadmin");
		this.mvc.perform(post("/admin/api-tokens").with(user(admin)).with(csrf()).param("username", "nobody")
			.param("label", "测试"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("没有这个账号")));
		this.mvc.perform(get("/admin/api-tokens").with(user(this.users.loadUserByUsername("operator"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/api-tokens").with(user(admin)).param("username", "wjw").param("label", "x"))
			.andExpect(status().isForbidden());
	}

	private static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
