package org.hotline12345.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.shared.db.ReadFromReplica;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.DeadlineSettings;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TriageLevel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The numbers of the live dashboard. Each query reads one index range (today, the last 7 or 30 days, or the open
 * tickets), so the page stays fast however many years of tickets lie behind it.
 */
@Service
@ReadFromReplica
class DashboardStatistics {

	static final String SATISFIED = "('SATISFIED', 'BASICALLY_SATISFIED')";

	private final JdbcTemplate jdbc;

	private final Names names;

	private final Clock clock;

	private final double warningShare;

	DashboardStatistics(JdbcTemplate jdbc, Names names, Clock clock, DeadlineSettings deadlines) {
		this.jdbc = jdbc;
		this.names = names;
		this.clock = clock;
		this.warningShare = deadlines.warningShare();
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The rolling week the dashboard's rates, hot topics and districts cover: the last 7 days including today. */
	Period week() {
		return new Period(today().minusDays(6), today(), this.clock.getZone());
	}

	record Today(long total, Map<Channel, Long> byChannel, Map<ServiceLine, Long> byLine) {
	}

	Today takenToday() {
		Period day = new Period(today(), today(), this.clock.getZone());
		Map<Channel, Long> channels = new EnumMap<>(Channel.class);
		Map<ServiceLine, Long> lines = new EnumMap<>(ServiceLine.class);
		long[] total = new long[1];
		this.jdbc.query("""
				select channel, service_line, count(*) from ticket
				where created_at >= ? and created_at < ? group by channel, service_line""", (rs) -> {
			long count = rs.getLong(3);
			channels.merge(Channel.valueOf(rs.getString(1)), count, Long::sum);
			lines.merge(ServiceLine.valueOf(rs.getString(2)), count, Long::sum);
			total[0] += count;
		}, ts(day.start()), ts(day.end()));
		for (Channel channel : Channel.values()) {
			channels.putIfAbsent(channel, 0L);
		}
		for (ServiceLine line : ServiceLine.values()) {
			lines.putIfAbsent(line, 0L);
		}
		return new Today(total[0], channels, lines);
	}

	/** Open tickets by level and by where they stand. */
	record Open(Map<TriageLevel, Long> byLevel, Map<TicketStatus, Long> byStatus, long total) {
	}

	Open open() {
		Map<TriageLevel, Long> levels = new EnumMap<>(TriageLevel.class);
		Map<TicketStatus, Long> statuses = new EnumMap<>(TicketStatus.class);
		long[] total = new long[1];
		for (TriageLevel level : TriageLevel.values()) {
			levels.put(level, 0L);
		}
		this.jdbc.query("select level, status, count(*) from ticket where status <> 'CLOSED' group by level, status",
				(rs) -> {
					long count = rs.getLong(3);
					levels.merge(TriageLevel.valueOf(rs.getString(1)), count, Long::sum);
					statuses.merge(TicketStatus.valueOf(rs.getString(2)), count, Long::sum);
					total[0] += count;
				});
		return new Open(levels, statuses, total[0]);
	}

	/** One open CRITICAL or URGENT ticket on the urgent board, with the deadline that runs now. */
	record UrgentRow(String ticketNo, TriageLevel level, TicketStatus status, String marks, String category,
			String unit, String excerpt, Instant due, boolean overdue) {
	}

	List<UrgentRow> urgentBoard(int limit) {
		Instant now = this.clock.instant();
		return this.jdbc.query("""
				select ticket_no, level, status, marks, category_code, lead_unit_id, left(description, 60),
				  case when status = 'DISPATCHED' then accept_due_at when status = 'IN_PROGRESS' then reply_due_at
				       when status = 'CALLBACK_PENDING' then callback_due_at end as due
				from ticket where status <> 'CLOSED' and level in ('CRITICAL', 'URGENT')
				order by case level when 'CRITICAL' then 0 else 1 end, due nulls first, created_at
				limit ?""", (rs, i) -> {
			Timestamp due = rs.getTimestamp("due");
			Long unit = (Long) rs.getObject("lead_unit_id");
			return new UrgentRow(rs.getString(1), TriageLevel.valueOf(rs.getString(2)),
					TicketStatus.valueOf(rs.getString(3)), rs.getString(4), this.names.categoryPath(rs.getString(5)),
					(unit != null) ? this.names.unitName(unit) : null, rs.getString(7),
					(due != null) ? due.toInstant() : null, due != null && due.toInstant().isBefore(now));
		}, limit);
	}

	/**
	 * A cluster (集中): open tickets carrying the CLUSTER mark, grouped by their master ticket, or by category and
	 * district when they were not merged.
	 */
	record Cluster(String masterNo, String categoryCode, String category, String districtCode, String district,
			long size) {
	}

	List<Cluster> clusters() {
		return this.jdbc.query("""
				select m.ticket_no, case when t.master_id is null then t.category_code end as category_code,
				  case when t.master_id is null then t.district_code end as district_code, count(*) as size,
				  min(t.category_code) as any_category
				from ticket t left join ticket m on m.id = t.master_id
				where t.marks like '%CLUSTER%' and t.created_at >= ?
				  and (t.status <> 'CLOSED' or exists (select 1 from ticket o where o.master_id = t.master_id and o.status <> 'CLOSED'))
				group by 1, 2, 3 order by size desc limit 20""", (rs, i) -> {
			String category = rs.getString("category_code");
			String district = rs.getString("district_code");
			return new Cluster(rs.getString(1), category,
					this.names.categoryPath((category != null) ? category : rs.getString("any_category")), district,
					(district != null) ? this.names.districtName(district) : null, rs.getLong("size"));
		}, ts(week().start()));
	}

	/** Open tickets with a unit past their deadline (超时) or past the warning share of it (预警). */
	record UnitDue(String unitCode, String unitName, long overdue, long warned) {
	}

	List<UnitDue> dueByUnit() {
		Timestamp now = ts(this.clock.instant());
		return this.jdbc.query("""
				select lead_unit_id,
				  count(*) filter (where %s) as overdue,
				  count(*) filter (where not (%s) and %s) as warned
				from ticket where status in ('DISPATCHED', 'IN_PROGRESS') and lead_unit_id is not null
				group by lead_unit_id having count(*) filter (where %s or %s) > 0
				order by 2 desc, 3 desc""".formatted(OVERDUE, OVERDUE, WARNED, OVERDUE, WARNED), (rs, i) -> {
			long unitId = rs.getLong(1);
			var unit = this.names.unit(unitId);
			return new UnitDue(unit.code(), unit.name(), rs.getLong(2), rs.getLong(3));
		}, now, now, now, now, now, this.warningShare, now, now, now, this.warningShare);
	}

	/** Overdue: the accept or reply clock that runs has passed. Two {@code now} parameters. */
	static final String OVERDUE = "((status = 'DISPATCHED' and accept_due_at < ?) or reply_due_at < ?)";

	/** Warned: past the warning share of the reply window. Parameters {@code now}, share. */
	static final String WARNED = "(reply_due_at is not null and ? >= dispatched_at + (reply_due_at - dispatched_at) * ?)";

	/** One day of the trend. */
	record Day(LocalDate day, long total, long direct) {
	}

	List<Day> trend(int days) {
		Period range = new Period(today().minusDays(days - 1), today(), this.clock.getZone());
		Map<LocalDate, long[]> counts = new LinkedHashMap<>();
		for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
			counts.put(d, new long[2]);
		}
		this.jdbc.query("""
				select (created_at at time zone ?)::date as day, count(*),
				  count(*) filter (where close_reason = 'DIRECT_ANSWER')
				from ticket where created_at >= ? and created_at < ? group by 1""", (rs) -> {
			long[] row = counts.get(rs.getObject(1, LocalDate.class));
			if (row != null) {
				row[0] = rs.getLong(2);
				row[1] = rs.getLong(3);
			}
		}, this.clock.getZone().getId(), ts(range.start()), ts(range.end()));
		List<Day> result = new ArrayList<>();
		counts.forEach((day, row) -> result.add(new Day(day, row[0], row[1])));
		return result;
	}

