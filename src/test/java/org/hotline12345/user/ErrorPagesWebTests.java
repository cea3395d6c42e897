package org.hotline12345.user;

import java.net.http.HttpResponse;

import org.hotline12345.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages and headers as a browser meets them on the running server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ErrorPagesWebTests {

	@LocalServerPort
	int port;

	@Test
	void aUnitUserOnAnAdminPageGetsTheFriendly403Page() {
		WebClient browser = new WebClient(this.port);
		assertThat(browser.login("rsj", DemoAccounts.PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/unit/tickets"));
		HttpResponse<String> page = browser.get("/admin/users");
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("无权访问", "错误编号").doesNotContain("Exception", "at org.");
	}

	@Test
	void anUnknownPageIsTheFriendly404PageWithoutInternals() {
		WebClient browser = new WebClient(this.port);
		browser.login("operator", DemoAccounts.PASSWORD);
		HttpResponse<String> page = browser.get("/tickets/NT20990101999999");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("页面不存在").doesNotContain("Exception", "org.hotline12345");
	}

	@Test
	void everyPageCarriesTheSecurityHeaders() {
		HttpResponse<String> page = new WebClient(this.port).get("/login");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying((csp) -> assertThat(csp)
			.contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'"));
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("Referrer-Policy")).isPresent();
	}

	@Test
	void theLoginPageSpeaksEnglishOnRequest() {
		assertThat(new WebClient(this.port).get("/login?lang=en").body()).contains("Staff login");
		assertThat(new WebClient(this.port).get("/login").body()).contains("工作人员登录");
	}

}
