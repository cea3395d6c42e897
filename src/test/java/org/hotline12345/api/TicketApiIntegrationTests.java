package org.hotline12345.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hotline12345.api.ApiTestSupport.as;
import static org.hotline12345.api.ApiTestSupport.newTicketJson;
import static org.hotline12345.api.ApiTestSupport.postJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ticket API as channels and unit systems use it, with the demo tokens: the closed loop walked by API, every
 * kind of refusal as problem+json, idempotent registration, and units that never see each other's tickets.
 */
@HotlineIntegrationTest
class TicketApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	ApiTestSupport api;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestSupport(this.mvc);
	}

	@Test
	void theWholeLoopCanBeWalkedByApi() throws Exception {
		MvcResult created = this.mvc
			.perform(postJson("operator", "/api/v1/tickets", newTicketJson("养老保险关系转移，窗口说系统不通")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/tickets/NT")))
			.andExpect(jsonPath("$.status").value("PENDING_DISPATCH"))
			.andExpect(jsonPath("$.level").value("ROUTINE"))
			.andExpect(jsonPath("$.marks").isArray())
			.andExpect(jsonPath("$.reasons").isArray())
			.andExpect(jsonPath("$.deadlines").exists())
			.andReturn();
		String no = JsonPath.read(created.getResponse().getContentAsString(), "$.ticketNo");
		String base = "/api/v1/tickets/" + no;

		this.mvc.perform(postJson("operator", base + "/dispatch",
				"{\"leadUnitCode\": \"rsj\", \"assistUnitCodes\": [\"chongchuan\"], \"note\": \"请尽快联系市民\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISPATCHED"))
			.andExpect(jsonPath("$.units.lead.code").value("rsj"))
			.andExpect(jsonPath("$.units.assist[0].code").value("chongchuan"))
			.andExpect(jsonPath("$.deadlines.acceptDueAt").isNotEmpty());
		this.mvc.perform(as("rsj", post(base + "/accept")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"));
		this.mvc.perform(postJson("rsj", base + "/progress", "{\"note\": \"已电话联系市民，约定周三上门\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(postJson("rsj", base + "/reply", "{\"outcome\": \"SOLVED\", \"answer\": \"已为市民办理转移手续\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CALLBACK_PENDING"));
		this.mvc.perform(postJson("operator", base + "/callback",
				"{\"reached\": true, \"solved\": true, \"satisfaction\": \"SATISFIED\", \"note\": \"市民表示满意\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.outcome.closeReason").value("CALLBACK"))
			.andExpect(jsonPath("$.outcome.satisfaction").value("SATISFIED"));

		String ticket = this.api.ticket("operator", no);
		List<String> types = JsonPath.read(ticket, "$.events[*].type");
		assertThat(types).containsExactly("REGISTERED", "QUEUED", "DISPATCHED", "ACCEPTED", "PROGRESS", "REPLIED",
				"CALLBACK");
		assertThat((String) JsonPath.read(ticket, "$.events[2].actor")).isEqualTo("operator");
		assertThat((String) JsonPath.read(ticket, "$.events[2].fromStatus")).isEqualTo("PENDING_DISPATCH");
		assertThat((String) JsonPath.read(ticket, "$.events[2].toStatus")).isEqualTo("DISPATCHED");
		assertThat((String) JsonPath.read(ticket, "$.events[2].note")).isEqualTo("请尽快联系市民");
		assertThat((String) JsonPath.read(ticket, "$.caller.phone")).isEqualTo("138****1234");
		assertThat(ticket).doesNotContain("13812341234").doesNotContain("\"id\"");
	}

	@Test
	void theAnswerToARegistrationIsTheTicketAsStored() throws Exception {
		// Built from what was written, not read back: it must still say exactly what GET says.
		MvcResult created = this.mvc
			.perform(postJson("operator", "/api/v1/tickets", newTicketJson("燃气管道漏气，楼道里有味道，老人在家")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.level").value("CRITICAL"))
			.andReturn();
		String answer = created.getResponse().getContentAsString();
		String no = JsonPath.read(answer, "$.ticketNo");
		MvcResult read = this.mvc.perform(as("operator", get("/api/v1/tickets/" + no)))
			.andExpect(status().isOk())
			.andReturn();
		String ticket = read.getResponse().getContentAsString();
		assertThat(created.getResponse().getHeader("ETag")).isEqualTo(read.getResponse().getHeader("ETag"));
		for (String field : List.of("$.status", "$.level", "$.marks", "$.score", "$.reasons", "$.deadlines")) {
			assertThat((Object) JsonPath.read(answer, field)).as(field).isEqualTo(JsonPath.read(ticket, field));
		}
		assertThat((List<?>) JsonPath.read(ticket, "$.events")).hasSize(2);
	}

	@Test
	void aTicketRegisteredOnlyIsAnsweredDirectly() throws Exception {
		String json = newTicketJson("社保卡补办需要什么材料").replace("\"channel\"", "\"outcome\": \"REGISTER_ONLY\", \"channel\"");
		MvcResult created = this.mvc.perform(postJson("operator", "/api/v1/tickets", json))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("REGISTERED"))
			.andReturn();
		String no = JsonPath.read(created.getResponse().getContentAsString(), "$.ticketNo");
		this.mvc.perform(postJson("operator", "/api/v1/tickets/" + no + "/direct-answer",
				"{\"answer\": \"携带身份证到任一社保网点办理\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.outcome.closeReason").value("DIRECT_ANSWER"))
			.andExpect(jsonPath("$.outcome.directAnswer").value("携带身份证到任一社保网点办理"));
	}

	@Test
	void badInputIsRefusedFieldByFieldInChinese() throws Exception {
		String json = """
				{"callerPhone": "12345", "requestType": "HELP", "channel": "WECHAT", "description": "   ",
				 "categoryCode": "NO.SUCH", "districtCode": "rsj", "callerName": "%s"}""".formatted("张".repeat(65));
		this.mvc.perform(postJson("operator", "/api/v1/tickets", json))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[?(@.field == 'callerPhone')].message").value(hasItem(containsString("手机号"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'description')].message").value(hasItem("必填")))
			.andExpect(jsonPath("$.errors[?(@.field == 'categoryCode')].message").value(hasItem("未知的诉求分类代码")))
			.andExpect(jsonPath("$.errors[?(@.field == 'districtCode')].message").value(hasItem("未知的属地代码")))
			.andExpect(jsonPath("$.errors[?(@.field == 'callerName')].message").value(hasItem("不能超过 64 个字符")));
		this.mvc.perform(postJson("operator", "/api/v1/tickets",
				newTicketJson("x".repeat(4001))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("description"))
			.andExpect(jsonPath("$.errors[0].message").value("不能超过 4000 个字符"));
	}

	@Test
	void wrongEnumValuesMalformedJsonAndHugeBodiesAreBadRequestsNeverServerErrors() throws Exception {
		this.mvc.perform(postJson("operator", "/api/v1/tickets",
				newTicketJson("路灯不亮").replace("\"HELP\"", "\"PLEASE_HELP\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("requestType"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("CONSULTATION")));
		this.mvc.perform(postJson("operator", "/api/v1/tickets", "{\"callerPhone\": \"138"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("请求体不是有效的 JSON。"));
		this.mvc.perform(postJson("operator", "/api/v1/tickets", ""))
			.andExpect(status().isBadRequest());
		this.mvc.perform(postJson("operator", "/api/v1/tickets",
				newTicketJson("路灯不亮").replace("\"description\"", "\"occurredAt\": \"昨天下午\", \"description\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("occurredAt"));
		String huge = newTicketJson("噪".repeat(10 * 1024 * 1024 / 3));
		this.mvc.perform(postJson("operator", "/api/v1/tickets", huge))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("请求体过大")));
		this.mvc.perform(as("operator", post("/api/v1/tickets").contentType(MediaType.TEXT_PLAIN).content("hello")))
			.andExpect(status().isUnsupportedMediaType());
		this.mvc.perform(as("operator", get("/api/v1/tickets").param("status", "DONE")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void extraFieldsCannotSetWhatTheCallerMayNotSet() throws Exception {
		String json = newTicketJson("咨询公积金提取需要哪些材料").replace("\"description\"",
				"\"status\": \"CLOSED\", \"level\": \"CRITICAL\", \"leadUnitCode\": \"rsj\", \"id\": 1, \"description\"");
		this.mvc.perform(postJson("operator", "/api/v1/tickets", json))
			.andExpect(jsonPath("$.status").value("PENDING_DISPATCH"))
			.andExpect(jsonPath("$.level").value("ROUTINE"));
	}

	@Test
	void theSameIdempotencyKeyTwiceGivesOneTicket() throws Exception {
		String key = UUID.randomUUID().toString();
		String json = newTicketJson("公交站牌损坏");
		MvcResult first = this.mvc.perform(postJson("operator", "/api/v1/tickets", json).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andReturn();
		MvcResult second = this.mvc.perform(postJson("operator", "/api/v1/tickets", json).header("Idempotency-Key", key))
			.andExpect(status().isOk())
			.andReturn();
		String no = JsonPath.read(first.getResponse().getContentAsString(), "$.ticketNo");
		assertThat((String) JsonPath.read(second.getResponse().getContentAsString(), "$.ticketNo")).isEqualTo(no);
		assertThat(second.getResponse().getHeader("Location")).endsWith("/api/v1/tickets/" + no);
		assertThat(ticketsWithKey("api:operator:" + key)).isEqualTo(1);
		// The key belongs to the account: another operator's same key is a different ticket.
		this.mvc.perform(postJson("operator2", "/api/v1/tickets", json).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ticketNo").value(not(no)));
		this.mvc.perform(postJson("operator", "/api/v1/tickets", json).header("Idempotency-Key", "不是合法的键"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
	}

	@Test
	void parallelRequestsWithTheSameKeyGiveOneTicket() throws Exception {
		String key = UUID.randomUUID().toString();
		String json = newTicketJson("燃气管道漏气，楼道里有味道");
		int callers = 6;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MvcResult>> results = new ArrayList<>();
		try {
			for (int i = 0; i < callers; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return this.mvc.perform(postJson("operator", "/api/v1/tickets", json).header("Idempotency-Key", key))
						.andReturn();
				}));
			}
			start.countDown();
			List<String> numbers = new ArrayList<>();
			int createdCount = 0;
			for (Future<MvcResult> future : results) {
				MvcResult result = future.get(60, TimeUnit.SECONDS);
				int status = result.getResponse().getStatus();
				assertThat(status).isIn(200, 201);
				createdCount += (status == 201) ? 1 : 0;
				numbers.add(JsonPath.read(result.getResponse().getContentAsString(), "$.ticketNo"));
			}
			assertThat(numbers).hasSize(callers).containsOnly(numbers.get(0));
			assertThat(createdCount).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(ticketsWithKey("api:operator:" + key)).isEqualTo(1);
	}

	@Test
	void aUnitNeverSeesOrTouchesAnotherUnitsTicket() throws Exception {
		String no = this.api.dispatchedTo("jjzd", "路口信号灯全部熄灭");
		String mine = this.api.dispatchedTo("rsj", "工资拖欠三个月");
		this.mvc.perform(as("rsj", get("/api/v1/tickets/" + no)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("工单不存在，或不在当前账号的查看范围内。"));
		this.mvc.perform(as("rsj", post("/api/v1/tickets/" + no + "/accept"))).andExpect(status().isNotFound());
		this.mvc.perform(postJson("rsj", "/api/v1/tickets/" + no + "/return", "{\"reason\": \"不是我们的\"}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(postJson("rsj", "/api/v1/tickets/" + no + "/progress", "{\"note\": \"x\"}"))
			.andExpect(status().isNotFound());
		assertThat((String) JsonPath.read(this.api.ticket("operator", no), "$.status")).isEqualTo("DISPATCHED");
		assertThat((Integer) JsonPath.read(this.api.ticket("operator", no), "$.version"))
			.isEqualTo(JsonPath.read(this.api.ticket("jjzd", no), "$.version"));

		// The list of rsj never holds it, whatever is asked for.
		for (String query : List.of("", "?unit=jjzd", "?status=DISPATCHED", "?level=ROUTINE")) {
			this.mvc.perform(as("rsj", get("/api/v1/tickets" + query)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[*].ticketNo").value(not(hasItem(no))));
		}
		this.mvc.perform(as("rsj", get("/api/v1/tickets?status=DISPATCHED")))
			.andExpect(jsonPath("$.items[*].ticketNo").value(hasItem(mine)))
			.andExpect(jsonPath("$.items[*].leadUnitName").value(everyItem(is("人社局"))));
		this.mvc.perform(as("jjzd", get("/api/v1/tickets/" + no))).andExpect(status().isOk());
	}

	@Test
	void rolesAreRefusedWhatTheirScreensRefuse() throws Exception {
		String no = this.api.create("噪音扰民");
		this.mvc.perform(postJson("rsj", "/api/v1/tickets/" + no + "/dispatch", "{\"leadUnitCode\": \"rsj\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("当前账号的角色无权执行此操作。"));
		this.mvc.perform(postJson("rsj", "/api/v1/tickets", newTicketJson("单位不能受理"))).andExpect(status().isForbidden());
		this.mvc.perform(postJson("supervisor", "/api/v1/tickets/" + no + "/callback", "{\"reached\": false}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(as("auditor", get("/api/v1/tickets/" + no))).andExpect(status().isForbidden());
		this.mvc.perform(as("sysadmin", get("/api/v1/tickets"))).andExpect(status().isForbidden());
		this.mvc.perform(postJson("operator", "/api/v1/tickets/" + no + "/dispatch", "{\"leadUnitCode\": \"rsj\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(as("operator", post("/api/v1/tickets/" + no + "/accept"))).andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where event_type = 'API_ACCESS_DENIED' and actor = 'rsj' and object_id = ?",
				Integer.class, no))
			.isEqualTo(1);
	}

	@Test
	void anIllegalStepIs409NamingTheCurrentStatusAndNothingChanges() throws Exception {
		String no = this.api.create("小区路灯不亮");
		Integer version = JsonPath.read(this.api.ticket("operator", no), "$.version");
		this.mvc.perform(postJson("operator", "/api/v1/tickets/" + no + "/callback",
				"{\"reached\": true, \"satisfaction\": \"SATISFIED\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("工单 " + no + " 当前状态为「待派单」，不能回访。"))
			.andExpect(jsonPath("$.currentStatus").value("PENDING_DISPATCH"));
		String after = this.api.ticket("operator", no);
		assertThat((Integer) JsonPath.read(after, "$.version")).isEqualTo(version);
		assertThat((List<?>) JsonPath.read(after, "$.events")).hasSize(2);
	}

	@Test
	void aStaleVersionIs409ChangedBySomeoneElse() throws Exception {
		String no = this.api.create("公交站牌损坏");
		String seen = "\"" + JsonPath.read(this.api.ticket("operator", no), "$.version") + "\"";
		this.mvc.perform(postJson("operator", "/api/v1/tickets/" + no + "/dispatch", "{\"leadUnitCode\": \"jtysj\"}")
			.header("If-Match", seen)).andExpect(status().isOk());
		this.mvc.perform(postJson("supervisor", "/api/v1/tickets/" + no + "/dispatch", "{\"leadUnitCode\": \"rsj\"}")
			.header("If-Match", seen))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("已被他人修改")))
			.andExpect(jsonPath("$.currentStatus").value("DISPATCHED"));
		this.mvc.perform(postJson("operator", "/api/v1/tickets/" + no + "/follow-up", "{\"text\": \"又来电催\"}")
			.header("If-Match", seen)).andExpect(status().isConflict());
		assertThat((String) JsonPath.read(this.api.ticket("operator", no), "$.units.lead.code")).isEqualTo("jtysj");
	}

	@Test
	void unknownTicketsAndPathsAre404() throws Exception {
		this.mvc.perform(as("operator", get("/api/v1/tickets/NT20990101999999"))).andExpect(status().isNotFound());
		this.mvc.perform(as("operator", get("/api/v1/tickets/' OR 1=1--"))).andExpect(status().isNotFound());
		this.mvc.perform(postJson("operator", "/api/v1/tickets/NT20990101999999/direct-answer", "{\"answer\": \"x\"}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(as("operator", get("/api/v1/no-such-thing")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void problemsHaveTheRfc9457ShapeAndNothingInternal() throws Exception {
		MvcResult result = this.mvc.perform(postJson("operator", "/api/v1/tickets", "{\"callerPhone\": \"138\", \"x\": [}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(containsString("urn:hotline12345:problem:")))
			.andExpect(jsonPath("$.title").value("请求有误"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").isNotEmpty())
			.andExpect(jsonPath("$.instance").value("/api/v1/tickets"))
			.andExpect(jsonPath("$.trace").doesNotExist())
			.andExpect(jsonPath("$.exception").doesNotExist())
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception")
			.doesNotContain("tools.jackson")
			.doesNotContain("org.hotline12345");
		this.mvc.perform(postJson("operator", "/api/v1/tickets", "{}"))
			.andExpect(jsonPath("$.title").value("请求内容未通过校验"))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("callerPhone")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("channel")))
			.andExpect(jsonPath("$.errors[0].message").value(not(nullValue())));
	}

	@Test
	void anExtensionIsAskedByTheUnitAndDecidedByASupervisor() throws Exception {
		String no = this.api.dispatchedTo("rsj", "社保断缴补缴，需要调取档案");
		String base = "/api/v1/tickets/" + no;
		this.mvc.perform(as("rsj", post(base + "/accept"))).andExpect(status().isOk());
		String due = JsonPath.read(this.api.ticket("rsj", no), "$.deadlines.replyDueAt");
		String later = java.time.Instant.parse(due).plus(java.time.Duration.ofDays(7)).toString();
		this.mvc.perform(postJson("rsj", base + "/extension", "{\"until\": \"" + due + "\", \"reason\": \"需调档\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("until"));
		this.mvc.perform(postJson("rsj", base + "/extension", "{\"until\": \"" + later + "\", \"reason\": \"需调取历史档案\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.extensionPending").value(true));
		this.mvc.perform(postJson("rsj", base + "/extension", "{\"until\": \"" + later + "\", \"reason\": \"再次申请\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("待审批")));
		this.mvc.perform(postJson("rsj", base + "/extension/decision", "{\"approve\": true, \"until\": \"" + later + "\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(postJson("supervisor", base + "/extension/decision", "{\"approve\": true}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("until"));
		this.mvc.perform(postJson("supervisor", base + "/extension/decision",
				"{\"approve\": true, \"until\": \"" + later + "\", \"note\": \"同意\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.extensionPending").value(false))
			.andExpect(jsonPath("$.deadlines.replyDueAt").value(later));
	}

	@Test
	void aReturnedTicketIsReDispatchedAndAReopenedOneGoesBack() throws Exception {
		String no = this.api.dispatchedTo("rsj", "小区违建");
		String base = "/api/v1/tickets/" + no;
		this.mvc.perform(postJson("rsj", base + "/return", "{\"reason\": \"不属于人社局职责\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING_DISPATCH"))
			.andExpect(jsonPath("$.returnCount").value(1));
		this.mvc.perform(postJson("operator", base + "/dispatch", "{\"leadUnitCode\": \"chongchuan\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(as("chongchuan", post(base + "/accept"))).andExpect(status().isOk());
		this.mvc.perform(postJson("chongchuan", base + "/reply", "{\"outcome\": \"PARTLY_SOLVED\", \"answer\": \"已责令拆除\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(postJson("operator", base + "/reopen", "{\"reason\": \"市民不满意，违建仍在\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.reopenCount").value(1));
		this.mvc.perform(postJson("operator", base + "/override-level", "{\"level\": \"URGENT\", \"reason\": \"多次投诉\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.level").value("URGENT"))
			.andExpect(jsonPath("$.levelOverridden").value(true));
		this.mvc.perform(postJson("operator", base + "/follow-up", "{\"text\": \"市民再次来电\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events[-1].type").value("FOLLOW_UP"));
	}

	@Test
	void aSupervisorClosesOnlyWithAManualReason() throws Exception {
		String no = this.api.create("要求政府赔偿精神损失一百万");
		this.mvc.perform(postJson("supervisor", "/api/v1/tickets/" + no + "/close", "{\"reason\": \"CALLBACK\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.mvc.perform(postJson("operator", "/api/v1/tickets/" + no + "/close", "{\"reason\": \"UNREASONABLE\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(postJson("supervisor", "/api/v1/tickets/" + no + "/close",
				"{\"reason\": \"UNREASONABLE\", \"note\": \"诉求不合理\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.outcome.closeReason").value("UNREASONABLE"));
	}

	@Test
	void referenceDataIsOpenToEveryAccount() throws Exception {
		this.mvc.perform(as("auditor", get("/api/v1/units")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'rsj')].name").value(hasItem("人社局")));
		this.mvc.perform(as("rsj", get("/api/v1/categories")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'SB.YL')].level").value(hasItem(2)))
			.andExpect(jsonPath("$[?(@.code == 'SB.YL')].parentCode").value(hasItem("SB")));
	}

	@Test
	void theListIsPagedNewestFirst() throws Exception {
		String older = this.api.create("第一件");
		String newer = this.api.create("第二件");
		MvcResult page = this.mvc.perform(as("supervisor", get("/api/v1/tickets?status=PENDING_DISPATCH&page=1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(20))
			.andReturn();
		List<String> numbers = JsonPath.read(page.getResponse().getContentAsString(), "$.items[*].ticketNo");
		assertThat(numbers.indexOf(newer)).isLessThan(numbers.indexOf(older)).isNotNegative();
		this.mvc.perform(as("operator", get("/api/v1/tickets?page=0")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
	}

	@Test
	void aTicketRegisteredByApiIsGradedByTheSameRulesAsTheScreen() throws Exception {
		String json = newTicketJson("我们单元楼道里煤气味很重，好像是燃气泄漏，楼下还有人在抽烟，请赶紧派人来")
			.replace("\"HELP\"", "\"REPORT\"");
		this.mvc.perform(postJson("operator", "/api/v1/tickets", json))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.level").value("CRITICAL"))
			.andExpect(jsonPath("$.marks").value(hasItem("SUDDEN")))
			.andExpect(jsonPath("$.score").value(org.hamcrest.Matchers.greaterThan(0)))
			.andExpect(jsonPath("$.reasons[0].rule").isNotEmpty())
			.andExpect(jsonPath("$.reasons[0].matched").isNotEmpty());
	}

	@Test
	void triagePreviewGradesWithReasonsAndStoresNothing() throws Exception {
		Integer before = this.jdbc.queryForObject("select count(*) from ticket", Integer.class);
		this.mvc.perform(postJson("operator", "/api/v1/triage/preview",
				"{\"text\": \"小区3号楼电梯卡在8楼和9楼之间，里面困了两个人，按警铃没人应\", \"requestType\": \"HELP\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.level").value("CRITICAL"))
			.andExpect(jsonPath("$.marks").isArray())
			.andExpect(jsonPath("$.score").isNumber())
			.andExpect(jsonPath("$.reasons[0].rule").isNotEmpty())
			.andExpect(jsonPath("$.reasons[0].weight").isNumber());
		this.mvc.perform(postJson("supervisor", "/api/v1/triage/preview", "{\"text\": \"养老保险关系转移怎么办理\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.level").value("ROUTINE"));
		assertThat(this.jdbc.queryForObject("select count(*) from ticket", Integer.class)).isEqualTo(before);
		this.mvc.perform(postJson("operator", "/api/v1/triage/preview", "{\"text\": \" \", \"requestType\": \"URGENT\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("requestType")));
		this.mvc.perform(postJson("operator", "/api/v1/triage/preview", "{\"text\": \" \", \"callerPhone\": \"110\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("text")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("callerPhone")));
		this.mvc.perform(postJson("rsj", "/api/v1/triage/preview", "{\"text\": \"燃气泄漏\"}"))
			.andExpect(status().isForbidden());
	}

	private int ticketsWithKey(String key) {
		return this.jdbc.queryForObject("select count(*) from ticket where idempotency_key = ?", Integer.class, key);
	}

}