	/** 诉求热点: a top-level category's count in a period, the one before, and the change. */
	record HotTopic(String code, String name, long count, long previous, String share, String change) {
	}

	List<HotTopic> hotTopics(Period period, String serviceLine, int limit) {
		Map<String, Long> now = countByTopCategory(period, serviceLine);
		Map<String, Long> before = countByTopCategory(period.previous(), serviceLine);
		long total = now.values().stream().mapToLong(Long::longValue).sum();
		return now.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(limit)
			.map((e) -> new HotTopic(e.getKey(), this.names.topCategoryName(e.getKey()), e.getValue(),
					before.getOrDefault(e.getKey(), 0L), Shares.percent(e.getValue(), total),
					Shares.change(e.getValue(), before.getOrDefault(e.getKey(), 0L))))
			.toList();
	}

	/** Counts by level-1 category: an index-only scan of (created_at, category_code). */
	Map<String, Long> countByTopCategory(Period period, String serviceLine) {
		Map<String, Long> counts = new LinkedHashMap<>();
		String line = (serviceLine != null) ? " and service_line = ?" : "";
		List<Object> args = new ArrayList<>(List.of(ts(period.start()), ts(period.end())));
		if (serviceLine != null) {
			args.add(serviceLine);
		}
		this.jdbc.query("select split_part(category_code, '.', 1), count(*) from ticket"
				+ " where created_at >= ? and created_at < ? and category_code is not null" + line + " group by 1",
				(rs) -> {
					counts.put(rs.getString(1), rs.getLong(2));
				}, args.toArray());
		return counts;
	}

