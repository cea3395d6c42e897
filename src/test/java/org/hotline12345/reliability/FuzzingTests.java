package org.hotline12345.reliability;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hotline12345.HotlineApplication;
import org.hotline12345.WebClient;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checklist #36: jqwik throws random Unicode, emoji, NUL bytes, markup, SQL, wrong types, overlong and huge values at
 * the main forms (dispatch, the unit's reply, the callback outcome, login) and at the API's bodies, on a real server.
 * Every answer is a refusal (400, 409, 413, 429 on login), the form page again, or a redirect: never a 5xx. 50 tries a
 * form keep the run short; a failure prints the seed and the shrunk input to replay. The operator's intake form is
 * fuzzed with every field at once, through all of its endpoints (register, follow-up, history, triage preview,
 * knowledge suggestions, category lookup).
 */
class FuzzingTests {

	/**
	 * A fixed seed keeps CI reproducible: a random one found a new 500 on its fourth seed (a posted queue name built
	 * into a link), which is the point of fuzzing but must not make the build flaky. Change the seed when developing
	 * to explore new inputs; a failing seed is kept in target/jqwik-database and tried first next time.
	 */
	static final String SEED = "20261129";

	static final Set<Integer> ACCEPTABLE = Set.of(200, 302, 303, 400, 403, 404, 409, 413, 415, 422);

	static ConfigurableApplicationContext app;

	static int port;

	static WebClient operator;

	static WebClient unit;

	static String pendingTicket;

	static String acceptedTicket;

	static String repliedTicket;

	@BeforeContainer
	static void start() {
		app = new SpringApplicationBuilder(HotlineApplication.class).profiles("demo").run("--server.port=0");
		port = ((WebServerApplicationContext) app).getWebServer().getPort();
		TicketWorkflow workflow = app.getBean(TicketWorkflow.class);
		Actor clerk = new Actor("operator", Role.OPERATOR, null);
		Actor rsj = new Actor("rsj", Role.UNIT_STAFF,
				app.getBean(DepartmentDirectory.class).unit("rsj").orElseThrow().id());
		pendingTicket = pending(workflow, clerk, "模糊测试：待派单");
		acceptedTicket = pending(workflow, clerk, "模糊测试：待回复");
		workflow.dispatch(acceptedTicket, "rsj", List.of(), null, null, clerk);
		workflow.accept(acceptedTicket, null, rsj);
		repliedTicket = pending(workflow, clerk, "模糊测试：待回访");
		workflow.dispatch(repliedTicket, "rsj", List.of(), null, null, clerk);
		workflow.accept(repliedTicket, null, rsj);
		workflow.reply(repliedTicket, ReplyOutcome.SOLVED, "已办结", null, rsj);
		operator = new WebClient(port);
		assertThat(operator.login("operator", "Demo@12345").statusCode()).isEqualTo(302);
		unit = new WebClient(port);
		assertThat(unit.login("rsj", "Demo@12345").statusCode()).isEqualTo(302);
		operator.get("/dispatch/" + pendingTicket);
		unit.get("/unit/tickets/" + acceptedTicket);
	}

	@AfterContainer
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	static final Actor CLERK = new Actor("operator", Role.OPERATOR, null);

	static Actor rsj() {
		return new Actor("rsj", Role.UNIT_STAFF, app.getBean(DepartmentDirectory.class).unit("rsj").orElseThrow().id());
	}

	/** A fresh ticket in the state the form starts from, so that well-formed tries reach the database. */
	static String fresh(String state) {
		TicketWorkflow workflow = app.getBean(TicketWorkflow.class);
		String no = pending(workflow, CLERK, "模糊测试：" + state);
		if (!state.equals("pending")) {
			workflow.dispatch(no, "rsj", List.of(), null, null, CLERK);
			workflow.accept(no, null, rsj());
		}
		if (state.equals("replied")) {
			workflow.reply(no, ReplyOutcome.SOLVED, "已办结", null, rsj());
		}
		return no;
	}

	/** The token "CURRENT" stands for the ticket's real version: half the tries send a right one. */
	static String version(String token, String ticketNo) {
		return token.equals("CURRENT") ? String.valueOf(app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
			.queryForObject("select version from ticket where ticket_no = ?", Long.class, ticketNo)) : token;
	}

	@Provide
	Arbitrary<String> versions() {
		return Arbitraries.oneOf(wrongTypes(), Arbitraries.just("CURRENT"));
	}

	@Provide
	Arbitrary<String> unitCodes() {
		return Arbitraries.oneOf(nasty(), Arbitraries.of("rsj", "swjt", "jjzd", "chongchuan", OTHER));
	}

	static final String OTHER = "__other";

	@Provide
	Arbitrary<String> outcomes() {
		return Arbitraries.oneOf(nasty(), Arbitraries.of(ReplyOutcome.class).map(Enum::name));
	}

	@Provide
	Arbitrary<String> booleans() {
		return Arbitraries.oneOf(wrongTypes(), Arbitraries.of("true", "false"));
	}

	@Provide
	Arbitrary<String> satisfactions() {
		return Arbitraries.oneOf(nasty(), Arbitraries.of(org.hotline12345.ticket.Satisfaction.class).map(Enum::name));
	}

	static String pending(TicketWorkflow workflow, Actor clerk, String description) {
		NewTicket request = new NewTicket("郑女士", "13912346655", false, false, "崇川区和平桥街道", "chongchuan", null,
				description, RequestType.HELP, "SB.YL", Channel.PHONE, null, false, null);
		return workflow.register(request, Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE, null, clerk)
			.ticketNo();
	}

	/** Text a person, a broken client or an attacker might send. */
	@Provide
	Arbitrary<String> nasty() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
				Arbitraries.strings().withChars("\u0000\u0001\u001f\u007f\r\n\t\u200b\u202e\ufeff").ofMaxLength(50),
				Arbitraries.of("😀", "👨‍👩‍👧‍👦", "🇨🇳", "\uD83D", "\uDE00", "𠀀𪚥", "ｆｕｌｌｗｉｄｔｈ", "الْعَرَبِيَّة")
					.list()
					.ofMaxSize(30)
					.map((parts) -> String.join("", parts)),
				Arbitraries.of("<script>alert(1)</script>", "' OR 1=1--", "\"; DROP TABLE ticket;--", "${7*7}",
						"#{7*7}", "__${T(java.lang.Runtime).getRuntime()}__::.x", "%00", "%s%n%x", "../../etc/passwd",
						"=HYPERLINK(\"x\")", "null", "undefined", "NaN"),
				wrongTypes(), Arbitraries.integers().between(1000, 60_000).map("长".repeat(1)::repeat));
	}

	/** Numbers, booleans and enums in the wrong shape. */
	@Provide
	Arbitrary<String> wrongTypes() {
		return Arbitraries.oneOf(Arbitraries.of("", " ", "-1", "0", "1e99", "99999999999999999999999", "0x1F", "true",
				"yes", "SOLVED ", "solved", "DISPATCHED", "[]", "{}", "1.5", "-0", "Infinity"),
				Arbitraries.longs().map(String::valueOf));
	}

	static void assertAcceptable(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("status for a fuzzed request").isIn(ACCEPTABLE);
		assertThat(response.body()).doesNotContain("Exception", "at org.", "SQLState", "PSQL");
	}

	@Property(tries = 50, seed = FuzzingTests.SEED)
	void theDispatchFormNeverFails(@ForAll("unitCodes") String lead, @ForAll("unitCodes") String other,
			@ForAll("unitCodes") String assist, @ForAll("nasty") String note, @ForAll("versions") String version,
			@ForAll("nasty") String from) {
		String no = fresh("pending");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("leadUnitCode", lead);
		form.put("otherLeadUnitCode", other);
		form.put("assistUnitCodes", assist);
		form.put("note", note);
		form.put("version", version(version, no));
		form.put("from", from);
		assertAcceptable(operator.post("/dispatch/" + no, form));
	}

	@Property(tries = 50, seed = FuzzingTests.SEED)
	void theUnitReplyFormNeverFails(@ForAll("versions") String version, @ForAll("outcomes") String outcome,
			@ForAll("nasty") String answer) {
		String no = fresh("accepted");
		assertAcceptable(unit.post("/unit/tickets/" + no + "/reply",
				Map.of("version", version(version, no), "outcome", outcome, "answer", answer)));
	}

	@Property(tries = 50, seed = FuzzingTests.SEED)
	void theCallbackFormNeverFails(@ForAll("versions") String version, @ForAll("booleans") String reached,
			@ForAll("booleans") String solved, @ForAll("satisfactions") String satisfaction,
			@ForAll("nasty") String note) {
		String no = fresh("replied");
		assertAcceptable(operator.post("/callback/" + no, Map.of("version", version(version, no), "reached", reached,
				"solved", solved, "satisfaction", satisfaction, "note", note)));
	}

	@Provide
	Arbitrary<String> phones() {
		return Arbitraries.oneOf(nasty(), Arbitraries.of("13962009876", "0513-85123456", "+86 139 6200 9876"));
	}

	@Provide
	Arbitrary<String> requestTypes() {
		return Arbitraries.oneOf(nasty(), Arbitraries.of(RequestType.class).map(Enum::name));
	}

	@Provide
	Arbitrary<String> intakeOutcomes() {
		return Arbitraries.oneOf(nasty(), Arbitraries.of("QUEUE", "DIRECT_ANSWER"));
	}

	@Property(tries = 50, seed = FuzzingTests.SEED)
	void theIntakeFormNeverFails(@ForAll("phones") String phone, @ForAll("nasty") String name,
			@ForAll("nasty") String description, @ForAll("nasty") String address, @ForAll("requestTypes") String type,
			@ForAll("unitCodes") String district, @ForAll("nasty") String category, @ForAll("wrongTypes") String flag,
			@ForAll("nasty") String occurredAt, @ForAll("intakeOutcomes") String outcome, @ForAll("nasty") String token) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("formToken", token);
		form.put("callerPhone", phone);
		form.put("callerName", name);
		form.put("anonymous", flag);
		form.put("confidential", flag);
		form.put("vulnerable", flag);
		form.put("description", description);
		form.put("districtCode", district);
		form.put("address", address);
		form.put("occurredAt", occurredAt);
		form.put("requestType", type);
		form.put("categoryCode", category);
		form.put("channel", type);
		form.put("serviceLine", category);
		form.put("directAnswer", description);
		form.put("manualLevel", type);
		form.put("outcome", outcome);
		assertAcceptable(operator.post("/intake", form));
		form.put("followUpTicketNo", category);
		assertAcceptable(operator.post("/intake/follow-up", form));
		assertAcceptable(operator.post("/intake/history", form));
		assertAcceptable(operator.post("/intake/triage", form));
		assertAcceptable(operator.post("/intake/knowledge", form));
		assertAcceptable(operator.get("/intake/categories?categoryCode="
				+ java.net.URLEncoder.encode(category, java.nio.charset.StandardCharsets.UTF_8)));
	}

	@Property(tries = 50, seed = FuzzingTests.SEED)
	void theLoginFormNeverFails(@ForAll("nasty") String username, @ForAll("nasty") String password) {
		WebClient visitor = new WebClient(port);
		visitor.get("/login");
		HttpResponse<String> response = visitor.post("/login", Map.of("username", username, "password", password));
		// 429: the per-address throttle (checklist #7) answers once the fuzzing has failed 30 logins in a minute.
		assertThat(response.statusCode()).isIn(302, 400, 429);
		if (response.statusCode() == 302) {
			assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
					(location) -> assertThat(location).contains("/login?error"));
		}
	}

	@Property(tries = 50, seed = FuzzingTests.SEED)
	void theApiNeverFails(@ForAll("nasty") String phone, @ForAll("nasty") String description,
			@ForAll("wrongTypes") String anonymous, @ForAll("nasty") String raw) {
		String json = "{\"callerName\": " + quote(description) + ", \"callerPhone\": " + quote(phone)
				+ ", \"anonymous\": " + anonymous + ", \"districtCode\": \"chongchuan\", \"requestType\": "
				+ quote(raw) + ", \"categoryCode\": \"SB.YL\", \"channel\": \"PHONE\", \"description\": "
				+ quote(description) + "}";
		assertAcceptable(api("/api/v1/tickets", json));
		assertAcceptable(api("/api/v1/tickets", raw));
		assertAcceptable(api("/api/v1/tickets/" + pendingTicket + "/dispatch", "{\"leadUnitCode\": " + anonymous
				+ ", \"assistUnitCodes\": " + quote(raw) + ", \"note\": " + quote(description) + "}"));
	}

	/** Two 500s the fuzzing found once, kept as fixed examples: a NUL byte and an overlong name at login. */
	@Example
	void aNulByteOrAnOverlongLoginNameIsAnOrdinaryFailedLogin() {
		for (String name : List.of("oper\u0000ator", "x".repeat(65), "x\r\n".repeat(40))) {
			WebClient visitor = new WebClient(port);
			visitor.get("/login");
			HttpResponse<String> response = visitor.post("/login", Map.of("username", name, "password", "nope"));
			assertThat(response.statusCode()).as(name).isIn(302, 429);
		}
	}

	/** Found by fuzzing the intake form: a tick box posted as a non-boolean left the form unbuilt (500 on follow-up). */
	@Example
	void aTickBoxThatIsNotABooleanIsABadRequest() {
		for (String path : List.of("/intake", "/intake/follow-up", "/intake/history", "/intake/triage",
				"/intake/knowledge")) {
			HttpResponse<String> response = operator.post(path, Map.of("anonymous", "1e99", "callerPhone", "13962009876",
					"description", "路灯不亮", "followUpTicketNo", pendingTicket));
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.body()).doesNotContain("Exception");
		}
	}

	@Example
	void tenMegabyteBodiesAreRefusedNotFailed() {
		String huge = "字".repeat(10 * 1024 * 1024 / 3);
		assertAcceptable(operator.post("/dispatch/" + pendingTicket, Map.of("note", huge, "version", "0")));
		assertAcceptable(unit.post("/unit/tickets/" + acceptedTicket + "/reply",
				Map.of("version", "0", "outcome", "SOLVED", "answer", huge)));
		assertAcceptable(operator.post("/callback/" + repliedTicket, Map.of("version", "0", "note", huge)));
		assertAcceptable(api("/api/v1/tickets", "{\"description\": \"" + huge + "\"}"));
	}

	static HttpResponse<String> api(String path, String body) {
		return operator.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer demo-operator-token")
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** A JSON string literal of any text, unpaired surrogates and control characters included. */
	static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

}
