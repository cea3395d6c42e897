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

import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TriageLevel;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's figures as plain SQL over the ticket table: the statements {@link DashboardStatistics} ran before
 * the rollup, kept here as the reference the rollup must equal.
 */
class PlainDashboardSql {

	private final JdbcTemplate jdbc;

	private final Names names;

	private final Clock clock;

	private final double warningShare;

	PlainDashboardSql(JdbcTemplate jdbc, Names names, Clock clock, double warningShare) {
		this.jdbc = jdbc;
		this.names = names;
		this.clock = clock;
		this.warningShare = warningShare;
	}

	DashboardStatistics.Today takenToday(LocalDate today) {
		Period day = new Period(today, today, this.clock.getZone());
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
		return new DashboardStatistics.Today(total[0], channels, lines);
	}

	DashboardStatistics.Open open() {
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
		return new DashboardStatistics.Open(levels, statuses, total[0]);
	}

	List<DashboardStatistics.UnitDue> dueByUnit() {
		Timestamp now = ts(this.clock.instant());
		String overdue = DashboardStatistics.OVERDUE;
		String warned = DashboardStatistics.WARNED;
		return this.jdbc.query("""
				select lead_unit_id,
				  count(*) filter (where %s) as overdue,
				  count(*) filter (where not (%s) and %s) as warned
				from ticket where status in ('DISPATCHED', 'IN_PROGRESS') and lead_unit_id is not null
				group by lead_unit_id having count(*) filter (where %s or %s) > 0
				order by 2 desc, 3 desc""".formatted(overdue, overdue, warned, overdue, warned), (rs, i) -> {
			var unit = this.names.unit(rs.getLong(1));
			return new DashboardStatistics.UnitDue(unit.code(), unit.name(), rs.getLong(2), rs.getLong(3));
		}, now, now, now, now, now, this.warningShare, now, now, now, this.warningShare);
	}

	List<DashboardStatistics.Day> trend(LocalDate today, int days) {
		Period range = new Period(today.minusDays(days - 1), today, this.clock.getZone());
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
		List<DashboardStatistics.Day> result = new ArrayList<>();
		counts.forEach((day, row) -> result.add(new DashboardStatistics.Day(day, row[0], row[1])));
		return result;
	}

	Map<String, Long> countByTopCategory(Period period) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.query("select split_part(category_code, '.', 1), count(*) from ticket"
				+ " where created_at >= ? and created_at < ? and category_code is not null group by 1", (rs) -> {
					counts.put(rs.getString(1), rs.getLong(2));
				}, ts(period.start()), ts(period.end()));
		return counts;
	}

	Map<String, Long> byDistrict(Period period) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.query("select district_code, count(*) from ticket where created_at >= ? and created_at < ?"
				+ " and district_code is not null group by 1", (rs) -> {
					counts.merge(this.names.districtOf(rs.getString(1)), rs.getLong(2), Long::sum);
				}, ts(period.start()), ts(period.end()));
		return counts;
	}

	DashboardStatistics.Rates rates(Period period) {
		Timestamp now = ts(this.clock.instant());
		return this.jdbc.queryForObject("""
				select count(*),
				  count(*) filter (where close_reason = 'DIRECT_ANSWER'),
				  count(*) filter (where dispatched_at is not null and replied_at <= reply_due_at),
				  count(*) filter (where dispatched_at is not null and (replied_at is not null or reply_due_at < ?)),
				  count(*) filter (where callback_reached and callback_solved),
				  count(*) filter (where callback_reached and satisfaction in %s),
				  count(*) filter (where callback_reached)
				from ticket where created_at >= ? and created_at < ?""".formatted(DashboardStatistics.SATISFIED),
				(rs, i) -> new DashboardStatistics.Rates(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6), rs.getLong(7)),
				now, ts(period.start()), ts(period.end()));
	}

	/** Every day row of the rollup between two days, as plain SQL computes it: "dimension/day/key" → measures. */
	Map<String, List<Long>> dailyRows(LocalDate from, LocalDate to) {
		Map<String, List<Long>> rows = new java.util.TreeMap<>();
		String zone = this.clock.getZone().getId();
		for (String[] dimension : new String[][] { { "ALL", "''" }, { "CHANNEL", "channel" },
				{ "LINE", "service_line" }, { "CATEGORY", "coalesce(category_code, '')" },
				{ "DISTRICT", "coalesce(district_code, '')" }, { "LEVEL", "level" } }) {
			this.jdbc.query("""
					select (created_at at time zone ?)::date, %s, count(*),
					  count(*) filter (where close_reason = 'DIRECT_ANSWER'),
					  count(*) filter (where dispatched_at is not null),
					  count(*) filter (where dispatched_at is not null and replied_at is not null),
					  count(*) filter (where dispatched_at is not null and replied_at <= reply_due_at),
					  count(*) filter (where callback_reached),
					  count(*) filter (where callback_reached and callback_solved),
					  count(*) filter (where callback_reached and satisfaction in %s)
					from ticket where created_at >= ? and created_at < ? group by 1, 2"""
				.formatted(dimension[1], DashboardStatistics.SATISFIED), (rs) -> {
					List<Long> measures = new ArrayList<>();
					for (int i = 3; i <= 10; i++) {
						measures.add(rs.getLong(i));
					}
					rows.put(dimension[0] + "/" + rs.getObject(1, LocalDate.class) + "/" + rs.getString(2), measures);
				}, zone, ts(new Period(from, to, this.clock.getZone()).start()),
					ts(new Period(from, to, this.clock.getZone()).end()));
		}
		return rows;
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