	/** Tickets of a period by district (属地); streets count for their district. */
	record DistrictCount(String code, String name, long count) {
	}

	List<DistrictCount> byDistrict(Period period) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.query("select district_code, count(*) from ticket where created_at >= ? and created_at < ?"
				+ " and district_code is not null group by 1", (rs) -> {
					counts.merge(this.names.districtOf(rs.getString(1)), rs.getLong(2), Long::sum);
				}, ts(period.start()), ts(period.end()));
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.map((e) -> new DistrictCount(e.getKey(), this.names.districtName(e.getKey()), e.getValue()))
			.toList();
	}

	/**
	 * The four headline rates over the tickets registered in a period (definitions in docs/assessment.md):
	 * direct-answer rate = closed by direct answer / registered; on-time rate = replied by the reply deadline / tickets
	 * with a unit that were replied or whose reply deadline has passed; resolution rate = solved by the citizen's
	 * answer / reached at callback; satisfaction rate = 满意 + 基本满意 / reached at callback.
	 */
	record Rates(long registered, long direct, long onTime, long due, long solved, long satisfied, long reached) {

		public String directRate() {
			return Shares.percent(this.direct, this.registered);
		}

		public String onTimeRate() {
			return Shares.percent(this.onTime, this.due);
		}

		public String resolutionRate() {
			return Shares.percent(this.solved, this.reached);
		}

		public String satisfactionRate() {
			return Shares.percent(this.satisfied, this.reached);
		}

	}

	Rates rates(Period period, String serviceLine) {
		Timestamp now = ts(this.clock.instant());
		String line = (serviceLine != null) ? " and service_line = ?" : "";
		List<Object> args = new ArrayList<>(List.of(now, ts(period.start()), ts(period.end())));
		if (serviceLine != null) {
			args.add(serviceLine);
		}
		return this.jdbc.queryForObject("""
				select count(*),
				  count(*) filter (where close_reason = 'DIRECT_ANSWER'),
				  count(*) filter (where dispatched_at is not null and replied_at <= reply_due_at),
				  count(*) filter (where dispatched_at is not null and (replied_at is not null or reply_due_at < ?)),
				  count(*) filter (where callback_reached and callback_solved),
				  count(*) filter (where callback_reached and satisfaction in %s),
				  count(*) filter (where callback_reached)
				from ticket where created_at >= ? and created_at < ?""".formatted(SATISFIED) + line,
				(rs, i) -> new Rates(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6), rs.getLong(7)),
				args.toArray());
	}

	static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
