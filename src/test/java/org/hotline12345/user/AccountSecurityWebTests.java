package org.hotline12345.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.WebClient;
import org.hotline12345.shared.PersonalDataProtection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Login, lockout, throttling, password policy, second factor and sessions as a browser meets them on the running
 * server, with a clock the test moves (checklist #1-#12, #18).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hotline.security.max-sessions-per-user=1")
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import(MovableClock.Config.class)
class AccountSecurityWebTests {

	static final String PASSWORD = "Hx#9kq2!Lm";

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	PersonalDataProtection protection;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	Credentials credentials;

	@Autowired
	BootstrapAdministrator bootstrap;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void freshThrottleWindow() {
		// Every test logs in from 127.0.0.1: start each past the previous one's throttle window.
		this.clock.advance(Duration.ofMinutes(2));
	}

	// ---- lockout (#6) and throttling (#7)

	@Test
	void fiveFailuresLockTheAccountForThirtyMinutesWithTheSameMessageAsAnUnknownUser() {
		String username = newUser(Role.OPERATOR);
		WebClient browser = browser();
		for (int i = 0; i < 5; i++) {
			assertThat(location(browser.login(username, "wrong-" + i))).endsWith("/login?error");
		}
		assertThat(location(browser.login(username, PASSWORD))).as("locked, right password").endsWith("/login?error");
		String lockedMessage = alert(browser.get("/login?error").body());
		WebClient stranger = browser();
		assertThat(location(stranger.login("no-such-" + username, PASSWORD))).endsWith("/login?error");
		assertThat(alert(stranger.get("/login?error").body())).as("same message as an unknown user")
			.isEqualTo(lockedMessage)
			.contains("用户名或密码错误");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where event_type = 'ACCOUNT_LOCKED' and object_id = ?", Integer.class,
				username)).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(29));
		assertThat(location(browser().login(username, PASSWORD))).as("29 min later").endsWith("/login?error");
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(location(browser().login(username, PASSWORD))).as("31 min later").endsWith("/intake");
	}

	@Test
	void theSecurityAdministratorUnlocks() throws Exception {
		String username = newUser(Role.SUPERVISOR);
		for (int i = 0; i < 5; i++) {
			browser().login(username, "wrong-" + i);
		}
		assertThat(location(browser().login(username, PASSWORD))).endsWith("/login?error");
		long id = this.accounts.findByUsername(username).orElseThrow().getId();
		this.mvc.perform(post("/security/accounts/{id}/unlock", id).with(csrf())
			.with(user(this.users.loadUserByUsername("secadmin")))).andExpect(status().is3xxRedirection());
		assertThat(location(browser().login(username, PASSWORD))).endsWith("/supervision");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where event_type = 'ACCOUNT_UNLOCKED' and object_id = ? and actor = 'secadmin'",
				Integer.class, username)).isEqualTo(1);
	}

	@Test
	void thirtyFailuresFromOneAddressOverManyUsernamesGive429() {
		WebClient browser = browser();
		for (int i = 0; i < 30; i++) {
			assertThat(location(browser.login("spray-" + i + "-" + UUID.randomUUID(), "Summer2025!"))).endsWith(
					"/login?error");
		}
		String username = newUser(Role.OPERATOR);
		assertThat(browser.login(username, PASSWORD).statusCode()).isEqualTo(429);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_log where event_type = 'LOGIN_THROTTLED'",
				Integer.class)).isPositive();
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(location(browser().login(username, PASSWORD))).endsWith("/intake");
	}

	// ---- password policy (#2, #4, #5, #1)

	@Test
	void anExpiredPasswordMustBeChangedBeforeAnythingElse() {
		String username = newUser(Role.OPERATOR);
		this.jdbc.update("update app_user set password_changed_at = ? where username = ?",
				java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(91))), username);
		WebClient browser = browser();
		assertThat(location(browser.login(username, PASSWORD))).endsWith("/password/change");
		assertThat(location(browser.get("/intake"))).endsWith("/password/change");
		assertThat(location(browser.get("/tickets/NT20250101000001"))).endsWith("/password/change");
		assertThat(browser.get("/password/change").body()).contains("请先修改密码");
		assertThat(change(browser, PASSWORD, PASSWORD).body()).contains("不能使用最近 5 次用过的密码");
		assertThat(change(browser, PASSWORD, "abc12345").body()).contains("至少三类");
		assertThat(change(browser, PASSWORD, "Password123!").body()).contains("过于常见");
		assertThat(change(browser, "not-my-password", "Qz7#vnR2pw").body()).contains("当前密码不正确");
		HttpResponse<String> changed = change(browser, PASSWORD, "Qz7#vnR2pw");
		assertThat(location(changed)).endsWith("/intake");
		assertThat(browser.get("/tickets/NT20250101000001").statusCode()).as("no longer held at the change page")
			.isEqualTo(404);
		assertThat(location(browser().login(username, "Qz7#vnR2pw"))).endsWith("/intake");
	}

	@Test
	void noneOfTheLastFivePasswordsMayComeBack() {
		String username = newUser(Role.OPERATOR);
		long id = this.accounts.findByUsername(username).orElseThrow().getId();
		String[] passwords = { PASSWORD, "Kp4!mWq9zt", "Rt5#nXs8yv", "Lm6$bVc7xw", "Gh8%jKd6uq", "Zx9^pLf5tr" };
		for (int i = 1; i < passwords.length; i++) {
			assertThat(this.credentials.changePassword(id, passwords[i - 1], passwords[i], passwords[i], null, null)
				.none()).isTrue();
		}
		for (int i = 1; i < passwords.length; i++) {
			assertThat(this.credentials.changePassword(id, passwords[5], passwords[i], passwords[i], null, null)
				.fields()).as("password %d", i).containsEntry("next", "password.error.reused");
		}
		assertThat(this.credentials.changePassword(id, passwords[5], passwords[0], passwords[0], null, null).none())
			.as("the sixth-last may come back")
			.isTrue();
	}

	@Test
	void anAdministratorCreatesAnAccountWhoseInitialPasswordMustBeChangedAndExpires() throws Exception {
		String username = "Zhang" + UUID.randomUUID().toString().substring(0, 6);
		MvcResult created = this.mvc
			.perform(post("/admin/users/new").param("username", username)
				.param("displayName", "张三")
				.param("role", "OPERATOR")
				.with(csrf())
				.with(user(this.users.loadUserByUsername("sysadmin"))))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String initial = (String) created.getFlashMap().get("initialPassword");
		assertThat(initial).isNotBlank();
		String again = this.mvc
			.perform(post("/admin/users/new").param("username", username.toLowerCase())
				.param("displayName", "张三")
				.param("role", "OPERATOR")
				.with(csrf())
				.with(user(this.users.loadUserByUsername("sysadmin"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("该用户名已被使用（用户名不区分大小写）").contains("value=\"张三\"");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_log where event_type = 'ACCOUNT_CREATED' and object_id = ?",
				Integer.class, username)).isEqualTo(1);
		WebClient browser = browser();
		assertThat(location(browser.login(username, initial))).endsWith("/password/change");

		String unused = "Li" + UUID.randomUUID().toString().substring(0, 6);
		String unusedInitial = (String) this.mvc
			.perform(post("/admin/users/new").param("username", unused)
				.param("displayName", "李四")
				.param("role", "UNIT_STAFF")
				.param("unitId", String.valueOf(((HotlineUser) this.users.loadUserByUsername("rsj")).unitId()))
				.with(csrf())
				.with(user(this.users.loadUserByUsername("sysadmin"))))
			.andReturn()
			.getFlashMap()
			.get("initialPassword");
		this.clock.advance(Duration.ofHours(73));
		assertThat(location(browser().login(unused, unusedInitial))).as("initial password older than 72 h")
			.endsWith("/login?error");
	}

	@Test
	void unitStaffNeedAUnitAndEmptyPasswordsAreRefused() throws Exception {
		this.mvc
			.perform(post("/admin/users/new").param("username", "nounit" + UUID.randomUUID().toString().substring(0, 4))
				.param("displayName", "王五")
				.param("role", "UNIT_STAFF")
				.with(csrf())
				.with(user(this.users.loadUserByUsername("sysadmin"))))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("承办人员须选择所属单位")));
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into app_user (username, display_name, password, role, password_changed_at, created_at)
				values ('empty-pw', 'x', '', 'OPERATOR', now(), now())""")).isInstanceOf(
				org.springframework.dao.DataIntegrityViolationException.class);
		assertThat(new PasswordPolicy().problems("", "x")).containsExactly("password.error.empty");
	}

	// ---- second factor (#8, #18)

	@Test
	void aSystemAdministratorPassesTheSecondFactorBeforeAnyPage() {
		String secret = Totp.newSecret();
		String username = newUser(Role.SYS_ADMIN, secret);
		WebClient browser = browser();
		assertThat(location(browser.login(username, PASSWORD))).endsWith("/mfa");
		assertThat(location(browser.get("/admin/users"))).endsWith("/mfa");
		assertThat(location(browser.get("/password/change"))).as("not even the password page").endsWith("/mfa");
		assertThat(browser.get("/mfa").statusCode()).isEqualTo(200);
		String otherUsersCode = Totp.code(DemoAccounts.TOTP_SECRET, Totp.step(this.clock.instant()));
		assertThat(browser.post("/mfa", Map.of("code", otherUsersCode)).body()).as("another user's code")
			.contains("动态码不正确");
		String code = Totp.code(secret, Totp.step(this.clock.instant()));
		assertThat(location(browser.post("/mfa", Map.of("code", code)))).endsWith("/admin/users");
		assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);

		WebClient replay = browser();
		assertThat(location(replay.login(username, PASSWORD))).endsWith("/mfa");
		replay.get("/mfa");
		assertThat(replay.post("/mfa", Map.of("code", code)).body()).as("the same code twice").contains("动态码不正确");
		assertThat(location(replay.get("/admin/users"))).endsWith("/mfa");
	}

	@Test
	void aNewSecurityAdministratorEnrolsAnAuthenticatorThenChangesTheInitialPassword() {
		String username = "sec" + UUID.randomUUID().toString().substring(0, 6);
		this.accounts.saveAndFlush(UserAccount.withInitialPassword(username, "安全员", this.encoder.encode(PASSWORD),
				Role.SEC_ADMIN, null, this.clock.instant(), Duration.ofHours(72)));
		WebClient browser = browser();
		assertThat(location(browser.login(username, PASSWORD))).endsWith("/mfa");
		String page = browser.get("/mfa").body();
		Matcher shown = Pattern.compile("<code>([A-Z2-7 ]{32,})</code>").matcher(page);
		assertThat(shown.find()).as("the secret is shown").isTrue();
		String secret = shown.group(1).replace(" ", "");
		assertThat(browser.post("/mfa/enrol", Map.of("code", "12345x")).body()).contains("动态码不正确");
		String code = Totp.code(secret, Totp.step(this.clock.instant()));
		assertThat(location(browser.post("/mfa/enrol", Map.of("code", code)))).endsWith("/password/change");
		assertThat(location(change(browser, PASSWORD, "Wd3&kLp9qe"))).endsWith("/security/accounts");
		assertThat(browser.get("/security/accounts").statusCode()).isEqualTo(200);
	}

	@Test
	void theBootstrapAdministratorComesFromConfigurationAndMustChangeThePassword() {
		assertThat(location(browser().login("admin", "admin"))).as("no admin/admin").endsWith("/login?error");
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		tx.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			assertThat(this.bootstrap.createIfNone("root", "Tq8#mZp3vx")).as("a SYS_ADMIN exists").isFalse();
			this.jdbc.update("update app_user set role = 'OPERATOR' where role = 'SYS_ADMIN'");
			assertThatThrownBy(() -> this.bootstrap.createIfNone("admin", "admin")).isInstanceOf(IllegalStateException.class);
			assertThat(this.bootstrap.createIfNone("root", "Tq8#mZp3vx")).isTrue();
			UserAccount root = this.accounts.findByUsername("root").orElseThrow();
			assertThat(root.isMustChangePassword()).isTrue();
			assertThat(root.getRole()).isEqualTo(Role.SYS_ADMIN);
			assertThat(root.hasSecondFactor()).as("enrols at first login").isFalse();
		});
	}

	// ---- sessions (#9-#12)

	@Test
	void theSessionIdChangesAtLoginAndLogoutEndsTheSessionByPostOnly() {
		String username = newUser(Role.OPERATOR);
		WebClient browser = browser();
		String before = sessionCookie(browser.get("/login"));
		HttpResponse<String> login = browser.post("/login", Map.of("username", username, "password", PASSWORD));
		String after = sessionCookie(login);
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(browser.get("/tickets/NT20250101000001").statusCode()).isEqualTo(404);
		browser.get("/logout");
		assertThat(browser.get("/tickets/NT20250101000001").statusCode()).as("GET /logout does nothing")
			.isEqualTo(404);
		assertThat(location(browser.post("/logout", Map.of()))).endsWith("/login?logout");
		assertThat(location(withCookie(after, "/tickets/NT20250101000001"))).as("the old cookie replayed")
			.endsWith("/login");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_log where event_type = 'LOGOUT' and actor = ?",
				Integer.class, username)).isEqualTo(1);
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSite() {
		String cookie = browser().get("/login").headers().allValues("Set-Cookie").stream()
			.filter((c) -> c.startsWith("SESSION="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/");
	}

	@Test
	void anIdleSessionEndsAfterThirtyMinutes() {
		String username = newUser(Role.OPERATOR);
		WebClient browser = browser();
		browser.login(username, PASSWORD);
		assertThat(browser.get("/tickets/NT20250101000001").statusCode()).isEqualTo(404);
		assertThat(this.jdbc.queryForList("select max_inactive_interval from spring_session where principal_name = ?",
				Integer.class, username)).containsExactly(1800);
		this.jdbc.update("""
				update spring_session set last_access_time = last_access_time - 1860000, expiry_time = expiry_time - 1860000
				where principal_name = ?""", username);
		assertThat(location(browser.get("/tickets/NT20250101000001"))).endsWith("/login");
	}

	@Test
	void aSessionEndsTenHoursAfterLoginHoweverActive() {
		String username = newUser(Role.OPERATOR);
		WebClient browser = browser();
		browser.login(username, PASSWORD);
		this.clock.advance(Duration.ofHours(9).plusMinutes(59));
		assertThat(browser.get("/tickets/NT20250101000001").statusCode()).isEqualTo(404);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(location(browser.get("/tickets/NT20250101000001"))).endsWith("/login?expired");
	}

	@Test
	void disablingAnAccountEndsItsLiveSessions() throws Exception {
		String username = newUser(Role.OPERATOR);
		WebClient browser = browser();
		browser.login(username, PASSWORD);
		assertThat(browser.get("/tickets/NT20250101000001").statusCode()).isEqualTo(404);
		long id = this.accounts.findByUsername(username).orElseThrow().getId();
		this.mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false")
			.with(csrf())
			.with(user(this.users.loadUserByUsername("sysadmin")))).andExpect(status().is3xxRedirection());
		assertThat(location(browser.get("/tickets/NT20250101000001"))).endsWith("/login");
		assertThat(location(browser().login(username, PASSWORD))).endsWith("/login?error");
	}

	@Test
	void aSecondLoginEndsTheFirstSession() {
		String username = newUser(Role.OPERATOR);
		WebClient first = browser();
		first.login(username, PASSWORD);
		assertThat(first.get("/tickets/NT20250101000001").statusCode()).isEqualTo(404);
		WebClient second = browser();
		second.login(username, PASSWORD);
		assertThat(second.get("/tickets/NT20250101000001").statusCode()).isEqualTo(404);
		assertThat(location(first.get("/tickets/NT20250101000001"))).endsWith("/login?expired");
	}

	@Test
	void traceIsRefused() {
		HttpResponse<String> trace = browser().send(HttpRequest.newBuilder(URI.create(browser().base() + "/login"))
			.method("TRACE", HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(trace.statusCode()).isEqualTo(405);
	}

	// ---- helpers

	private String newUser(Role role) {
		return newUser(role, null);
	}

	private String newUser(Role role, String totpSecret) {
		String username = role.name().toLowerCase().replace("_", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
		UserAccount account = new UserAccount(username, "测试", this.encoder.encode(PASSWORD), role, null,
				this.clock.instant());
		if (totpSecret != null) {
			account.enrolSecondFactor(this.protection.encrypt(totpSecret), 0);
		}
		this.accounts.saveAndFlush(account);
		return username;
	}

	private WebClient browser() {
		return new WebClient(this.port);
	}

	private static HttpResponse<String> change(WebClient browser, String current, String next) {
		browser.get("/password/change");
		return browser.post("/password/change", Map.of("current", current, "next", next, "repeat", next));
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("a redirect, body: %s", response.body()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static String sessionCookie(HttpResponse<String> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.map((c) -> c.substring("SESSION=".length(), c.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

	private HttpResponse<String> withCookie(String session, String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Cookie", "SESSION=" + session)
					.header("Accept", "text/html")
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String alert(String page) {
		Matcher matcher = Pattern.compile("<div class=\"flash flash-error\" role=\"alert\">([^<]*)</div>").matcher(page);
		assertThat(matcher.find()).as("an error message on %s", page).isTrue();
		return matcher.group(1);
	}

}
