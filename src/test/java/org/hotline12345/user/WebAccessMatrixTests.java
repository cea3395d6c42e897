package org.hotline12345.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deny by default and the role x screen matrix over EVERY mapped endpoint (checklist #13, #14, #29, #35, #38). A new
 * screen whose URL has no rule in {@link #RULES} fails here, so the URL table of {@link SecurityConfiguration} and
 * this one are kept in step deliberately.
 */
@HotlineIntegrationTest
class WebAccessMatrixTests {

	/** What anonymous visitors may open. */
	private static final Set<String> PUBLIC = Set.of("/login", "/error");

	/**
	 * Prefixes with their own filter chains, tested in their modules: the citizen portal (public), Open311 (api_key) and
	 * the peer platforms' endpoints (HMAC-signed).
	 */
	private static final List<String> OWN_CHAINS = List.of("/api/", "/portal", "/open311/", "/interop/v1/");

	/** URL prefix (or a regular expression starting with ^) -> roles allowed, first match wins (mirrors SecurityConfiguration). */
	private static final Map<String, Set<Role>> RULES = new LinkedHashMap<>();

	static {
		RULES.put("/mfa", EnumSet.noneOf(Role.class));
		RULES.put("/password/", EnumSet.allOf(Role.class));
		RULES.put("/admin/", EnumSet.of(Role.SYS_ADMIN));
		RULES.put("/security/", EnumSet.of(Role.SEC_ADMIN));
		RULES.put("/audit", EnumSet.of(Role.AUDITOR));
		RULES.put("/supervision", EnumSet.of(Role.SUPERVISOR));
		RULES.put("/triage/rules", EnumSet.of(Role.SUPERVISOR));
		RULES.put("/triage/alerts", EnumSet.of(Role.SUPERVISOR));
		RULES.put("^/knowledge/(new|[^/]+/edit)$", EnumSet.of(Role.SUPERVISOR));
		// Justice bureau (sfj) staff only, checked in the handler; the matrix's unit account (rsj) is refused.
		RULES.put("/unit/enforcement", EnumSet.noneOf(Role.class));
		RULES.put("/unit/", EnumSet.of(Role.UNIT_STAFF));
		RULES.put("/intake", EnumSet.of(Role.OPERATOR));
		RULES.put("/callback", EnumSet.of(Role.OPERATOR));
		RULES.put("/dispatch", EnumSet.of(Role.OPERATOR, Role.SUPERVISOR));
		RULES.put("/queues/", EnumSet.of(Role.OPERATOR, Role.SUPERVISOR));
		RULES.put("/knowledge", EnumSet.of(Role.OPERATOR, Role.SUPERVISOR));
		RULES.put("/triage", EnumSet.of(Role.OPERATOR, Role.SUPERVISOR));
		RULES.put("/tickets", EnumSet.of(Role.OPERATOR, Role.SUPERVISOR, Role.UNIT_STAFF));
	}

	private static final Map<Role, String> ACCOUNTS = Map.of(Role.OPERATOR, "operator", Role.UNIT_STAFF, "rsj",
			Role.SUPERVISOR, "supervisor", Role.SYS_ADMIN, "sysadmin", Role.SEC_ADMIN, "secadmin", Role.AUDITOR,
			"auditor");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void anonymousVisitorsReachOnlyTheLoginPageAssetsAndHealth() throws Exception {
		List<String> open = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			if (PUBLIC.contains(endpoint.path()) || OWN_CHAINS.stream().anyMatch(endpoint.path()::startsWith)) {
				continue;
			}
			MockHttpServletResponse response = this.mvc
				.perform(request(org.springframework.http.HttpMethod.valueOf(endpoint.method().name()), endpoint.url())
					.with(csrf()))
				.andReturn()
				.getResponse();
			boolean toLogin = response.getStatus() == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login");
			if (!toLogin) {
				open.add(endpoint + " -> " + response.getStatus());
			}
		}
		assertThat(open).as("endpoints open to anonymous visitors").isEmpty();
		this.mvc.perform(get("/login")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/css/app.css")).andExpect(status().isOk());
	}

	@Test
	void everyRoleReachesExactlyTheScreensItsRulesAllow() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			if (endpoint.method() != RequestMethod.GET || PUBLIC.contains(endpoint.path())
					|| OWN_CHAINS.stream().anyMatch(endpoint.path()::startsWith) || endpoint.path().equals("/")) {
				continue;
			}
			Set<Role> allowed = allowed(endpoint.path());
			if (allowed == null) {
				wrong.add(endpoint + ": no rule in this test (and so, likely, none in SecurityConfiguration)");
				continue;
			}
			for (Role role : Role.values()) {
				int status = this.mvc.perform(get(endpoint.url()).with(user(this.users.loadUserByUsername(ACCOUNTS.get(role)))))
					.andReturn()
					.getResponse()
					.getStatus();
				boolean refused = status == 403;
				if (refused == allowed.contains(role)) {
					wrong.add(role + " GET " + endpoint.url() + " -> " + status + " (allowed: " + allowed + ")");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void authenticatedPagesAreNotCached() throws Exception {
		this.mvc.perform(get("/admin/users").with(user(this.users.loadUserByUsername("sysadmin"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
	}

	@Test
	void hstsOnlyOverHttpsForAYearWithSubdomains() throws Exception {
		this.mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("max-age=31536000"),
					org.hamcrest.Matchers.containsString("includeSubDomains"))));
		this.mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void internalsAreNotExposed() throws Exception {
		for (String path : List.of("/actuator/env", "/actuator/heapdump", "/.git/config", "/actuator/beans")) {
			this.mvc.perform(get(path)).andExpect(status().isFound());
			this.mvc.perform(get(path).with(user(this.users.loadUserByUsername("sysadmin"))))
				.andExpect(status().is(org.hamcrest.Matchers.oneOf(403, 404)));
		}
	}

	@Test
	void overTlsTheSessionCookieIsSecureAndHostPrefixed() {
		SecuritySettings tls = new SecuritySettings(5, Duration.ofMinutes(30), Duration.ofDays(90),
				Duration.ofHours(72), 5, Duration.ofHours(10), 1, 30, Duration.ofMinutes(1), true, Set.of());
		var serializer = new SecurityConfiguration().cookieSerializer(tls);
		var request = new org.springframework.mock.web.MockHttpServletRequest();
		var response = new MockHttpServletResponse();
		serializer.writeCookieValue(new org.springframework.session.web.http.CookieSerializer.CookieValue(request,
				response, "abc"));
		assertThat(response.getHeader("Set-Cookie")).startsWith("__Host-SESSION=")
			.contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax")
			.doesNotContain("Domain");
	}

	private Set<Role> allowed(String path) {
		for (Map.Entry<String, Set<Role>> rule : RULES.entrySet()) {
			if (rule.getKey().startsWith("^")) {
				if (path.matches(rule.getKey())) {
					return rule.getValue();
				}
				continue;
			}
			if (path.equals(rule.getKey()) || path.startsWith(rule.getKey().endsWith("/") ? rule.getKey()
					: rule.getKey() + "/") || path.equals(rule.getKey().replaceAll("/$", ""))) {
				return rule.getValue();
			}
		}
		return null;
	}

	record Endpoint(RequestMethod method, String path) {

		String url() {
			return this.path.replaceAll("\\{[^}]+}", "1");
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	private Set<Endpoint> endpoints() {
		Set<Endpoint> endpoints = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					endpoints.add(new Endpoint(method, pattern));
				}
			}
		}
		assertThat(endpoints).hasSizeGreaterThan(5);
		return endpoints;
	}

}
