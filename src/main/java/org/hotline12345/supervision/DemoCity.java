package org.hotline12345.supervision;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DispatchSuggestion;
import org.hotline12345.department.UnitView;
import org.hotline12345.shared.PersonalDataProtection;
import org.hotline12345.shared.ProtectedPhone;
import org.hotline12345.ticket.TicketIds;
import org.hotline12345.ticket.TicketPartitions;
import org.hotline12345.ticket.TimelinePartitions;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Fills the database with a believable city: weeks of tickets in the category shares of the city's weekly report,
 * across channels, service lines, districts and units, with histories the workflow could have produced (every step
 * in order, each with its timeline row; a step that would lie in the future has not happened yet, so recent tickets
 * are still open, some past their deadline). Written with COPY straight into {@code ticket} and
 * {@code ticket_event}: the workflow would take minutes for 200,000 tickets.
 */
@Component
class DemoCity {

	private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private static final int CHUNK = 20_000;

	static final String TICKET_COLUMNS = "id, ticket_no, status, level, marks, triage_score, caller_name, "
			+ "caller_phone_enc, caller_phone_index, caller_phone_masked, anonymous, confidential, address, district_code, "
			+ "description, request_type, category_code, channel, service_line, vulnerable, lead_unit_id, dispatched_at, "
			+ "accept_due_at, accepted_at, reply_due_at, replied_at, callback_due_at, closed_at, reply_outcome, "
			+ "reply_answer, direct_answer, callback_attempts, callback_reached, callback_solved, satisfaction, "
			+ "close_reason, return_count, reopen_count, extension_pending, created_at, created_by, updated_at, version";

	static final String EVENT_COLUMNS = "ticket_id, at, actor, actor_unit_id, type, from_status, to_status, note";

	/** Shares of the main line by level-1 category: the first five are the city's published week. */
	static final Map<String, Double> CATEGORY_SHARES = new LinkedHashMap<>();

	static {
		CATEGORY_SHARES.put("SB", 22.4);
		CATEGORY_SHARES.put("XF", 12.0);
		CATEGORY_SHARES.put("QY", 6.11);
		CATEGORY_SHARES.put("ZF", 6.1);
		CATEGORY_SHARES.put("JT", 4.21);
		CATEGORY_SHARES.put("LD", 4.0);
		CATEGORY_SHARES.put("SR", 3.6);
		CATEGORY_SHARES.put("GY", 3.4);
		CATEGORY_SHARES.put("ZY", 3.2);
		CATEGORY_SHARES.put("WY", 3.1);
		CATEGORY_SHARES.put("CL", 3.0);
		CATEGORY_SHARES.put("YL", 2.8);
		CATEGORY_SHARES.put("JY", 2.6);
		CATEGORY_SHARES.put("GJJ", 2.4);
		CATEGORY_SHARES.put("HJ", 2.2);
		CATEGORY_SHARES.put("SZ", 2.1);
		CATEGORY_SHARES.put("ST", 1.9);
		CATEGORY_SHARES.put("XA", 1.6);
		CATEGORY_SHARES.put("WJ", 1.5);
		CATEGORY_SHARES.put("GW", 1.3);
		CATEGORY_SHARES.put("XZ", 1.0);
		CATEGORY_SHARES.put("LY", 0.9);
		CATEGORY_SHARES.put("QZ", 0.8);
		CATEGORY_SHARES.put("QT", 3.78);
	}

