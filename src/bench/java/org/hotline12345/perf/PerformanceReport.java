package org.hotline12345.perf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a run of {@code bench/run.sh} to {@code docs/performance.md} as a dated subsection right under the marker
 * {@code bench:latest} (newest first). Nothing else in the file changes: earlier runs, the hand-written analysis and
 * the other sections stay as they are, since several people edit that file.
 * <p>
 * Usage: {@code PerformanceReport <benchDir> <docs/performance.md>}
 */
public final class PerformanceReport {

	static final String LATEST = "<!-- bench:latest -->";

	static final String EARLIER = "<!-- bench:earlier -->";

	static final String END = "<!-- bench:end -->";

	private PerformanceReport() {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		Path doc = Path.of(args[1]);
		Map<String, String> machine = new LinkedHashMap<>();
		for (String line : Files.readAllLines(dir.resolve("machine.txt"))) {
			int eq = line.indexOf('=');
			machine.put(line.substring(0, eq), line.substring(eq + 1));
		}
		String run = run(dir, machine);
		String text = Files.exists(doc) ? Files.readString(doc) : "# Performance\n";
		if (!text.contains(LATEST)) {
			String block = "\n" + LATEST + "\n" + EARLIER + "\n" + END + "\n";
			int triage = text.indexOf("\n## Triage");
			text = (triage >= 0) ? text.substring(0, triage) + "\n" + block + text.substring(triage) : text + block;
		}
		int latest = text.indexOf(LATEST) + LATEST.length();
		String out = text.substring(0, latest) + "\n\n" + run + "\n" + text.substring(latest);
		Files.writeString(doc, out, StandardCharsets.UTF_8);
	}

	static String run(Path dir, Map<String, String> m) throws IOException {
		StringBuilder s = new StringBuilder();
		s.append("### Run of ").append(m.get("date")).append(" (").append(String.format("%,d", Long.parseLong(m.get("tickets"))))
			.append(" tickets)\n\n");
		s.append("- Machine: ").append(m.get("cpu")).append(", ").append(m.get("memory")).append(", ").append(m.get("java"))
			.append("; PostgreSQL ").append(m.get("postgres")).append(".\n");
		s.append("- Load average (1, 5, 15 min) before: ").append(m.get("load_before")).append("; after: ")
			.append(m.get("load_after")).append("; 1-minute load during the run: ").append(m.get("load_during"))
			.append(". The machine is shared with other builds and tests: expect ±30 % between runs.\n");
		if (m.get("busy_before") != null && !m.get("busy_before").isBlank()) {
			s.append("- Busiest processes at the start (CPU, summed by command): ").append(m.get("busy_before"))
				.append(".\n");
		}
		s.append("- Code: ").append(m.get("commit")).append("; command `bench/run.sh` (").append(m.get("tickets"))
			.append(" tickets, ").append(m.get("open")).append(" open, budget ").append(m.get("budget"))
			.append(" s); wall time **").append(m.get("seconds")).append(" s**.\n");
		s.append("- Steps (s): ").append(m.get("steps")).append(".\n\n");

		s.append("#### Intake: `POST /api/v1/tickets` against the database's own limit\n\n");
		s.append("Application: its own process, `-Xmx512m`, Hikari pool 10, closed-loop clients on loopback, Bearer "
				+ "`demo-operator-token`, composed Chinese descriptions, triage, timeline, events, audit chain. "
				+ "Database limit: the same rows per ticket with plain JDBC (see `DbLimit`), one transaction each.\n\n");
		List<String> app = lines(dir.resolve("intake-app.md"));
		List<String> db = lines(dir.resolve("intake-db.md"));
		s.append("| clients | app tickets/s | app p50 ms | app p99 ms | DB tickets/s | DB p50 ms | DB p99 ms | app ÷ DB |\n");
		s.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
		for (int i = 0; i < Math.min(app.size(), db.size()); i++) {
			String[] a = cells(app.get(i));
			String[] d = cells(db.get(i));
			double ratio = Double.parseDouble(a[2]) / Math.max(1, Double.parseDouble(d[2]));
			s.append("| ").append(a[0]).append(" | ").append(a[2]).append(" | ").append(a[3]).append(" | ")
				.append(a[4]).append(" | ").append(d[2]).append(" | ").append(d[3]).append(" | ").append(d[4])
				.append(" | ").append(String.format("%.2f", ratio)).append(" |\n");
		}
		s.append("\n");

		s.append("#### Data: the city generator\n\n");
		if (m.containsKey("reused")) {
			s.append("Data reused from the previous run's generator (`BENCH_REUSE=1`); its figures:\n\n");
		}
		String generated = Files.readString(dir.resolve("generator.txt"));
		Matcher g = Pattern.compile("GENERATED (.*)").matcher(generated);
		if (g.find()) {
			Map<String, String> kv = new LinkedHashMap<>();
			for (String pair : g.group(1).split(" ")) {
				kv.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
			}
			s.append(String.format("%,d tickets (%s open) and %,d timeline rows; COPY %s s (%s tickets/s), indexes %s s, "
					+ "vacuum analyze %s s; %s tickets/s overall. Database size afterwards: %s.%n%n",
					Long.parseLong(kv.get("tickets")), String.format("%,d", Long.parseLong(m.get("open"))),
					Long.parseLong(kv.get("events")), kv.get("copySeconds"), kv.get("copyRate"), kv.get("indexSeconds"),
					kv.get("vacuumSeconds"), kv.get("overallRate"), Files.readString(dir.resolve("dbsize.txt")).strip()));
		}

		s.append("#### Screens under that data\n\n");
		s.append("Time to the last byte over HTTP on loopback (p50/p95 of the samples after three warm-ups), and the "
				+ "main SQL statement of the screen alone (EXPLAIN ANALYZE execution time, best of three).\n\n");
		s.append("| screen | p50 ms | p95 ms | goal (p95) | | SQL ms |\n| --- | --- | --- | --- | --- | --- |\n");
		lines(dir.resolve("screens.md")).forEach((l) -> s.append(l).append('\n'));
		s.append("\n");

		s.append("#### Deadline sweep\n\n");
		s.append("| open tickets | first run | second run |\n| --- | --- | --- |\n");
		lines(dir.resolve("sweep.md")).forEach((l) -> s.append(l).append('\n'));
		s.append("\n");

		Path jmh = dir.resolve("jmh.json");
		if (Files.exists(jmh)) {
			String json = Files.readString(jmh);
			Matcher sample = Pattern.compile("\"mode\"\\s*:\\s*\"sample\"[\\s\\S]*?\"50\\.0\"\\s*:\\s*([0-9.E-]+)[\\s\\S]*?"
					+ "\"99\\.0\"\\s*:\\s*([0-9.E-]+)[\\s\\S]*?\"scoreUnit\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
			if (sample.find()) {
				s.append("#### Triage grading (JMH, 1,000 phrases)\n\n");
				s.append(String.format("p50 %.1f %s, p99 %.1f %s (goal p99 < 1 ms; details in the Triage section).%n",
						Double.parseDouble(sample.group(1)), sample.group(3), Double.parseDouble(sample.group(2)),
						sample.group(3)));
			}
		}
		return s.toString().strip();
	}

	private static List<String> lines(Path file) throws IOException {
		return Files.exists(file) ? Files.readAllLines(file).stream().filter((l) -> l.startsWith("|")).toList()
				: List.of();
	}

	private static String[] cells(String row) {
		String[] raw = row.substring(1, row.length() - 1).split("\\|");
		for (int i = 0; i < raw.length; i++) {
			raw[i] = raw[i].strip().replace(",", "");
		}
		return raw;
	}

}
