package org.hotline12345.perf;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hotline12345.ticket.TicketIds;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * A city's years of tickets, fast: {@code total} tickets spread evenly over {@code days} days up to now, of which the
 * last ones are still open ({@code open} dispatched or in progress with deadlines around now, for the deadline
 * sweep; a few thousand waiting for dispatch; the rest closed with the histories the workflow writes). Written with
 * the driver's COPY API in text format, one generator thread ahead of the COPY, the secondary indexes of
 * {@code ticket} and {@code ticket_event} dropped first and built afterwards, foreign-key triggers skipped for the
 * loading session ({@code session_replication_role = replica}: the generator only writes rows whose parents exist),
 * then {@code VACUUM ANALYZE}.
 * <p>
 * Also writes one ticket with a 50-entry timeline ({@code NT-TIMELINE-50}'s number is printed) and one caller with
 * 60 tickets (blind index {@code bench-caller}).
 * <p>
 * Usage: {@code CityGenerator <jdbcUrl> <user> <total> <open> <days> <seed>}
 */
public final class CityGenerator {

	private static final int CHUNK = 50_000;

	private static final String CALLER_INDEX_PAD = "0".repeat(64);

	static final String HISTORY_CALLER = "bench" + "0".repeat(59);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));

	private static final String TICKET_COLUMNS = "id, ticket_no, status, level, marks, triage_score, caller_name, "
			+ "caller_phone_enc, caller_phone_index, caller_phone_masked, address, district_code, description, "
			+ "request_type, category_code, channel, service_line, lead_unit_id, dispatched_at, accept_due_at, accepted_at, "
			+ "reply_due_at, replied_at, callback_due_at, closed_at, reply_outcome, satisfaction, close_reason, "
			+ "return_count, callback_attempts, callback_reached, callback_solved, created_at, created_by, updated_at, version";

	private static final String EVENT_COLUMNS = "ticket_id, at, actor, actor_unit_id, type, from_status, to_status, note";

	private static final String[] TYPES = { "CONSULTATION", "HELP", "COMPLAINT", "REPORT", "SUGGESTION" };

	private static final String[] CHANNELS = { "PHONE", "PHONE", "PHONE", "PHONE", "WECHAT", "WEB", "APP" };

	/** Composed requests, made once: composing each row's text would cost more than writing it. */
	private static final String[] DESCRIPTIONS = new String[8192];

	static {
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < DESCRIPTIONS.length; i++) {
			DESCRIPTIONS[i] = Descriptions.next(random);
		}
	}

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private CityGenerator() {
	}

	/** The sequence's value in the block of the month the ticket was registered, as the workflow gives ids (V150). */
	static long ticketId(long sequence, long createdEpochSecond) {
		return TicketIds.of(Instant.ofEpochSecond(createdEpochSecond), ZONE, sequence);
	}

	private static String ticketNo(long id) {
		String digits = Long.toString(id);
		return "NB" + "00000000000000".substring(digits.length()) + digits;
	}

	record Chunk(StringBuilder tickets, StringBuilder events, int count, int eventCount) {
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String user = args[1];
		long total = Long.parseLong(args[2]);
		long open = Long.parseLong(args[3]);
		int days = Integer.parseInt(args[4]);
		long seed = Long.parseLong(args[5]);
		long started = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(url, user, null)) {
			Reference ref = new Reference(connection);
			List<String[]> indexes = dropIndexes(connection);
			long firstId;
			try (Statement s = connection.createStatement()) {
				s.execute("set session_replication_role = replica");
				ResultSet rs = s.executeQuery("select nextval('ticket_id_seq')");
				rs.next();
				firstId = rs.getLong(1);
				s.execute("select setval('ticket_id_seq', " + (firstId + total + 1) + ")");
			}
			long now = Instant.now().getEpochSecond();
			long span = days * 86_400L;
			monthlyPartitions(connection, Instant.ofEpochSecond(now - span - 86_400L), Instant.ofEpochSecond(now));
			connection.setAutoCommit(false);
			int workers = Integer.parseInt(System.getProperty("workers", "3"));
			long chunks = (total + CHUNK - 1) / CHUNK;
			java.util.concurrent.atomic.AtomicLong nextChunk = new java.util.concurrent.atomic.AtomicLong();
			java.util.concurrent.atomic.AtomicLong eventTotal = new java.util.concurrent.atomic.AtomicLong();
			java.util.concurrent.atomic.AtomicLong ticketTotal = new java.util.concurrent.atomic.AtomicLong();
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
			List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
				futures.add(pool.submit(() -> {
					try (Connection worker = DriverManager.getConnection(url, user, null)) {
						try (Statement s = worker.createStatement()) {
							s.execute("set session_replication_role = replica");
							s.execute("set synchronous_commit = off");
						}
						worker.setAutoCommit(false);
						CopyManager copy = worker.unwrap(PGConnection.class).getCopyAPI();
						for (long c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
							long i = c * CHUNK;
							int n = (int) Math.min(CHUNK, total - i);
							Chunk chunk = chunk(ref, new SplittableRandom(seed * 1_000_003L + c), firstId + i, i, n, total,
									open, now, span);
							copyIn(copy, "COPY ticket (" + TICKET_COLUMNS + ") FROM STDIN", chunk.tickets());
							copyIn(copy, "COPY ticket_event (" + EVENT_COLUMNS + ") FROM STDIN", chunk.events());
							worker.commit();
							eventTotal.addAndGet(chunk.eventCount());
							long done = ticketTotal.addAndGet(n);
							if (done % 500_000 == 0) {
								System.out.printf("  %,d tickets, %.0f tickets/s%n", done,
										done / ((System.nanoTime() - started) / 1e9));
							}
						}
					}
					return null;
				}));
			}
			pool.shutdown();
			for (java.util.concurrent.Future<?> future : futures) {
				future.get();
			}
			long tickets = ticketTotal.get();
			long events = eventTotal.get();
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			double loaded = (System.nanoTime() - started) / 1e9;
			long special = specials(connection, copy, ref, firstId + total, now);
			connection.commit();
			connection.setAutoCommit(true);
			long indexStart = System.nanoTime();
			try (Statement s = connection.createStatement()) {
				s.execute("set maintenance_work_mem = '512MB'");
				// What the ticket's insert trigger writes; triggers were off for the load (session_replication_role).
				s.execute("insert into ticket_number (ticket_no, ticket_id) select ticket_no, id from ticket"
						+ " on conflict do nothing");
				for (String[] index : indexes) {
					s.execute(index[1]);
				}
			}
			double indexed = (System.nanoTime() - indexStart) / 1e9;
			long vacuumStart = System.nanoTime();
			try (Statement s = connection.createStatement()) {
				s.execute("vacuum analyze ticket");
				s.execute("vacuum analyze ticket_event");
			}
			double vacuumed = (System.nanoTime() - vacuumStart) / 1e9;
			double all = (System.nanoTime() - started) / 1e9;
			System.out.printf("GENERATED tickets=%d events=%d copySeconds=%.1f copyRate=%.0f indexSeconds=%.1f "
					+ "vacuumSeconds=%.1f totalSeconds=%.1f overallRate=%.0f timelineTicket=%s%n", tickets + 61, events,
					loaded, tickets / loaded, indexed, vacuumed, all, tickets / all, ticketNo(special));
		}
	}

	private static void copyIn(CopyManager copy, String sql, StringBuilder rows) throws SQLException {
		byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
		CopyIn in = copy.copyIn(sql);
		try {
			int at = 0;
			while (at < bytes.length) {
				int n = Math.min(1 << 20, bytes.length - at);
				in.writeToCopy(bytes, at, n);
				at += n;
			}
			in.endCopy();
		}
		finally {
			if (in.isActive()) {
				in.cancelCopy();
			}
		}
	}

	/**
	 * The monthly partitions of the timeline (V130) and of the tickets (V150), named as the application names them,
	 * for the whole generated period, in the city's time zone: without them every past row would land in the default
	 * partition (tickets would stay there for good, timeline rows be moved by the application's job).
	 */
	private static void monthlyPartitions(Connection connection, Instant from, Instant to) throws SQLException {
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		for (java.time.YearMonth month = java.time.YearMonth.from(from.atZone(zone));
				!month.isAfter(java.time.YearMonth.from(to.atZone(zone))); month = month.plusMonths(1)) {
			String name = String.format("ticket_event_%04d_%02d", month.getYear(), month.getMonthValue());
			Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
			Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
			createPartition(connection, name, "ticket_event", "'" + start + "'", "'" + end + "'");
			createPartition(connection, String.format("ticket_%04d_%02d", month.getYear(), month.getMonthValue()),
					"ticket", String.valueOf(TicketIds.start(month)), String.valueOf(TicketIds.start(month.plusMonths(1))));
		}
	}

	private static void createPartition(Connection connection, String name, String table, String from, String to)
			throws SQLException {
		try (Statement s = connection.createStatement()) {
			ResultSet exists = s.executeQuery("select to_regclass('" + name + "') is not null");
			exists.next();
			if (!exists.getBoolean(1)) {
				s.execute("create table " + name + " partition of " + table + " for values from (" + from + ") to (" + to
						+ ")");
			}
		}
	}

	/** Every secondary index of ticket and ticket_event (not those behind a constraint): dropped, definitions kept. */
	private static List<String[]> dropIndexes(Connection connection) throws SQLException {
		List<String[]> indexes = new ArrayList<>();
		try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
				select i.indexname, i.indexdef from pg_indexes i
				where i.schemaname = 'public' and i.tablename in ('ticket', 'ticket_event')
				  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)""")) {
			while (rs.next()) {
				// A partitioned table's index reads "ON ONLY": made so, it would cover no partition and stay invalid.
				indexes.add(new String[] { rs.getString(1), rs.getString(2).replace(" ON ONLY ", " ON ") });
			}
		}
		try (Statement s = connection.createStatement()) {
			for (String[] index : indexes) {
				s.execute("drop index " + index[0]);
			}
		}
		return indexes;
	}

	/** Units, districts and categories as the database has them. */
	static final class Reference {

		final long[] unitIds;

		final String[] unitCodes;

		final String[] districts;

		final String[] categories;

		Reference(Connection connection) throws SQLException {
			List<Long> ids = new ArrayList<>();
			List<String> codes = new ArrayList<>();
			List<String> districts = new ArrayList<>();
			try (Statement s = connection.createStatement();
					ResultSet rs = s.executeQuery("select id, code, type from unit where type <> 'CENTRE' order by id")) {
				while (rs.next()) {
					ids.add(rs.getLong(1));
					codes.add(rs.getString(2));
					String type = rs.getString(3);
					if (type.equals("DISTRICT") || type.equals("COUNTY_CITY") || type.equals("PARK")) {
						districts.add(rs.getString(2));
					}
				}
			}
			List<String> categories = new ArrayList<>();
			try (Statement s = connection.createStatement();
					ResultSet rs = s.executeQuery("select code from category where level >= 2 and active order by id")) {
				while (rs.next()) {
					categories.add(rs.getString(1));
				}
			}
			this.unitIds = ids.stream().mapToLong(Long::longValue).toArray();
			this.unitCodes = codes.toArray(String[]::new);
			this.districts = districts.toArray(String[]::new);
			this.categories = categories.toArray(String[]::new);
		}

	}

	/** Tab-separated text rows; \N is NULL. */
	private static final class Row {

		private final StringBuilder out;

		private boolean first = true;

		Row(StringBuilder out) {
			this.out = out;
		}

		Row f(Object value) {
			if (!this.first) {
				this.out.append('\t');
			}
			this.first = false;
			if (value == null) {
				this.out.append("\\N");
			}
			else if (value instanceof Instant instant) {
				this.out.append(instant);
			}
			else {
				this.out.append(value);
			}
			return this;
		}

		Row t(long epochSecond) {
			return f((epochSecond == 0) ? null : Instant.ofEpochSecond(epochSecond));
		}

		void end() {
			this.out.append('\n');
			this.first = true;
		}

	}

	static Chunk chunk(Reference ref, SplittableRandom r, long firstId, long firstIndex, int n, long total, long open,
			long now, long span) {
		StringBuilder tickets = new StringBuilder(n * 520);
		StringBuilder events = new StringBuilder(n * 400);
		int eventCount = 0;
		for (int k = 0; k < n; k++) {
			long index = firstIndex + k;
			// Evenly over the span; the newest `open` tickets (plus a few thousand awaiting dispatch) are still open.
			long created = now - span + (long) ((double) span * index / total) + r.nextInt(60);
			long id = ticketId(firstId + k, created);
			long fromEnd = total - index;
			String status;
			if (fromEnd <= 3_000) {
				status = "PENDING_DISPATCH";
			}
			else if (fromEnd <= 3_000 + open) {
				status = (r.nextInt(3) == 0) ? "DISPATCHED" : "IN_PROGRESS";
			}
			else if (fromEnd <= 3_000 + open + 20_000) {
				status = "CALLBACK_PENDING";
			}
			else {
				status = (r.nextInt(100) < 45) ? "DIRECT" : "CLOSED";
			}
			int levelDraw = r.nextInt(1000);
			String level = (levelDraw < 3) ? "CRITICAL" : (levelDraw < 40) ? "URGENT" : "ROUTINE";
			String marks = (levelDraw < 3) ? "SUDDEN" : (levelDraw < 40) ? "IMPORTANT" : "";
			int unit = r.nextInt(ref.unitIds.length);
			String district = ref.districts[r.nextInt(ref.districts.length)];
			String category = ref.categories[r.nextInt(ref.categories.length)];
			String operator = r.nextBoolean() ? "operator" : "operator2";
			String type = TYPES[r.nextInt(TYPES.length)];
			long dispatched = 0, acceptDue = 0, accepted = 0, replyDue = 0, replied = 0, callbackDue = 0, closed = 0;
			String outcome = null, satisfaction = null, reason = null;
			Boolean reached = null, solved = null;
			int attempts = 0;
			Row ev = new Row(events);
			ev.f(id).t(created).f(operator).f(null).f("REGISTERED").f(null).f("REGISTERED").f(null).end();
			int evs = 1;
			if (status.equals("DIRECT")) {
				closed = created + 180 + r.nextInt(300);
				ev.f(id).t(closed).f(operator).f(null).f("DIRECT_ANSWER").f("REGISTERED").f("CLOSED").f("已根据知识库答复市民").end();
				evs++;
				status = "CLOSED";
				reason = "DIRECT_ANSWER";
				unit = -1;
			}
			else {
				long queued = created + 120;
				ev.f(id).t(queued).f(operator).f(null).f("QUEUED").f("REGISTERED").f("PENDING_DISPATCH").f(null).end();
				evs++;
				if (!status.equals("PENDING_DISPATCH")) {
					if (status.equals("DISPATCHED") || status.equals("IN_PROGRESS")) {
						// Deadlines around now, so that warnings and overdue crossings fall inside the sweep's look-back.
						replyDue = now - 3 * 86_400L + r.nextInt(6 * 86_400);
						dispatched = Math.min(queued + 600, replyDue - 3 * 86_400L);
						acceptDue = dispatched + 86_400;
					}
					else {
						dispatched = queued + 600 + r.nextInt(7200);
						acceptDue = dispatched + 86_400;
						replyDue = dispatched + 5 * 86_400L;
					}
					ev.f(id).t(dispatched).f(operator).f(null).f("DISPATCHED").f("PENDING_DISPATCH").f("DISPATCHED").f(null).end();
					evs++;
					if (!status.equals("DISPATCHED")) {
						accepted = dispatched + 1800 + r.nextInt(20_000);
						ev.f(id).t(accepted).f(ref.unitCodes[unit]).f(ref.unitIds[unit]).f("ACCEPTED").f("DISPATCHED").f("IN_PROGRESS").f(null).end();
						evs++;
					}
					if (status.equals("CALLBACK_PENDING") || status.equals("CLOSED")) {
						replied = accepted + 3600 + r.nextInt(3 * 86_400);
						outcome = (r.nextInt(100) < 82) ? "SOLVED" : "PARTLY_SOLVED";
						callbackDue = replied + 86_400;
						ev.f(id).t(replied).f(ref.unitCodes[unit]).f(ref.unitIds[unit]).f("REPLIED").f("IN_PROGRESS").f("CALLBACK_PENDING").f("经现场核实，问题已处理完毕").end();
						evs++;
					}
					if (status.equals("CLOSED")) {
						closed = replied + 3600 + r.nextInt(20 * 3600);
						attempts = 1;
						reached = true;
						solved = r.nextInt(100) < 88;
						int mood = r.nextInt(100);
						satisfaction = (mood < 75) ? "SATISFIED" : (mood < 95) ? "BASICALLY_SATISFIED" : "DISSATISFIED";
						reason = "CALLBACK";
						ev.f(id).t(closed).f(operator).f(null).f("CALLBACK").f("CALLBACK_PENDING").f("CLOSED").f("市民表示问题已解决").end();
						evs++;
					}
				}
				else {
					unit = -1;
				}
			}
			long updated = Math.max(Math.max(created, closed), Math.max(replied, accepted));
			String place = Descriptions.place(r);
			int caller = r.nextInt(2_000_000);
			new Row(tickets).f(id)
				.f(ticketNo(id))
				.f(status)
				.f(level)
				.f(marks)
				.f(level.equals("ROUTINE") ? 0 : 60)
				.f((caller % 2 == 0) ? "张先生" : "李女士")
				.f("enc-" + caller)
				.f(CALLER_INDEX_PAD.substring(Integer.toHexString(caller).length()) + Integer.toHexString(caller))
				.f("13" + (caller % 10) + "****" + (1000 + caller % 9000))
				.f(place + "附近")
				.f(district)
				.f(DESCRIPTIONS[r.nextInt(DESCRIPTIONS.length)])
				.f(type)
				.f(category)
				.f(CHANNELS[r.nextInt(CHANNELS.length)])
				.f("MAIN")
				.f((unit >= 0) ? ref.unitIds[unit] : null)
				.t(dispatched)
				.t(acceptDue)
				.t(accepted)
				.t(replyDue)
				.t(replied)
				.t(callbackDue)
				.t(closed)
				.f(outcome)
				.f(satisfaction)
				.f(reason)
				.f(0)
				.f(attempts)
				.f(reached)
				.f(solved)
				.t(created)
				.f(operator)
				.t(updated)
				.f(evs)
				.end();
			eventCount += evs;
		}
		return new Chunk(tickets, events, n, eventCount);
	}

	/** One ticket with a 50-entry timeline and one caller with 60 tickets; answers the timeline ticket's id. */
	private static long specials(Connection connection, CopyManager copy, Reference ref, long id, long now)
			throws SQLException {
		try (Statement s = connection.createStatement()) {
			s.execute("select setval('ticket_id_seq', " + (id + 100) + ")");
		}
		StringBuilder tickets = new StringBuilder();
		StringBuilder events = new StringBuilder();
		long timelineTicket = 0;
		for (int i = 0; i < 61; i++) {
			long created = now - 86_400L * (i + 1);
			long tid = ticketId(id + i, created);
			if (i == 0) {
				timelineTicket = tid;
			}
			String status = (i == 0) ? "IN_PROGRESS" : "CLOSED";
			new Row(tickets).f(tid)
				.f(ticketNo(tid))
				.f(status)
				.f("ROUTINE")
				.f("")
				.f(0)
				.f("王女士")
				.f("enc-history")
				.f(HISTORY_CALLER)
				.f("139****0000")
				.f("和平桥附近")
				.f("chongchuan")
				.f("和平桥小区电梯经常故障，物业不及时维修，第" + i + "次来电")
				.f("COMPLAINT")
				.f(ref.categories[0])
				.f("PHONE")
				.f("MAIN")
				.f(ref.unitIds[0])
				.t(created + 600)
				.t(created + 86_400)
				.t(created + 3600)
				.t(now + 86_400)
				.t(0)
				.t(0)
				.t((i == 0) ? 0 : created + 7200)
				.f(null)
				.f(null)
				.f((i == 0) ? null : "CALLBACK")
				.f(0)
				.f(0)
				.f(null)
				.f(null)
				.t(created)
				.f("operator")
				.t(created + 7200)
				.f(1)
				.end();
			int count = (i == 0) ? 50 : 3;
			for (int e = 0; e < count; e++) {
				new Row(events).f(tid).t(created + e * 600L).f(e % 2 == 0 ? "operator" : ref.unitCodes[0])
					.f(e % 2 == 0 ? null : ref.unitIds[0])
					.f(e == 0 ? "REGISTERED" : "PROGRESS")
					.f(e == 0 ? null : "IN_PROGRESS")
					.f(e == 0 ? "REGISTERED" : "IN_PROGRESS")
					.f("第" + e + "条处理记录：已电话联系市民，约定现场查看")
					.end();
			}
		}
		copyIn(copy, "COPY ticket (" + TICKET_COLUMNS + ") FROM STDIN", tickets);
		copyIn(copy, "COPY ticket_event (" + EVENT_COLUMNS + ") FROM STDIN", events);
		return timelineTicket;
	}

}