	private static final Map<String, String[]> TEMPLATES = Map.ofEntries(
			Map.entry("SB", new String[] { "咨询养老保险关系转移，{p}窗口说要等系统升级，想知道具体办理时间",
					"退休后养老金{m}月份没有按时到账，打电话到社保中心一直占线", "医保异地就医备案怎么办理，{p}附近哪里可以办",
					"单位未给员工缴纳社保已经{n}个月，要求核实处理", "社保卡丢失补办后一直没有收到，询问进度" }),
			Map.entry("XF", new String[] { "{p}一家健身房突然关门，预付卡里还有{n}千元无法退款",
					"在{p}超市买到过期食品，商家拒绝按规定赔偿", "网购手机收到后屏幕有问题，商家拒不退货",
					"{p}菜市场电子秤缺斤短两，希望市场监管部门检查", "教培机构收费后不上课也不退费，涉及家长{n}0人" }),
			Map.entry("QY", new String[] { "家中老人8{n}岁独居，申请居家养老服务一直没有回复",
					"残疾证办理需要哪些材料，{p}街道说要去区里办", "低保申请提交{n}个月了没有结果，希望加快审核",
					"个人信息被泄露，每天接到{n}个推销电话" }),
			Map.entry("ZF", new String[] { "{p}小区公租房申请审核进度查询", "购买的商品房逾期{n}个月未交付，开发商不给说法",
					"{p}老旧小区改造施工拖延，道路开挖后无人管理", "房东不退押金，合同到期已经{n}周" }),
			Map.entry("JT", new String[] { "{p}路口公交站台拆除后没有临时站牌，乘客找不到车站",
					"网约车司机绕路多收费{n}0元，平台不处理", "{p}附近早晚高峰拥堵严重，建议优化信号灯配时",
					"{n}路公交车班次太少，早上等车超过半小时" }),
			Map.entry("LD", new String[] { "{p}一家工厂拖欠{n}名工人工资三个月", "公司不签劳动合同，辞职后不给结工资",
					"单位要求每天加班{n}小时但没有加班费" }),
			Map.entry("SR", new String[] { "{p}路边占道经营严重，行人无法通行", "{p}垃圾桶满了{n}天没有清运，气味很大",
					"小区门口乱堆建筑垃圾，影响出行" }),
			Map.entry("GY", new String[] { "{p}整栋楼停水{n}小时，没有任何通知", "家里燃气表读数异常，燃气费比上月高出{n}倍",
					"{p}路段路灯不亮已经{n}天", "{p}小区雨后排水不畅，地下车库进水" }),
			Map.entry("ZY", new String[] { "{p}工地夜间施工到凌晨{n}点，噪音扰民", "楼下烧烤摊每晚经营到深夜，噪音很大",
					"{p}广场舞音响声音太大，影响老人和孩子休息" }),
			Map.entry("WY", new String[] { "{p}小区电梯经常故障，物业不及时维修", "物业擅自提高停车费{n}成，业主不认可",
					"小区维修资金使用不公开，要求查账" }),
			Map.entry("CL", new String[] { "{p}人行道上长期停放车辆，行人只能走机动车道", "驾驶证到期换证需要哪些材料",
					"小区门口车辆乱停堵塞消防通道" }),
			Map.entry("YL", new String[] { "在{p}医院看病排队{n}小时，挂号难", "对医院收费有疑问，要求核实", "社区卫生服务中心疫苗预约不上" }),
			Map.entry("JY", new String[] { "孩子入学学区划分咨询，{p}小区属于哪所学校", "随迁子女入学需要哪些材料",
					"学校午餐收费{n}元一天，家长认为偏高" }),
			Map.entry("XA", new String[] { "{p}楼道里有人给电动车充电，存在火灾隐患", "小区消防栓没有水，消防设施损坏",
					"{p}商铺堆放大量易燃物" }),
			Map.entry("RC", new String[] { "人才公寓申请条件咨询", "高层次人才补贴申报材料提交后{n}个月未发放", "人才落户政策咨询" }),
			Map.entry("QF", new String[] { "企业开办手续办理咨询，希望提供帮办服务", "企业申报的稳岗补贴{n}个月未到账",
					"园区企业用电扩容申请进度查询" }));

	private static final String[] GENERIC = { "反映{p}有关问题，希望相关部门尽快处理", "咨询相关政策，{p}窗口答复不一致",
			"{p}附近存在安全隐患，希望相关部门尽快处理" };

	private static final String[] PLACES = { "和平桥", "城东", "新城桥", "观音山", "狼山", "学田", "唐闸", "金沙", "先锋",
			"兴仁", "三厂", "海门港", "城北", "人民路", "工农路", "青年路", "崇川路", "濠河", "文峰", "五一路" };

	private static final String[] NAMES = { "张先生", "李女士", "王先生", "刘女士", "陈先生", "杨女士", "赵先生", "黄女士",
			"周先生", "吴女士", "徐先生", "孙女士", "朱先生", "马女士", "胡先生", "郭女士" };

	private static final String[] CHANNELS = { "PHONE", "WECHAT", "WEB", "APP", "PROVINCE", "GRID", "OTHER_CITY",
			"POLICE" };

