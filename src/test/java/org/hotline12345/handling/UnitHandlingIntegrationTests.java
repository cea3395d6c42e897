package org.hotline12345.handling;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The unit's side of the loop through its screens, on real PostgreSQL: the queue, accept, progress with a site photo,
 * reply, return, extension, sub-dispatch; and what must be refused: another unit's ticket (404 whatever is tried),
 * a photo that is too big or not an image, a stale version, a step the status does not allow.
 */
@HotlineIntegrationTest
class UnitHandlingIntegrationTests {

	static final byte[] PNG = png(2048);

	@Autowired
	MockMvc mvc;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	String dispatchedTo(String unitCode, String description) {
		NewTicket request = new NewTicket("李女士", "13912345678", false, false, "崇川区和平桥街道某小区", "chongchuan", null,
				description, RequestType.HELP, "SB.YL", Channel.PHONE, null, false, null);
		String no = this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE,
				null, this.operator).ticketNo();
		this.workflow.dispatch(no, unitCode, List.of(), "请尽快处理", null, this.operator);
		return no;
	}

	Map<String, Object> row(String no) {
		return this.jdbc.queryForMap("select status, version, level, lead_unit_id, extension_pending, return_count"
				+ " from ticket where ticket_no = ?", no);
	}

	String version(String no) {
		return String.valueOf(row(no).get("version"));
	}

	long unitId(String code) {
		return this.jdbc.queryForObject("select id from unit where code = ?", Long.class, code);
	}

	int attachments(String no) {
		return this.jdbc.queryForObject("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id"
				+ " where t.ticket_no = ?", Integer.class, no);
	}

	MockHttpServletRequestBuilder step(String no, String step, String username) {
		return post("/unit/tickets/{no}/" + step, no).with(as(username)).with(csrf());
	}

	MockMultipartHttpServletRequestBuilder progress(String no, String username, MockMultipartFile... photos) {
		MockMultipartHttpServletRequestBuilder request = multipart("/unit/tickets/{no}/progress", no);
		for (MockMultipartFile photo : photos) {
			request.file(photo);
		}
		request.param("note", "已到现场查看").param("version", version(no));
		request.with(as(username)).with(csrf());
		return request;
	}

	@Test
	void theUnitAcceptsRecordsProgressWithASitePhotoAndReplies() throws Exception {
		String no = dispatchedTo("wjw", "社区卫生服务中心预约挂号难");
		this.mvc.perform(get("/unit/tickets").with(as("wjw")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(no)))
			.andExpect(content().string(containsString("data-countdown")))
			.andExpect(content().string(containsString("hx-trigger=\"every 30s\"")))
			.andExpect(content().string(containsString("hx-get=\"/unit/tickets/table?tab=NEW\"")));
		this.mvc.perform(get("/unit/tickets/table").param("tab", "NEW").with(as("wjw")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(no)))
			.andExpect(content().string(not(containsString("<html"))));

		this.mvc.perform(get("/unit/tickets/{no}", no).with(as("wjw")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/unit/tickets/" + no + "/accept")))
			.andExpect(content().string(not(containsString("/unit/tickets/" + no + "/reply"))));
		this.mvc.perform(step(no, "accept", "wjw").param("version", version(no)))
			.andExpect(redirectedUrl("/unit/tickets/" + no));
		assertThat(row(no).get("status")).isEqualTo("IN_PROGRESS");

		this.mvc.perform(progress(no, "wjw", new MockMultipartFile("photos", "现场.png", "image/png", PNG)))
			.andExpect(redirectedUrl("/unit/tickets/" + no));
		Map<String, Object> photo = this.jdbc.queryForMap("select a.id, a.event_id, a.sha256, a.content_type, a.size_bytes,"
				+ " e.type from ticket_attachment a join ticket t on t.id = a.ticket_id join ticket_event e on e.id = a.event_id"
				+ " where t.ticket_no = ?", no);
		assertThat(photo.get("type")).isEqualTo("PROGRESS");
		assertThat(photo.get("sha256")).isEqualTo(TicketAttachments.sha256(PNG));
		assertThat(photo.get("content_type")).isEqualTo("image/png");
		assertThat(photo.get("size_bytes")).isEqualTo((long) PNG.length);
		String url = "/tickets/" + no + "/attachments/" + photo.get("id");

		this.mvc.perform(get("/unit/tickets/{no}", no).with(as("wjw")))
			.andExpect(content().string(containsString("src=\"" + url + "\"")))
			.andExpect(content().string(containsString("已到现场查看")))
			.andExpect(content().string(containsString("capture=\"environment\"")));
		this.mvc.perform(get(url).with(as("wjw")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(content().bytes(PNG));
		this.mvc.perform(get(url).with(as("operator"))).andExpect(status().isOk());

		this.mvc.perform(step(no, "reply", "wjw").param("version", version(no))
			.param("outcome", "SOLVED")
			.param("answer", "已协调服务中心开放电话预约"))
			.andExpect(redirectedUrl("/unit/tickets?tab=DONE"));
		assertThat(row(no).get("status")).isEqualTo("CALLBACK_PENDING");
		this.mvc.perform(get("/unit/tickets").param("tab", "DONE").with(as("wjw")))
			.andExpect(content().string(containsString(no)));
	}

	@Test
	void aReplyNeedsTheOutcomeAndTheAnswer() throws Exception {
		String no = dispatchedTo("rsj", "社保卡补办进度查询");
		this.workflow.accept(no, null, new Actor("rsj", Role.UNIT_STAFF, unitId("rsj")));
		this.mvc.perform(step(no, "reply", "rsj").param("version", version(no)).param("answer", "  "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择办理结果")))
			.andExpect(content().string(containsString("请填写答复市民的内容")));
		assertThat(row(no).get("status")).isEqualTo("IN_PROGRESS");
	}

	@Test
	void aReturnNeedsAReasonAndGoesBackToTheCentre() throws Exception {
		String no = dispatchedTo("rsj", "小区门口井盖缺失");
		this.mvc.perform(step(no, "return", "rsj").param("version", version(no)).param("reason", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写退单理由")));
		assertThat(row(no).get("status")).isEqualTo("DISPATCHED");

		this.mvc.perform(step(no, "return", "rsj").param("version", version(no)).param("reason", "井盖属市政设施，应由城管局办理"))
			.andExpect(redirectedUrl("/unit/tickets"));
		assertThat(row(no).get("status")).isEqualTo("PENDING_DISPATCH");
		assertThat(row(no).get("return_count")).isEqualTo(1);
	}

	@Test
	void anExtensionIsRequestedWithANewDeadlineAndAReason() throws Exception {
		String no = dispatchedTo("rsj", "失业金申领材料复杂");
		this.workflow.accept(no, null, new Actor("rsj", Role.UNIT_STAFF, unitId("rsj")));
		Instant replyDue = this.jdbc.queryForObject("select reply_due_at from ticket where ticket_no = ?", Timestamp.class, no)
			.toInstant();
		LocalDateTime earlier = LocalDateTime.ofInstant(replyDue.minus(1, ChronoUnit.HOURS), this.clock.getZone());
		this.mvc.perform(step(no, "extension", "rsj").param("version", version(no))
			.param("until", earlier.truncatedTo(ChronoUnit.MINUTES).toString())
			.param("reason", "需要调取外地参保记录"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("必须晚于当前办理时限")));
		assertThat(row(no).get("extension_pending")).isEqualTo(false);

		LocalDateTime later = LocalDateTime.ofInstant(replyDue.plus(3, ChronoUnit.DAYS), this.clock.getZone());
		this.mvc.perform(step(no, "extension", "rsj").param("version", version(no))
			.param("until", later.truncatedTo(ChronoUnit.MINUTES).toString())
			.param("reason", "需要调取外地参保记录"))
			.andExpect(redirectedUrl("/unit/tickets/" + no));
		assertThat(row(no).get("extension_pending")).isEqualTo(true);
		this.mvc.perform(get("/unit/tickets").param("tab", "EXTENSION_PENDING").with(as("rsj")))
			.andExpect(content().string(containsString(no)));
	}

	@Test
	void aDistrictPassesTheTicketDownToOneOfItsStreets() throws Exception {
		String no = dispatchedTo("chongchuan", "和平桥街道某路段路灯不亮");
		this.mvc.perform(get("/unit/tickets/{no}", no).with(as("chongchuan")))
			.andExpect(content().string(containsString("value=\"cc-hpq\"")));
		this.mvc.perform(step(no, "sub-dispatch", "chongchuan").param("version", version(no))
			.param("streetCode", "rsj"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("只能下派到本区所属的街道")));
		assertThat(row(no).get("lead_unit_id")).isEqualTo(unitId("chongchuan"));

		this.mvc.perform(step(no, "sub-dispatch", "chongchuan").param("version", version(no))
			.param("streetCode", "cc-hpq")
			.param("note", "请街道核实"))
			.andExpect(redirectedUrl("/unit/tickets/" + no));
		assertThat(row(no).get("lead_unit_id")).isEqualTo(unitId("cc-hpq"));
		this.mvc.perform(get("/unit/tickets").with(as("cc-hpq"))).andExpect(content().string(containsString(no)));
		this.mvc.perform(step(no, "accept", "cc-hpq").param("version", version(no)))
			.andExpect(redirectedUrl("/unit/tickets/" + no));
	}

	@Test
	void anotherUnitsTicketIsNotFoundWhateverIsTriedAndNothingChanges() throws Exception {
		String no = dispatchedTo("rsj", "拖欠工资三个月");
		this.mvc.perform(progress(no, "rsj", new MockMultipartFile("photos", "a.png", "image/png", PNG)))
			.andExpect(status().isConflict());
		this.workflow.accept(no, null, new Actor("rsj", Role.UNIT_STAFF, unitId("rsj")));
		this.workflow.addProgress(no, "已约谈用人单位", new Actor("rsj", Role.UNIT_STAFF, unitId("rsj")));
		Map<String, Object> before = row(no);

		this.mvc.perform(get("/unit/tickets/{no}", no).with(as("jjzd"))).andExpect(status().isNotFound());
		this.mvc.perform(step(no, "accept", "jjzd").param("version", version(no))).andExpect(status().isNotFound());
		this.mvc.perform(step(no, "reply", "jjzd").param("version", version(no))
			.param("outcome", "SOLVED")
			.param("answer", "已处理")).andExpect(status().isNotFound());
		this.mvc.perform(step(no, "reply", "jjzd").param("version", version(no))).andExpect(status().isNotFound());
		this.mvc.perform(step(no, "return", "jjzd").param("version", version(no)).param("reason", "x"))
			.andExpect(status().isNotFound());
		this.mvc.perform(step(no, "extension", "jjzd").param("version", version(no))
			.param("until", "2099-01-01T10:00")
			.param("reason", "x")).andExpect(status().isNotFound());
		this.mvc.perform(progress(no, "jjzd", new MockMultipartFile("photos", "a.png", "image/png", PNG)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/unit/tickets").param("tab", "IN_PROGRESS").with(as("jjzd")))
			.andExpect(content().string(not(containsString(no))));
		this.mvc.perform(get("/unit/tickets/table").param("tab", "IN_PROGRESS").with(as("jjzd")))
			.andExpect(content().string(not(containsString(no))));

		assertThat(row(no)).isEqualTo(before);
		assertThat(attachments(no)).isZero();
	}

	@Test
	void aPhotoIsServedOnlyToThoseWhoMaySeeTheTicket() throws Exception {
		String no = dispatchedTo("rsj", "医保报销进度");
		String other = dispatchedTo("jjzd", "路口信号灯故障");
		this.workflow.accept(no, null, new Actor("rsj", Role.UNIT_STAFF, unitId("rsj")));
		this.mvc.perform(progress(no, "rsj", new MockMultipartFile("photos", "p.png", "image/png", PNG)))
			.andExpect(status().is3xxRedirection());
		Long id = this.jdbc.queryForObject("select a.id from ticket_attachment a join ticket t on t.id = a.ticket_id"
				+ " where t.ticket_no = ?", Long.class, no);

		this.mvc.perform(get("/tickets/{no}/attachments/{id}", no, id).with(as("jjzd"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/tickets/{no}/attachments/{id}", other, id).with(as("jjzd"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/tickets/{no}/attachments/{id}", no, id).with(as("auditor"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/tickets/{no}/attachments/{id}", no, id).with(as("supervisor"))).andExpect(status().isOk());
		this.mvc.perform(get("/tickets/{no}/attachments/{id}", no, id)).andExpect(status().is3xxRedirection());
	}

	@Test
	void aPhotoTooBigOrNotAnImageIsRefusedWithAFieldError() throws Exception {
		String no = dispatchedTo("rsj", "养老金发放查询");
		this.workflow.accept(no, null, new Actor("rsj", Role.UNIT_STAFF, unitId("rsj")));

		byte[] big = png((int) TicketAttachments.MAX_BYTES + 1);
		this.mvc.perform(progress(no, "rsj", new MockMultipartFile("photos", "big.png", "image/png", big)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("超过 10 MB")))
			.andExpect(content().string(containsString("已到现场查看")));

		byte[] script = "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(progress(no, "rsj", new MockMultipartFile("photos", "photo.png", "image/png", script)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不是 JPEG、PNG 或 WebP 图片")));
		byte[] pdf = "%PDF-1.7 fake".getBytes(StandardCharsets.US_ASCII);
		this.mvc.perform(progress(no, "rsj", new MockMultipartFile("photos", "scan.jpg", "image/jpeg", pdf)))
			.andExpect(content().string(containsString("不是 JPEG、PNG 或 WebP 图片")));

		assertThat(attachments(no)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id"
				+ " where t.ticket_no = ? and e.type = 'PROGRESS'", Integer.class, no)).isZero();
	}

	@Test
	void aStaleVersionIsRefusedAsChangedBySomeoneElse() throws Exception {
		String no = dispatchedTo("rsj", "工伤认定咨询");
		String seen = version(no);
		this.workflow.remind(no, "REMINDER", "请尽快签收", this.operator);
		this.mvc.perform(step(no, "accept", "rsj").param("version", seen))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已被他人修改")))
			.andExpect(content().string(containsString("name=\"version\" value=\"" + version(no) + "\"")));
		assertThat(row(no).get("status")).isEqualTo("DISPATCHED");
	}

	@Test
	void aStepTheStatusDoesNotAllowNamesTheStatus() throws Exception {
		String no = dispatchedTo("rsj", "人才引进补贴申请");
		this.workflow.accept(no, null, new Actor("rsj", Role.UNIT_STAFF, unitId("rsj")));
		this.mvc.perform(step(no, "accept", "rsj").param("version", version(no)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("当前状态为「办理中」")));
	}

	@Test
	void extraFieldsAreIgnored() throws Exception {
		String no = dispatchedTo("rsj", "职业技能补贴");
		this.mvc.perform(step(no, "accept", "rsj").param("version", version(no))
			.param("status", "CLOSED")
			.param("level", "CRITICAL")
			.param("unitCode", "jjzd")
			.param("leadUnitId", String.valueOf(unitId("jjzd"))))
			.andExpect(status().is3xxRedirection());
		Map<String, Object> after = row(no);
		assertThat(after.get("status")).isEqualTo("IN_PROGRESS");
		assertThat(after.get("level")).isEqualTo("ROUTINE");
		assertThat(after.get("lead_unit_id")).isEqualTo(unitId("rsj"));
	}

	@Test
	void onlyUnitStaffOpenTheUnitScreens() throws Exception {
		this.mvc.perform(get("/unit/tickets").with(as("operator"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/unit/tickets").with(as("supervisor"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/unit/tickets").with(as("rsj"))).andExpect(status().isOk());
	}

	/** A PNG signature followed by filler: enough for the magic-byte check. */
	static byte[] png(int size) {
		byte[] data = new byte[size];
		Arrays.fill(data, (byte) 7);
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		System.arraycopy(signature, 0, data, 0, signature.length);
		return data;
	}

}
