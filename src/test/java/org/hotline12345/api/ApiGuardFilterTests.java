package org.hotline12345.api;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Throttling (429) and the body limit (400), before any controller reads a byte. */
class ApiGuardFilterTests {

	ApiRateLimiterTests.MovableClock clock = new ApiRateLimiterTests.MovableClock(Instant.parse("2025-02-18T06:00:00Z"));

	ApiProblems problems;

	@BeforeEach
	void setUp() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/api");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		this.problems = new ApiProblems(messages, JsonMapper.builder().build());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("rsj", null,
					AuthorityUtils.createAuthorityList("ROLE_UNIT_STAFF")));
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCallerOverItsLimitGets429WithRetryAfter() throws Exception {
		ApiGuardFilter filter = new ApiGuardFilter(new ApiRateLimiter(2, this.clock), 1024, this.problems);
		int[] passed = new int[1];
		FilterChain chain = (request, response) -> passed[0]++;
		for (int i = 0; i < 2; i++) {
			filter.doFilter(request("token:7"), new MockHttpServletResponse(), chain);
		}
		MockHttpServletResponse refused = new MockHttpServletResponse();
		filter.doFilter(request("token:7"), refused, chain);
		assertThat(passed[0]).isEqualTo(2);
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":429")
			.contains("请求过于频繁，请在 30 秒后重试。")
			.contains("\"instance\":\"/api/v1/tickets\"");
		MockHttpServletResponse other = new MockHttpServletResponse();
		filter.doFilter(request("token:8"), other, chain);
		assertThat(other.getStatus()).as("each token has its own allowance").isEqualTo(200);
	}

	@Test
	void aBodyOverTheLimitIs400BeforeItIsRead() throws Exception {
		ApiGuardFilter filter = new ApiGuardFilter(new ApiRateLimiter(0, this.clock), 1024, this.problems);
		MockHttpServletRequest request = request("token:7");
		request.setContent(new byte[2048]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, (req, res) -> {
			throw new AssertionError("must not be reached");
		});
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("请求体过大（上限 1 KB）");
	}

	@Test
	void aBodyWithoutALengthIsCutOffAtTheLimit() throws Exception {
		ApiGuardFilter filter = new ApiGuardFilter(new ApiRateLimiter(0, this.clock), 1024, this.problems);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/tickets") {
			@Override
			public long getContentLengthLong() {
				return -1;
			}
		};
		request.setContent(new byte[4096]);
		filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			InputStream in = ((HttpServletRequest) req).getInputStream();
			assertThatThrownBy(in::readAllBytes).isInstanceOf(ApiGuardFilter.BodyTooLargeException.class);
		});
	}

	private static MockHttpServletRequest request(String caller) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/tickets");
		request.setAttribute(ApiTokenAuthenticationFilter.CALLER, caller);
		return request;
	}

}
