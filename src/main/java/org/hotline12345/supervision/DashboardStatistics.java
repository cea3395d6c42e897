package org.hotline12345.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.shared.db.ReadFromReplica;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TriageLevel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers of the live dashboard. The counts come from the rollup the supervision module keeps from the ticket
 * events ({@link DashboardRollup}, decision 0007): a day is a few hundred rows, the open tickets a few thousand
 * counters, whatever the volume behind them. The urgent board and the clusters are lists of tickets and read the
 * ticket table through partial indexes that hold only their candidates. With a service line (the weekly report) the
 * counts are plain SQL over the period's tickets.
 */
@Service
@ReadFromReplica
class DashboardStatistics {

	static final String SATISFIED = "('SATISFIED', 'BASICALLY_SATISFIED')";

	private final JdbcTemplate jdbc;

	private final Names names;

	private final Clock clock;

	DashboardStatistics(JdbcTemplate jdbc, Names names, Clock clock) {
		this.jdbc = jdbc;
		this.names = names;
		this.clock = clock;
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
		Map<Channel, Long> channels = new EnumMap<>(Channel.class);
		Map<ServiceLine, Long> lines = new EnumMap<>(ServiceLine.class);
		long[] total = new long[1];
		this.jdbc.query("""
				select dimension, key, registered from supervision_daily
				where dimension in ('ALL', 'CHANNEL', 'LINE') and day = ?""", (rs) -> {
			long count = rs.getLong(3);
			switch (rs.getString(1)) {
				case "CHANNEL" -> channels.merge(Channel.valueOf(rs.getString(2)), count, Long::sum);
				case "LINE" -> lines.merge(ServiceLine.valueOf(rs.getString(2)), count, Long::sum);
				default -> total[0] += count;
			}
		}, today());
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
		this.jdbc.query("select level, status, sum(count) from supervision_open_count group by level, status having"
				+ " sum(count) <> 0", (rs) -> {
					long count = rs.getLong(3);
					levels.merge(TriageLevel.valueOf(rs.getString(1)), count, Long::sum);
					statuses.merge(TicketStatus.valueOf(rs.getString(2)), count, Long::sum);
					total[0] += count;
				});
		return new Open(levels, statuses, total[0]);
	}

	/** One open CRITICAL or URGENT ticket on the urgent board, with the deadline that runs now. */
	record UrgentRow(String ticketNo, TriageLevel level, TicketStatus status, String marks, String category,
			String categoryPath, String unit, String excerpt, Instant due, boolean overdue) {
	}

	/** The deadline that runs now; the board's order, and the expression of {@code ticket_urgent_board_idx} (V120). */
	private static final String RUNNING_DUE = "case when status = 'DISPATCHED' then accept_due_at"
			+ " when status = 'IN_PROGRESS' then reply_due_at when status = 'CALLBACK_PENDING' then callback_due_at end";

