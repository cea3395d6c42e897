package org.hotline12345.perf;

import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The screens people wait for, timed over HTTP on loopback against the running application (the time to the last
 * byte of the page, as the browser's request would see it without the network), next to the plain SQL the screen
 * needs, timed with {@code EXPLAIN (ANALYZE)} on the same database.
 * <p>
 * Usage: {@code ScreenTimer <baseUrl> <jdbcUrl> <user> <timelineTicketNo> <samples> <out.md>}
 */
public final class ScreenTimer {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private ScreenTimer() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String url = args[1];
		String user = args[2];
		String timelineTicket = args[3];
		int samples = Integer.parseInt(args[4]);
		Path out = Path.of(args[5]);
		LocalDate today = LocalDate.now(CITY);
		String weekFrom = today.minusDays(7).toString();
		String monthFrom = today.minusMonths(1).toString();
		String to = today.minusDays(1).toString();
		long rsj;
		try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select id from unit where code = 'rsj'")) {
			rs.next();
			rsj = rs.getLong(1);
		}
		String summary = "t.id, t.ticket_no, t.status, t.level, t.marks, t.description, t.category_code, t.district_code, "
				+ "t.lead_unit_id, t.created_at, t.accept_due_at, t.reply_due_at, t.callback_due_at, t.return_count";
		String levelOrder = "case t.level when 'CRITICAL' then 0 when 'URGENT' then 1 else 2 end";
		HttpClient operator = login(base, "operator");
		HttpClient unit = login(base, "rsj");
		HttpClient supervisor = login(base, "supervisor");
		List<String> rows = new ArrayList<>();
		rows.add(row("Operator: urgent queue `/queues/urgent`", 50, operator, base + "/queues/urgent", samples, url, user,
				"select * from ((select 0 as rank, " + summary + " from ticket t where t.status = 'PENDING_DISPATCH'"
						+ " and t.level = 'CRITICAL' order by t.created_at, t.id limit 200) union all (select 1 as rank, "
						+ summary + " from ticket t where t.status = 'PENDING_DISPATCH' and t.level = 'URGENT'"
						+ " order by t.created_at, t.id limit 200)) q order by q.rank, q.created_at, q.id limit 200"));
		rows.add(row("Operator: routine queue `/queues/routine`", 50, operator, base + "/queues/routine", samples, url,
				user, "select " + summary + " from ticket t where t.status = 'PENDING_DISPATCH' and t.level = 'ROUTINE'"
						+ " order by t.created_at, t.id limit 200"));
		rows.add(row("Unit queue `/unit/tickets` (人社局)", 50, unit, base + "/unit/tickets", samples, url, user,
				"select " + summary + " from ticket t where t.id in (select x.id from (select m.id, m.level,"
						+ " m.accept_due_at as due from ticket m where m.lead_unit_id = " + rsj + " and m.status = 'DISPATCHED'"
						+ " union all select m.id, m.level, m.accept_due_at from ticket_assist_unit a join ticket m on m.id ="
						+ " a.ticket_id where a.unit_id = " + rsj + " and m.status = 'DISPATCHED' and m.lead_unit_id is"
						+ " distinct from a.unit_id) x order by " + levelOrder.replace("t.", "x.") + ", x.due, x.id limit 100)"
						+ " order by " + levelOrder + ", t.accept_due_at, t.id"));
		rows.add(row("Ticket page, 50-entry timeline `/tickets/{no}`", 50, operator, base + "/tickets/" + timelineTicket,
				samples, url, user, "select e.* from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = '"
						+ timelineTicket + "' order by e.id"));
		rows.add(row("Caller history (60 tickets of one caller; no screen on main yet)", 50, null, null, samples, url,
				user, "select " + summary + " from ticket t where t.caller_phone_index = '" + CityGenerator.HISTORY_CALLER
						+ "' order by (t.status = 'CLOSED'), t.created_at desc limit 20"));
		rows.add(row("Supervisor dashboard `/supervision`", 300, supervisor, base + "/supervision", samples, url, user,
				"select status, level, count(*) from ticket where created_at >= current_date group by 1, 2"));
		rows.add(row("Weekly report, one week `/supervision/weekly-report`", 1000, supervisor,
				base + "/supervision/weekly-report?from=" + weekFrom + "&to=" + to, Math.max(5, samples / 2), url, user,
				"select category_code, count(*) from ticket where created_at >= '" + weekFrom + "' and created_at < '" + today
						+ "' group by 1"));
		rows.add(row("Assessment, one month `/supervision/assessment`", 1000, supervisor,
				base + "/supervision/assessment?from=" + monthFrom + "&to=" + to, Math.max(5, samples / 2), url, user,
				"select lead_unit_id, count(*), count(*) filter (where satisfaction = 'SATISFIED') from ticket"
						+ " where dispatched_at >= '" + monthFrom + "' and dispatched_at < '" + today
						+ "' and dispatched_at is not null group by 1"));
		try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
			rows.forEach(writer::println);
		}
	}

	static String row(String name, int goalMs, HttpClient client, String page, int samples, String url, String user,
			String sql) throws Exception {
		String p50 = "–";
		String p95 = "–";
		String verdict = "";
		if (client != null) {
			for (int i = 0; i < 3; i++) {
				get(client, page);
			}
			long[] nanos = new long[samples];
			for (int i = 0; i < samples; i++) {
				long t0 = System.nanoTime();
				get(client, page);
				nanos[i] = System.nanoTime() - t0;
			}
			Stats stats = new Stats(nanos);
			p50 = Stats.ms(stats.percentileMs(50));
			p95 = Stats.ms(stats.percentileMs(95));
			verdict = (stats.percentileMs(95) <= goalMs) ? "met" : "**missed**";
		}
		double sqlMs = explain(url, user, sql);
		String line = String.format("| %s | %s | %s | < %,d ms | %s | %s |", name, p50, p95, goalMs, verdict,
				Stats.ms(sqlMs));
		System.out.println(line);
		return line;
	}

	/** Execution time of the plain SQL, best of three EXPLAIN ANALYZE runs (the plan is printed). */
	static double explain(String url, String user, String sql) throws Exception {
		double best = Double.MAX_VALUE;
		try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
			for (int i = 0; i < 3; i++) {
				StringBuilder plan = new StringBuilder();
				try (ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
					while (rs.next()) {
						String line = rs.getString(1);
						plan.append("    ").append(line).append('\n');
						Matcher m = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(line);
						if (m.find()) {
							best = Math.min(best, Double.parseDouble(m.group(1)));
						}
					}
				}
				if (i == 2) {
					System.out.println("  " + sql + "\n" + plan);
				}
			}
		}
		return best;
	}

	static String get(HttpClient client, String page) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(page)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(page + " answered " + response.statusCode());
		}
		return response.body();
	}

	static HttpClient login(String base, String username) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		String page = get(client, base + "/login");
		Matcher csrf = CSRF.matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + username + "&password=" + URLEncoder.encode("Demo@12345", StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.uri().getPath().startsWith("/login")) {
			throw new IllegalStateException(username + " could not log in: " + response.uri());
		}
		return client;
	}

}