	private static final double[] CHANNEL_WEIGHTS = { 72, 9, 7, 5, 4, 2, 0.6, 0.4 };

	private static final String[] TYPES = { "CONSULTATION", "HELP", "COMPLAINT", "REPORT", "SUGGESTION", "PRAISE",
			"OTHER" };

	private static final double[] TYPE_WEIGHTS = { 56, 14, 19, 4, 4, 1.5, 1.5 };

	/** Tickets by hour of day: the morning and early-afternoon peaks of a call centre. */
	private static final double[] HOURS = { 0.4, 0.3, 0.2, 0.2, 0.2, 0.4, 1.2, 3.0, 7.5, 9.5, 9.5, 8.0, 5.5, 6.0, 8.0,
			8.0, 7.5, 6.0, 3.5, 2.6, 2.2, 1.7, 1.2, 0.7 };

	private final DataSource dataSource;

	private final DepartmentDirectory directory;

	private final WorkingCalendar calendar;

	private final PersonalDataProtection protection;

	private final Clock clock;

	private final TimelinePartitions partitions;

	private final TicketPartitions ticketPartitions;

	private final DashboardRollup rollup;

	DemoCity(DataSource dataSource, DepartmentDirectory directory, WorkingCalendar calendar,
			PersonalDataProtection protection, Clock clock, TimelinePartitions partitions,
			TicketPartitions ticketPartitions, DashboardRollup rollup) {
		this.dataSource = dataSource;
		this.partitions = partitions;
		this.ticketPartitions = ticketPartitions;
		this.directory = directory;
		this.calendar = calendar;
		this.protection = protection;
		this.clock = clock;
		this.rollup = rollup;
	}

	/** What a run wrote and how long it took. */
	record Result(int tickets, int events, Duration took) {

		long ticketsPerSecond() {
			return (this.took.toMillis() > 0) ? this.tickets * 1000L / this.took.toMillis() : this.tickets;
		}

	}

