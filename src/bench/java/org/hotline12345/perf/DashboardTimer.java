package org.hotline12345.perf;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The supervisor's dashboard, aggregate by aggregate: each figure as plain SQL over {@code ticket} (the statements
 * {@code DashboardStatistics} ran before the rollup) next to the same figure from the rollup tables (V120), each
 * timed on its own over JDBC (p50/p95 of {@code samples} runs after two warm-ups, wall time including the transfer);
 * then, when a base URL is given, the page and its panels and charts over HTTP as the supervisor.
 * <p>
 * Usage: {@code DashboardTimer <baseUrl|-> <jdbcUrl> <user> <samples> <out.md>}
 */
public final class DashboardTimer {

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private static final double SHARE = 0.75;

	private static final String SATISFIED = "('SATISFIED', 'BASICALLY_SATISFIED')";

	private DashboardTimer() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String url = args[1];
		String user = args[2];
		int samples = Integer.parseInt(args[3]);
		Path out = Path.of(args[4]);
		LocalDate today = LocalDate.now(CITY);
		Timestamp dayStart = ts(today), dayEnd = ts(today.plusDays(1));
		Timestamp weekStart = ts(today.minusDays(6)), weekEnd = dayEnd, previousStart = ts(today.minusDays(13));
		Timestamp monthStart = ts(today.minusDays(29));
		List<String> lines = new ArrayList<>();
		lines.add("| figure | plain SQL p50 ms | p95 ms | rollup p50 ms | p95 ms | rows plain / rollup |");
		lines.add("| --- | --- | --- | --- | --- | --- |");
		try (Connection c = DriverManager.getConnection(url, user, null)) {
			try (Statement s = c.createStatement()) {
				s.execute("set jit = off");
			}
			boolean rollup = exists(c, "supervision_daily");
			lines.add(row(c, samples, rollup, "今日受理 by channel and line",
					q("select channel, service_line, count(*) from ticket where created_at >= ? and created_at < ?"
							+ " group by channel, service_line", dayStart, dayEnd),
					q("select dimension, key, registered from supervision_daily where dimension in ('ALL', 'CHANNEL', 'LINE')"
							+ " and day = ?", today)));
			lines.add(row(c, samples, rollup, "在办 open by level and status",
					q("select level, status, count(*) from ticket where status <> 'CLOSED' group by level, status"),
					q("select level, status, sum(count) from supervision_open_count group by level, status")));
			lines.add(row(c, samples, rollup, "紧急看板 urgent board, 40 rows", q("""
					select ticket_no, level, status, marks, category_code, lead_unit_id, left(description, 60),
					  case when status = 'DISPATCHED' then accept_due_at when status = 'IN_PROGRESS' then reply_due_at
					       when status = 'CALLBACK_PENDING' then callback_due_at end as due
					from ticket where status <> 'CLOSED' and level in ('CRITICAL', 'URGENT')
					order by case level when 'CRITICAL' then 0 else 1 end, due nulls first, created_at limit 40"""),
					q("""
					select ticket_no, level, status, marks, category_code, lead_unit_id, left(description, 60),
					  case when status = 'DISPATCHED' then accept_due_at when status = 'IN_PROGRESS' then reply_due_at
					       when status = 'CALLBACK_PENDING' then callback_due_at end as due
					from ticket where status <> 'CLOSED' and level in ('CRITICAL', 'URGENT')
					order by case level when 'CRITICAL' then 0 else 1 end,
					  case when status = 'DISPATCHED' then accept_due_at when status = 'IN_PROGRESS' then reply_due_at
					       when status = 'CALLBACK_PENDING' then callback_due_at end nulls first, created_at limit 40""")));
			String clusters = """
					select m.ticket_no, case when t.master_id is null then t.category_code end,
					  case when t.master_id is null then t.district_code end, count(*) as size
					from ticket t left join ticket m on m.id = t.master_id
					where t.marks like '%CLUSTER%' and t.created_at >= ?
					  and (t.status <> 'CLOSED' or exists (select 1 from ticket o where o.master_id = t.master_id and o.status <> 'CLOSED'))
					group by 1, 2, 3 order by size desc limit 20""";
			lines.add(row(c, samples, rollup, "集中 clusters, 7 days", q(clusters, weekStart), q(clusters, weekStart)));
			String overdue = "((status = 'DISPATCHED' and accept_due_at < ?) or reply_due_at < ?)";
			String warned = "(reply_due_at is not null and ? >= dispatched_at + (reply_due_at - dispatched_at) * ?)";
			Timestamp n = Timestamp.from(Instant.now());
			lines.add(row(c, samples, rollup, "超时与预警 overdue/warned by unit",
					q("""
							select lead_unit_id, count(*) filter (where %s) as overdue,
							  count(*) filter (where not (%s) and %s) as warned
							from ticket where status in ('DISPATCHED', 'IN_PROGRESS') and lead_unit_id is not null
							group by lead_unit_id having count(*) filter (where %s or %s) > 0
							order by 2 desc, 3 desc""".formatted(overdue, overdue, warned, overdue, warned), n, n, n, n, n,
							SHARE, n, n, n, SHARE),
					q("""
							select unit_id, kind, count from supervision_due_count where count <> 0
							union all
							select f.lead_unit_id, 'OVERDUE', count(*) from supervision_ticket_fact f
							  where f.overdue_from > (select due_watermark from supervision_rollup_state) and f.overdue_from <= ? group by 1
							union all
							select f.lead_unit_id, 'WARNED', count(*) from supervision_ticket_fact f
							  where f.warned_from > (select due_watermark from supervision_rollup_state) and f.warned_from <= ? group by 1""",
							n, n)));
			lines.add(row(c, samples, rollup, "近7日指标 rates, 7 days", q("""
					select count(*), count(*) filter (where close_reason = 'DIRECT_ANSWER'),
					  count(*) filter (where dispatched_at is not null and replied_at <= reply_due_at),
					  count(*) filter (where dispatched_at is not null and (replied_at is not null or reply_due_at < ?)),
					  count(*) filter (where callback_reached and callback_solved),
					  count(*) filter (where callback_reached and satisfaction in %s),
					  count(*) filter (where callback_reached)
					from ticket where created_at >= ? and created_at < ?""".formatted(SATISFIED), n, weekStart, weekEnd),
					q("""
							select sum(registered), sum(direct), sum(on_time), sum(replied) + (select count(*) from supervision_ticket_fact
							  where day between ? and ? and pending_reply_due < ?), sum(solved), sum(satisfied), sum(reached)
							from supervision_daily where dimension = 'ALL' and day between ? and ?""", today.minusDays(6),
							today, n, today.minusDays(6), today)));
			lines.add(row(c, samples, rollup, "诉求热点 hot topics, 7 days + the 7 before",
					q("select split_part(category_code, '.', 1), count(*) from ticket where created_at >= ? and created_at < ?"
							+ " and category_code is not null group by 1", previousStart, weekEnd),
					q("select split_part(key, '.', 1), sum(registered) from supervision_daily where dimension = 'CATEGORY'"
							+ " and day between ? and ? and key <> '' group by 1", today.minusDays(13), today)));
			lines.add(row(c, samples, rollup, "近30日趋势 trend, 30 days",
					q("select (created_at at time zone 'Asia/Shanghai')::date, count(*), count(*) filter (where"
							+ " close_reason = 'DIRECT_ANSWER') from ticket where created_at >= ? and created_at < ? group by 1",
							monthStart, dayEnd),
					q("select day, registered, direct from supervision_daily where dimension = 'ALL' and day between ? and ?",
							today.minusDays(29), today)));
			lines.add(row(c, samples, rollup, "各地区 districts, 7 days",
					q("select district_code, count(*) from ticket where created_at >= ? and created_at < ?"
							+ " and district_code is not null group by 1", weekStart, weekEnd),
					q("select key, sum(registered) from supervision_daily where dimension = 'DISTRICT' and day between ? and ?"
							+ " and key <> '' group by 1", today.minusDays(6), today)));
		}
		if (!"-".equals(base) && System.getenv("DASHBOARD_SQL_ONLY") == null) {
			HttpClient supervisor = ScreenTimer.login(base, "supervisor");
			lines.add("");
			lines.add("| over HTTP as the supervisor | p50 ms | p95 ms |");
			lines.add("| --- | --- | --- |");
			for (String page : List.of("/supervision", "/supervision/panels/today", "/supervision/panels/open",
					"/supervision/panels/urgent", "/supervision/panels/due", "/supervision/panels/rates",
					"/supervision/panels/hot", "/supervision/charts/trend", "/supervision/charts/districts")) {
				// The panels as htmx asks for them (HX-Request: no navigation counts), the page and charts as is.
				boolean htmx = page.contains("/panels/");
				for (int i = 0; i < 3; i++) {
					get(supervisor, base + page, htmx);
				}
				long[] nanos = new long[samples];
				for (int i = 0; i < samples; i++) {
					long t0 = System.nanoTime();
					get(supervisor, base + page, htmx);
					nanos[i] = System.nanoTime() - t0;
				}
				Stats stats = new Stats(nanos);
				lines.add("| `" + page + "` | " + Stats.ms(stats.percentileMs(50)) + " | "
						+ Stats.ms(stats.percentileMs(95)) + " |");
				System.out.println(lines.get(lines.size() - 1));
			}
		}
		try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
			lines.forEach(writer::println);
		}
		lines.forEach(System.out::println);
	}

	static void get(HttpClient client, String page, boolean htmx) throws Exception {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(page)).GET();
		if (htmx) {
			request.header("HX-Request", "true");
		}
		java.net.http.HttpResponse<String> response = client.send(request.build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(page + " answered " + response.statusCode());
		}
	}

	record Query(String sql, Object[] args) {
	}

	static Query q(String sql, Object... args) {
		return new Query(sql, args);
	}

	static String row(Connection c, int samples, boolean rollup, String name, Query plain, Query fast)
			throws Exception {
		long[] a = time(c, samples, plain);
		String line;
		if (rollup) {
			long[] b = time(c, samples, fast);
			Stats sa = new Stats(java.util.Arrays.copyOf(a, a.length - 1));
			Stats sb = new Stats(java.util.Arrays.copyOf(b, b.length - 1));
			line = String.format("| %s | %s | %s | %s | %s | %d / %d |", name, Stats.ms(sa.percentileMs(50)),
					Stats.ms(sa.percentileMs(95)), Stats.ms(sb.percentileMs(50)), Stats.ms(sb.percentileMs(95)),
					a[a.length - 1], b[b.length - 1]);
		}
		else {
			Stats sa = new Stats(java.util.Arrays.copyOf(a, a.length - 1));
			line = String.format("| %s | %s | %s | – | – | %d |", name, Stats.ms(sa.percentileMs(50)),
					Stats.ms(sa.percentileMs(95)), a[a.length - 1]);
		}
		System.out.println(line);
		return line;
	}

	/** Sample times in nanoseconds, the last element the row count. */
	static long[] time(Connection c, int samples, Query query) throws Exception {
		long[] nanos = new long[samples + 1];
		long rows = 0;
		try (PreparedStatement ps = c.prepareStatement(query.sql())) {
			for (int i = 0; i < query.args().length; i++) {
				ps.setObject(i + 1, query.args()[i]);
			}
			for (int i = -2; i < samples; i++) {
				long t0 = System.nanoTime();
				rows = 0;
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						rows++;
					}
				}
				if (i >= 0) {
					nanos[i] = System.nanoTime() - t0;
				}
			}
		}
		nanos[samples] = rows;
		return nanos;
	}

	static boolean exists(Connection c, String table) throws Exception {
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select to_regclass('" + table + "') is not null")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	static Timestamp ts(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(CITY).toInstant());
	}

}