	List<UrgentRow> urgentBoard(int limit) {
		Instant now = this.clock.instant();
		return this.jdbc.query("""
				select ticket_no, level, status, marks, category_code, lead_unit_id, left(description, 60), %s as due
				from ticket where status <> 'CLOSED' and level in ('CRITICAL', 'URGENT')
				order by case level when 'CRITICAL' then 0 else 1 end, %s nulls first, created_at
				limit ?""".formatted(RUNNING_DUE, RUNNING_DUE), (rs, i) -> {
			Timestamp due = rs.getTimestamp("due");
			Long unit = (Long) rs.getObject("lead_unit_id");
			return new UrgentRow(rs.getString(1), TriageLevel.valueOf(rs.getString(2)),
					TicketStatus.valueOf(rs.getString(3)), rs.getString(4), this.names.categoryName(rs.getString(5)),
					this.names.categoryPath(rs.getString(5)), (unit != null) ? this.names.unitName(unit) : null,
					rs.getString(7), (due != null) ? due.toInstant() : null,
					due != null && due.toInstant().isBefore(now));
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

	/**
	 * The counters hold, per unit, the tickets overdue (or warned or overdue) as of the watermark; the crossings
	 * between the watermark and now come from the fact table's indexes (the other way round if the clock is behind
	 * the watermark). One snapshot for the counters and the watermark.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	List<UnitDue> dueByUnit() {
		Timestamp now = ts(this.clock.instant());
		Map<Long, long[]> counts = new HashMap<>();
		RowCallbackHandler add = (rs) -> {
			long[] row = counts.computeIfAbsent(rs.getLong(1), (unit) -> new long[2]);
			row["OVERDUE".equals(rs.getString(2)) ? 0 : 1] += rs.getLong(3);
		};
		this.jdbc.query("select unit_id, kind, count from supervision_due_count where count <> 0", add);
		Timestamp watermark = this.jdbc.queryForObject(
				"select due_watermark from supervision_rollup_state where id = 1", Timestamp.class);
		if (watermark != null && !now.equals(watermark)) {
			boolean ahead = now.after(watermark);
			this.jdbc.query("""
					select lead_unit_id, 'OVERDUE', %1$s count(*) from supervision_ticket_fact
					  where overdue_from > ? and overdue_from <= ? group by 1
					union all
					select lead_unit_id, 'WARNED', %1$s count(*) from supervision_ticket_fact
					  where warned_from > ? and warned_from <= ? group by 1""".formatted(ahead ? "" : "-"), add,
					ahead ? watermark : now, ahead ? now : watermark, ahead ? watermark : now, ahead ? now : watermark);
		}
		List<UnitDue> result = new ArrayList<>();
		counts.forEach((unitId, row) -> {
			long overdue = row[0];
			long warned = row[1] - row[0];
			if (overdue > 0 || warned > 0) {
				var unit = this.names.unit(unitId);
				result.add(new UnitDue(unit.code(), unit.name(), overdue, warned));
			}
		});
		result.sort(Comparator.comparingLong(UnitDue::overdue)
			.thenComparingLong(UnitDue::warned)
			.reversed()
			.thenComparing(UnitDue::unitCode));
		return result;
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
				select day, registered, direct from supervision_daily
				where dimension = 'ALL' and day between ? and ?""", (rs) -> {
			long[] row = counts.get(rs.getObject(1, LocalDate.class));
			if (row != null) {
				row[0] = rs.getLong(2);
				row[1] = rs.getLong(3);
			}
		}, range.from(), range.to());
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

	/** Counts by level-1 category: from the rollup, or with a service line an index-only scan of the period. */
	Map<String, Long> countByTopCategory(Period period, String serviceLine) {
		Map<String, Long> counts = new LinkedHashMap<>();
		if (serviceLine == null) {
			this.jdbc.query("""
					select split_part(key, '.', 1), sum(registered) from supervision_daily
					where dimension = 'CATEGORY' and day between ? and ? and key <> '' group by 1 having sum(registered) > 0""",
					(rs) -> {
						counts.put(rs.getString(1), rs.getLong(2));
					}, period.from(), period.to());
			return counts;
		}
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
		this.jdbc.query("""
				select key, sum(registered) from supervision_daily
				where dimension = 'DISTRICT' and day between ? and ? and key <> '' group by 1 having sum(registered) > 0""",
				(rs) -> {
					counts.merge(this.names.districtOf(rs.getString(1)), rs.getLong(2), Long::sum);
				}, period.from(), period.to());
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

	/**
	 * From the rollup: the day rows' sums, and the tickets of the period past their reply deadline without a reply
	 * from the fact table (they count in the on-time rate's denominator from the moment the deadline passes).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Rates rates(Period period, String serviceLine) {
		Timestamp now = ts(this.clock.instant());
		if (serviceLine == null) {
			long late = this.jdbc.queryForObject("""
					select count(*) from supervision_ticket_fact
					where day between ? and ? and pending_reply_due < ?""", Long.class, period.from(), period.to(), now);
			return this.jdbc.queryForObject("""
					select coalesce(sum(registered), 0), coalesce(sum(direct), 0), coalesce(sum(on_time), 0),
					  coalesce(sum(replied), 0), coalesce(sum(solved), 0), coalesce(sum(satisfied), 0),
					  coalesce(sum(reached), 0)
					from supervision_daily where dimension = 'ALL' and day between ? and ?""",
					(rs, i) -> new Rates(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) + late, rs.getLong(5),
							rs.getLong(6), rs.getLong(7)),
					period.from(), period.to());
		}
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