	/**
	 * Generates {@code weeks} weeks up to now with about {@code perWeek} tickets a week (weekdays busier than
	 * weekends; today only up to the current hour), plus a few open clusters. The tickets bypass the workflow and its
	 * events, so the dashboard's rollup is rebuilt afterwards.
	 */
	Result generate(int weeks, int perWeek, long seed) {
		long started = System.nanoTime();
		Context context = new Context(new SplittableRandom(seed));
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		LocalDate first = today.minusWeeks(weeks).plusDays(1);
		int[] written = new int[2];
		// Tickets and timeline are partitioned by month: the weeks written here get their months first, not the default.
		this.ticketPartitions.cover(first.atStartOfDay(this.clock.getZone()).toInstant(), now);
		this.partitions.cover(first.atStartOfDay(this.clock.getZone()).toInstant(), now);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			Batch batch = new Batch();
			for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
				boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
				double dayShare = weekend ? 0.8 / 6.6 : 1.0 / 6.6 * 1.0;
				int count = (int) Math.round(perWeek * dayShare);
				for (int i = 0; i < count; i++) {
					Instant created = day.atStartOfDay(this.clock.getZone())
						.toInstant()
						.plusSeconds(pickHour(context.random) * 3600L + context.random.nextInt(3600));
					if (created.isAfter(now)) {
						continue;
					}
					batch.add(created);
					if (batch.size() >= CHUNK) {
						flush(connection, copy, batch, context, now, written);
					}
				}
			}
			flush(connection, copy, batch, context, now, written);
			written[0] += clusters(connection, copy, context, now, written);
			connection.commit();
			try (Statement statement = connection.createStatement()) {
				connection.setAutoCommit(true);
				statement.execute("vacuum analyze ticket");
				statement.execute("vacuum analyze ticket_event");
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Demo city generation failed", ex);
		}
		this.rollup.rebuild();
		Result result = new Result(written[0], written[1], Duration.ofNanos(System.nanoTime() - started));
		log.info("Demo city: {} tickets and {} timeline rows in {} ms ({} tickets/s)", result.tickets(),
				result.events(), result.took().toMillis(), result.ticketsPerSecond());
		return result;
	}

	/** Creation times waiting for ids and rows. */
	private static final class Batch {

		final List<Instant> created = new ArrayList<>();

		void add(Instant instant) {
			this.created.add(instant);
		}

		int size() {
			return this.created.size();
		}

	}

	private void flush(Connection connection, CopyManager copy, Batch batch, Context context, Instant now,
			int[] written) throws SQLException, IOException {
		if (batch.size() == 0) {
			return;
		}
		long[] ids = ids(connection, batch.size());
		Rows tickets = new Rows();
		Rows events = new Rows();
		for (int i = 0; i < batch.size(); i++) {
			written[1] += ticket(ids[i], batch.created.get(i), context, now, tickets, events, null);
		}
		copy.copyIn("COPY ticket (" + TICKET_COLUMNS + ") FROM STDIN WITH (FORMAT csv)", new StringReader(tickets.text()));
		copy.copyIn("COPY ticket_event (" + EVENT_COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
				new StringReader(events.text()));
		written[0] += batch.size();
		batch.created.clear();
	}

	private static long[] ids(Connection connection, int count) throws SQLException {
		long[] ids = new long[count];
		try (PreparedStatement statement = connection
			.prepareStatement("select nextval('ticket_id_seq') from generate_series(1, ?)")) {
			statement.setInt(1, count);
			try (ResultSet rs = statement.executeQuery()) {
				int i = 0;
				while (rs.next()) {
					ids[i++] = rs.getLong(1);
				}
			}
		}
		return ids;
	}

	/** A few open clusters (集中) from the last hours: one matter, one place, many callers. */
	private int clusters(Connection connection, CopyManager copy, Context context, Instant now, int[] written)
			throws SQLException, IOException {
		String[][] specs = { { "GY.GS", "haimen", "{p}整栋楼停水超过{n}小时，没有任何通知，老人孩子用水困难" },
				{ "LD.QX", "tongzhou", "{p}一家工厂拖欠{n}0名工人工资，工人准备集体讨薪" },
				{ "GY.GD", "chongchuan", "{p}片区大面积停电{n}小时，电梯停运有老人被困家中" } };
		int total = 0;
		for (String[] spec : specs) {
			int size = 6 + context.random.nextInt(8);
			long[] ids = ids(connection, size);
			Rows tickets = new Rows();
			Rows events = new Rows();
			for (int i = 0; i < size; i++) {
				Instant created = now.minusSeconds(600L + context.random.nextInt(5 * 3600));
				written[1] += ticket(ids[i], created, context, now, tickets, events, spec);
			}
			copy.copyIn("COPY ticket (" + TICKET_COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
					new StringReader(tickets.text()));
			copy.copyIn("COPY ticket_event (" + EVENT_COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
					new StringReader(events.text()));
			total += size;
		}
		return total;
	}

	/**
	 * Writes one ticket and its timeline; answers the number of timeline rows. The id is the sequence's value in the
	 * block of the month the ticket was registered (TicketIds), as the workflow gives it.
	 */
	private int ticket(long sequence, Instant created, Context c, Instant now, Rows tickets, Rows events,
			String[] cluster) {
		long id = TicketIds.of(created, this.clock.getZone(), sequence);
		SplittableRandom r = c.random;
		String line = "MAIN";
		double lineDraw = r.nextDouble();
		if (cluster == null && lineDraw < 0.0018) {
			line = "TALENT";
		}
		else if (cluster == null && lineDraw < 0.0168) {
			line = "ENTERPRISE";
		}
		String top = "TALENT".equals(line) ? "RC" : "ENTERPRISE".equals(line) ? "QF" : c.pickTop(r);
		String category = (cluster != null) ? cluster[0] : c.pickCategory(top, r);
		String district = (cluster != null) ? cluster[1] : c.pickDistrict(r);
		String type = (cluster != null) ? "HELP" : TYPES[pick(TYPE_WEIGHTS, r)];
		String channel = (cluster != null) ? "PHONE" : CHANNELS[pick(CHANNEL_WEIGHTS, r)];
		String level = "ROUTINE";
		String marks = "";
		double levelDraw = r.nextDouble();
		if (cluster != null) {
			level = "URGENT";
			marks = "CLUSTER";
		}
		else if (levelDraw < 0.003 && !"PRAISE".equals(type)) {
			level = "CRITICAL";
			marks = "SUDDEN";
		}
		else if (levelDraw < 0.04 && !"PRAISE".equals(type)) {
			level = "URGENT";
			marks = (r.nextBoolean()) ? "IMPORTANT" : "SENSITIVE";
		}
		String description = describe((cluster != null) ? new String[] { cluster[2] } : c.templates(top), r);
		ProtectedPhone phone = c.phones.get(r.nextInt(c.phones.size()));
		String operator = r.nextBoolean() ? "operator" : "operator2";
		String place = PLACES[r.nextInt(PLACES.length)];

		Story s = new Story(id, created, operator);
		s.event(created, operator, null, "REGISTERED", null, "REGISTERED", null);
		boolean direct = cluster == null && "ROUTINE".equals(level) && r.nextDouble() < switch (type) {
			case "CONSULTATION" -> 0.93;
			case "HELP" -> 0.55;
			case "PRAISE" -> 0.9;
			default -> 0.2;
		};
		String status;
		if (direct) {
			Instant closed = created.plusSeconds(120 + r.nextInt(400));
			if (closed.isAfter(now)) {
				closed = created;
			}
			s.directAnswer = "已根据知识库答复市民：" + answerFor(top);
			s.event(closed, operator, null, "DIRECT_ANSWER", "REGISTERED", "CLOSED", s.directAnswer);
			s.closedAt = closed;
			s.closeReason = "DIRECT_ANSWER";
			status = "CLOSED";
		}
		else {
			status = handled(s, c, r, now, level, type, category, district, marks);
		}
		s.status = status;
		tickets.row()
			.num(id)
			.text("NT" + java.time.LocalDate.ofInstant(created, this.clock.getZone()).format(DAY)
					+ String.format("%06d", id % 1_000_000))
			.text(status)
			.text(level)
			.text(marks)
			.num("ROUTINE".equals(level) ? 0 : ("URGENT".equals(level) ? 60 : 90))
			.text(NAMES[r.nextInt(NAMES.length)])
			.text(phone.encrypted())
			.text(phone.blindIndex())
			.text(phone.masked())
			.bool(false)
			.bool(r.nextInt(50) == 0)
			.text(this.names(district) + place + "附近")
			.text(district)
			.text(description.replace("{p}", place))
			.text(type)
			.text(category)
			.text(channel)
			.text(line)
			.bool(r.nextInt(40) == 0)
			.num(s.unitId)
			.time(s.dispatchedAt)
			.time(s.acceptDueAt)
			.time(s.acceptedAt)
			.time(s.replyDueAt)
			.time(s.repliedAt)
			.time(s.callbackDueAt)
			.time(s.closedAt)
			.text(s.replyOutcome)
			.text(s.replyAnswer)
			.text(s.directAnswer)
			.num(s.callbackAttempts)
			.bool(s.reached)
			.bool(s.solved)
			.text(s.satisfaction)
			.text(s.closeReason)
			.num(s.returnCount)
			.num(0)
			.bool(s.extensionPending)
			.time(created)
			.text(operator)
			.time(s.updatedAt)
			.num(s.events.size())
			.end();
		for (Object[] event : s.events) {
			events.row()
				.num(id)
				.time((Instant) event[0])
				.text((String) event[1])
				.num((Long) event[2])
				.text((String) event[3])
				.text((String) event[4])
				.text((String) event[5])
				.text((String) event[6])
				.end();
		}
		return s.events.size();
	}

	/** Queue, dispatch, accept, reply, callback: each step only if its time has come. Answers the status. */
	private String handled(Story s, Context c, SplittableRandom r, Instant now, String level, String type,
			String category, String district, String marks) {
		boolean urgent = !"ROUTINE".equals(level);
		Instant queued = s.created.plusSeconds(60 + r.nextInt(300));
		if (queued.isAfter(now)) {
			return "REGISTERED";
		}
		s.event(queued, s.operator, null, "QUEUED", "REGISTERED", "PENDING_DISPATCH", null);
		if (marks.contains("CLUSTER")) {
			s.event(queued.plusSeconds(5), "system", null, "CLUSTER_MARKED", "PENDING_DISPATCH", "PENDING_DISPATCH",
					"同一事项同一地点多人来电");
		}
		Instant dispatched = queued.plusSeconds(urgent ? 120 + r.nextInt(900) : 600 + r.nextInt(4 * 3600));
		if (dispatched.isAfter(now)) {
			return "PENDING_DISPATCH";
		}
		UnitView unit = c.leadUnit(category, district);
		if (r.nextInt(50) == 0) {
			// 退单: the first unit says it is not theirs; the centre sends it to the district.
			UnitView first = unit;
			UnitView second = this.directory.unit(district).filter((d) -> d.id() != first.id()).orElse(null);
			if (second != null) {
				s.dispatch(dispatched, first, level, type, "请按职责办理");
				Instant returned = dispatched.plusSeconds(1800 + r.nextInt(3 * 3600));
				if (returned.isAfter(now)) {
					return "DISPATCHED";
				}
				s.event(returned, first.code(), first.id(), "RETURNED", "DISPATCHED", "PENDING_DISPATCH",
						"经核实不属于本单位职责，建议转属地处理");
				s.returnCount = 1;
				s.clearUnit();
				dispatched = returned.plusSeconds(600 + r.nextInt(3600));
				if (dispatched.isAfter(now)) {
					return "PENDING_DISPATCH";
				}
				unit = second;
			}
		}
		s.dispatch(dispatched, unit, level, type, urgent ? "紧急件，请立即处置" : null);
		long acceptWindow = Duration.between(dispatched, s.acceptDueAt).toSeconds();
		double acceptShare = (r.nextInt(100) < 95) ? 0.03 + r.nextDouble() * 0.8 : 1.1 + r.nextDouble() * 2;
		Instant accepted = dispatched.plusSeconds((long) (acceptWindow * acceptShare));
		if (accepted.isAfter(now)) {
			return "DISPATCHED";
		}
		s.acceptedAt = accepted;
		s.event(accepted, unit.code(), unit.id(), "ACCEPTED", "DISPATCHED", "IN_PROGRESS", null);
		long replyWindow = Duration.between(dispatched, s.replyDueAt).toSeconds();
		if (!urgent && r.nextInt(70) == 0) {
			Instant asked = accepted.plusSeconds(3600);
			if (asked.isBefore(now) && asked.isBefore(s.replyDueAt)) {
				s.event(asked, unit.code(), unit.id(), "EXTENSION_REQUESTED", "IN_PROGRESS", "IN_PROGRESS",
						"需协调多个部门现场核查，申请延期");
				Instant decided = asked.plusSeconds(2 * 3600);
				if (decided.isAfter(now)) {
					s.extensionPending = true;
					return "IN_PROGRESS";
				}
				s.replyDueAt = this.calendar.plusWorkingDays(s.replyDueAt, 5);
				s.event(decided, "supervisor", null, "EXTENSION_APPROVED", "IN_PROGRESS", "IN_PROGRESS", "同意延期");
				replyWindow = Duration.between(dispatched, s.replyDueAt).toSeconds();
			}
		}
		double replyShare = (r.nextInt(1000) < 975) ? 0.15 + r.nextDouble() * 0.8 : 1.05 + r.nextDouble() * 0.6;
		Instant replied = dispatched.plusSeconds((long) (replyWindow * replyShare));
		if (replied.isBefore(accepted)) {
			replied = accepted.plusSeconds(600);
		}
		if (r.nextInt(3) == 0) {
			Instant progress = accepted.plusSeconds(Duration.between(accepted, replied).toSeconds() / 2);
			if (progress.isBefore(now)) {
				s.event(progress, unit.code(), unit.id(), "PROGRESS", "IN_PROGRESS", "IN_PROGRESS",
						"已电话联系市民，约定现场查看");
			}
		}
		if (replied.isAfter(now)) {
			return "IN_PROGRESS";
		}
		int outcome = r.nextInt(100);
		s.replyOutcome = (outcome < 82) ? "SOLVED" : (outcome < 94) ? "PARTLY_SOLVED" : "UNSOLVED";
		s.replyAnswer = "SOLVED".equals(s.replyOutcome) ? "经现场核实，问题已处理完毕，已电话告知市民"
				: "已协调相关方，部分问题需进一步处理，已向市民解释";
		s.repliedAt = replied;
		s.callbackDueAt = urgent ? replied.plusSeconds(2 * 3600) : this.calendar.plusWorkingDays(replied, 1);
		s.event(replied, unit.code(), unit.id(), "REPLIED", "IN_PROGRESS", "CALLBACK_PENDING", s.replyAnswer);
		Instant attempt = replied.plusSeconds(1800 + r.nextInt(20 * 3600));
		boolean reachable = r.nextInt(100) < 93;
		for (int tries = 1; tries <= 3; tries++) {
			if (attempt.isAfter(now)) {
				return "CALLBACK_PENDING";
			}
			s.callbackAttempts = tries;
			if (reachable || (tries < 3 && r.nextBoolean())) {
				boolean solved = "SOLVED".equals(s.replyOutcome) ? r.nextInt(100) < 93 : r.nextInt(100) < 35;
				int mood = r.nextInt(100);
				s.reached = true;
				s.solved = solved;
				s.satisfaction = solved ? ((mood < 80) ? "SATISFIED" : (mood < 98) ? "BASICALLY_SATISFIED" : "DISSATISFIED")
						: ((mood < 25) ? "SATISFIED" : (mood < 60) ? "BASICALLY_SATISFIED" : "DISSATISFIED");
				s.closedAt = attempt;
				s.closeReason = "CALLBACK";
				s.event(attempt, s.operator, null, "CALLBACK", "CALLBACK_PENDING", "CLOSED",
						solved ? "市民表示问题已解决" : "市民表示问题未完全解决");
				return "CLOSED";
			}
			s.reached = false;
			boolean last = tries == 3;
			s.event(attempt, s.operator, null, "CALLBACK_UNREACHED", "CALLBACK_PENDING",
					last ? "CLOSED" : "CALLBACK_PENDING", "电话无人接听");
			if (last) {
				s.closedAt = attempt;
				s.closeReason = "UNREACHED";
				return "CLOSED";
			}
			attempt = attempt.plusSeconds(3 * 3600 + r.nextInt(3 * 3600));
		}
		return "CALLBACK_PENDING";
	}

	/** One ticket's facts as its steps happen. */
	private final class Story {

		final long id;

		final Instant created;

		final String operator;

		final List<Object[]> events = new ArrayList<>();

		String status;

		Long unitId;

		Instant dispatchedAt;

		Instant acceptDueAt;

		Instant acceptedAt;

		Instant replyDueAt;

		Instant repliedAt;

		Instant callbackDueAt;

		Instant closedAt;

		Instant updatedAt;

		String replyOutcome;

		String replyAnswer;

		String directAnswer;

		int callbackAttempts;

		Boolean reached;

		Boolean solved;

		String satisfaction;

		String closeReason;

		int returnCount;

		boolean extensionPending;

		Story(long id, Instant created, String operator) {
			this.id = id;
			this.created = created;
			this.operator = operator;
			this.updatedAt = created;
		}

		void event(Instant at, String actor, Long unitId, String type, String from, String to, String note) {
			this.events.add(new Object[] { at, actor, unitId, type, from, to, note });
			this.updatedAt = at;
		}

		void dispatch(Instant at, UnitView unit, String level, String type, String note) {
			this.unitId = unit.id();
			this.dispatchedAt = at;
			boolean investigation = "COMPLAINT".equals(type) || "REPORT".equals(type) || "SUGGESTION".equals(type);
			switch (level) {
				case "CRITICAL" -> {
					this.acceptDueAt = at.plusSeconds(30 * 60);
					this.replyDueAt = at.plusSeconds(2 * 3600);
				}
				case "URGENT" -> {
					this.acceptDueAt = at.plusSeconds(2 * 3600);
					this.replyDueAt = at.plusSeconds(24 * 3600);
				}
				default -> {
					this.acceptDueAt = DemoCity.this.calendar.plusWorkingDays(at, 1);
					this.replyDueAt = DemoCity.this.calendar.plusWorkingDays(at, investigation ? 5 : 3);
				}
			}
			event(at, this.operator, null, "DISPATCHED", "PENDING_DISPATCH", "DISPATCHED", note);
		}

		void clearUnit() {
			this.unitId = null;
			this.dispatchedAt = null;
			this.acceptDueAt = null;
			this.replyDueAt = null;
		}

	}

	/** Reference data and caches for one run. */
	private final class Context {

		final SplittableRandom random;

		final List<ProtectedPhone> phones = new ArrayList<>();

		final String[] tops;

		final double[] topWeights;

		final Map<String, List<String>> children = new HashMap<>();

		final List<String> districts = new ArrayList<>();

		final double[] districtWeights;

		final Map<String, UnitView> leads = new HashMap<>();

		Context(SplittableRandom random) {
			this.random = random;
			// Encrypting is slow next to a COPY row: a fixed set of callers, encrypted once.
			for (int i = 0; i < 400; i++) {
				String number = "1" + "3456789".charAt(random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
				this.phones.add(DemoCity.this.protection.protect(number));
			}
			this.tops = CATEGORY_SHARES.keySet().toArray(String[]::new);
			this.topWeights = CATEGORY_SHARES.values().stream().mapToDouble(Double::doubleValue).toArray();
			for (CategoryView category : DemoCity.this.directory.categories()) {
				if (category.level() >= 2) {
					this.children.computeIfAbsent(category.topLevelCode(), (k) -> new ArrayList<>()).add(category.code());
				}
			}
			double[] weights = { 24, 14, 11, 12, 10, 9, 7, 6, 3.5, 3.5 };
			List<Double> w = new ArrayList<>();
			int i = 0;
			for (UnitView district : DemoCity.this.directory.districts()) {
				this.districts.add(district.code());
				w.add((i < weights.length) ? weights[i] : 2.0);
				i++;
			}
			this.districtWeights = w.stream().mapToDouble(Double::doubleValue).toArray();
		}

		String pickTop(SplittableRandom r) {
			return this.tops[pick(this.topWeights, r)];
		}

		String pickCategory(String top, SplittableRandom r) {
			List<String> codes = this.children.get(top);
			return (codes == null || codes.isEmpty()) ? top : codes.get(r.nextInt(codes.size()));
		}

		String pickDistrict(SplittableRandom r) {
			return this.districts.get(pick(this.districtWeights, r));
		}

		String[] templates(String top) {
			return TEMPLATES.getOrDefault(top, GENERIC);
		}

		UnitView leadUnit(String category, String district) {
			return this.leads.computeIfAbsent(category + "|" + district, (key) -> DemoCity.this.directory
				.suggestUnits(category, district)
				.stream()
				.filter((s) -> s.role() == DispatchSuggestion.Role.LEAD)
				.map(DispatchSuggestion::unit)
				.findFirst()
				.orElseGet(() -> DemoCity.this.directory.unit(district).orElseThrow()));
		}

	}

	private String names(String district) {
		return this.directory.unit(district).map(UnitView::name).orElse("");
	}

	private static String describe(String[] templates, SplittableRandom r) {
		return templates[r.nextInt(templates.length)].replace("{n}", String.valueOf(2 + r.nextInt(8)))
			.replace("{m}", String.valueOf(1 + r.nextInt(12)));
	}

	private static String answerFor(String top) {
		return switch (top) {
			case "SB" -> "告知市民社保业务可通过“江苏智慧人社”办理，并说明所需材料";
			case "GJJ" -> "告知市民公积金提取条件及线上办理途径";
			case "HJ" -> "告知市民户籍业务办理地点、时间和所需材料";
			default -> "告知市民相关政策规定和办理途径";
		};
	}

	private static int pickHour(SplittableRandom r) {
		return pick(HOURS, r);
	}

	static int pick(double[] weights, SplittableRandom r) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double x = r.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** CSV rows for COPY: NULL is an empty unquoted field, text is always quoted (so '' stays an empty string). */
	private static final class Rows {

		private final StringBuilder out = new StringBuilder(1 << 20);

		private boolean first = true;

		Rows row() {
			this.first = true;
			return this;
		}

		private void sep() {
			if (!this.first) {
				this.out.append(',');
			}
			this.first = false;
		}

		Rows text(String value) {
			sep();
			if (value != null) {
				this.out.append('"').append(value.replace("\"", "\"\"")).append('"');
			}
			return this;
		}

		Rows num(Number value) {
			sep();
			if (value != null) {
				this.out.append(value);
			}
			return this;
		}

		Rows bool(Boolean value) {
			sep();
			if (value != null) {
				this.out.append(value ? 't' : 'f');
			}
			return this;
		}

		Rows time(Instant value) {
			sep();
			if (value != null) {
				this.out.append(value);
			}
			return this;
		}

		Rows end() {
			this.out.append('\n');
			return this;
		}

		String text() {
			return this.out.toString();
		}

	}

}
