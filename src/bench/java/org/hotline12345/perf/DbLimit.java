package org.hotline12345.perf;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database's own limit for the rows one {@code POST /api/v1/tickets} writes, measured with plain JDBC on the same
 * server and database as the application, one client per connection, closed loop:
 * <ol>
 * <li>one transaction: {@code nextval}, the ticket row, its two timeline rows (REGISTERED, QUEUED) in one batch, the
 * five event publications (one per listener of TicketRegistered and TicketQueued), and the audit record under the same chain lock and
 * previous-hash read as {@code AuditLog};</li>
 * <li>then, as the publication registry does after the listeners ran: each publication marked completed and deleted.</li>
 * </ol>
 * Usage: {@code DbLimit <jdbcUrl> <user> <warmupSeconds> <seconds> <out.md> <clients...>}
 */
public final class DbLimit {

	private DbLimit() {
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String user = args[1];
		int warmup = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		List<String> rows = new ArrayList<>();
		for (int i = 5; i < args.length; i++) {
			int clients = Integer.parseInt(args[i]);
			run(url, user, clients, warmup);
			Object[] r = run(url, user, clients, seconds);
			Stats stats = (Stats) r[0];
			String row = String.format("| %d | %,d | %.0f | %s | %s | %s |", clients, stats.count(),
					stats.count() / (double) r[1], Stats.ms(stats.percentileMs(50)), Stats.ms(stats.percentileMs(99)),
					Stats.ms(stats.percentileMs(100)));
			System.out.println(row);
			rows.add(row);
		}
		try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(Path.of(args[4])))) {
			rows.forEach(writer::println);
		}
	}

	static Object[] run(String url, String user, int clients, int seconds) throws Exception {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		long[][] latencies = new long[clients][];
		CountDownLatch done = new CountDownLatch(clients);
		AtomicInteger failures = new AtomicInteger();
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			int index = c;
			Thread worker = new Thread(() -> {
				long[] mine = new long[1 << 16];
				int n = 0;
				SplittableRandom random = new SplittableRandom(index * 31L + System.nanoTime());
				try (Connection connection = DriverManager.getConnection(url, user, null)) {
					connection.setAutoCommit(false);
					while (System.nanoTime() < end) {
						long t0 = System.nanoTime();
						one(connection, random);
						long took = System.nanoTime() - t0;
						if (n == mine.length) {
							mine = java.util.Arrays.copyOf(mine, n * 2);
						}
						mine[n++] = took;
					}
				}
				catch (Exception ex) {
					if (failures.incrementAndGet() <= 3) {
						ex.printStackTrace();
					}
				}
				finally {
					latencies[index] = java.util.Arrays.copyOf(mine, n);
					done.countDown();
				}
			});
			worker.start();
		}
		done.await();
		double took = (System.nanoTime() - started) / 1e9;
		int total = 0;
		for (long[] l : latencies) {
			total += l.length;
		}
		long[] all = new long[total];
		int at = 0;
		for (long[] l : latencies) {
			System.arraycopy(l, 0, all, at, l.length);
			at += l.length;
		}
		return new Object[] { new Stats(all), took };
	}

	private static final String TICKET = "insert into ticket (id, ticket_no, status, level, marks, triage_score, triage_reasons,"
			+ " rule_set_version, caller_name, caller_phone_enc, caller_phone_index, caller_phone_masked, address,"
			+ " district_code, description, request_type, channel, service_line, created_at, created_by, updated_at, version)"
			+ " values (?, ?, 'PENDING_DISPATCH', 'ROUTINE', '', 0, '[]', 1, ?, ?, ?, ?, ?, ?, ?, 'COMPLAINT', 'PHONE', 'MAIN', ?, 'operator', ?, 1)";

	private static final String EVENT = "insert into ticket_event (ticket_id, at, actor, type, from_status, to_status, note)"
			+ " values (?, ?, 'operator', ?, ?, ?, null)";

	private static final String PUBLICATION = "insert into event_publication (id, listener_id, event_type, serialized_event,"
			+ " publication_date, status, completion_attempts) values (?, ?, 'org.hotline12345.ticket.TicketEvents$TicketRegistered', ?, ?, 'PUBLISHED', 1)";

	private static final String[] LISTENERS = {
			"org.hotline12345.triage.ClusterDetection.on(org.hotline12345.ticket.TicketEvents$TicketRegistered)",
			"org.hotline12345.triage.RepeatCallers.on(org.hotline12345.ticket.TicketEvents$TicketRegistered)",
			"org.hotline12345.enforcement.EnforcementCases.on(org.hotline12345.ticket.TicketEvents$TicketRegistered)",
			"org.hotline12345.supervision.DashboardRollup.on(org.hotline12345.ticket.TicketEvents$TicketRegistered)",
			"org.hotline12345.supervision.DashboardRollup.on(org.hotline12345.ticket.TicketEvents$TicketQueued)" };

	static void one(Connection connection, SplittableRandom random) throws Exception {
		Instant now = Instant.now();
		Timestamp at = Timestamp.from(now);
		long id;
		try (PreparedStatement s = connection.prepareStatement("select nextval('ticket_id_seq')");
				ResultSet rs = s.executeQuery()) {
			rs.next();
			// In the block of the current month, as the workflow gives it (TicketIds, V150).
			id = org.hotline12345.ticket.TicketIds.of(now, java.time.ZoneId.of("Asia/Shanghai"), rs.getLong(1));
		}
		String no = "NB" + String.format("%014d", id);
		try (PreparedStatement s = connection.prepareStatement(TICKET)) {
			s.setLong(1, id);
			s.setString(2, no);
			s.setString(3, "张先生");
			s.setString(4, "pAxvJEM7KHKRWv7mFRSg2G+zl2RbSTsha2hvpu6W4Z/upzQvcZlb" + random.nextInt(1000));
			s.setString(5, sha(String.valueOf(random.nextLong())));
			s.setString(6, "138****" + (1000 + random.nextInt(9000)));
			s.setString(7, Descriptions.place(random) + "附近");
			s.setString(8, "chongchuan");
			s.setString(9, Descriptions.next(random));
			s.setTimestamp(10, at);
			s.setTimestamp(11, at);
			s.executeUpdate();
		}
		try (PreparedStatement s = connection.prepareStatement(EVENT)) {
			s.setLong(1, id);
			s.setTimestamp(2, at);
			s.setString(3, "REGISTERED");
			s.setString(4, null);
			s.setString(5, "REGISTERED");
			s.addBatch();
			s.setString(3, "QUEUED");
			s.setString(4, "REGISTERED");
			s.setString(5, "PENDING_DISPATCH");
			s.addBatch();
			s.executeBatch();
		}
		UUID[] publications = new UUID[LISTENERS.length];
		try (PreparedStatement s = connection.prepareStatement(PUBLICATION)) {
			for (int i = 0; i < LISTENERS.length; i++) {
				publications[i] = UUID.randomUUID();
				s.setObject(1, publications[i]);
				s.setString(2, LISTENERS[i]);
				s.setString(3, "{\"ticketId\":" + id + ",\"ticketNo\":\"" + no + "\",\"level\":\"ROUTINE\",\"at\":\"" + now
						+ "\",\"actor\":\"operator\",\"padding\":\"" + "x".repeat(60) + "\"}");
				s.setTimestamp(4, at);
				s.addBatch();
			}
			s.executeBatch();
		}
		try (PreparedStatement s = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
			s.setLong(1, 0x12345_0001L);
			s.executeQuery().close();
		}
		String previous = "";
		try (PreparedStatement s = connection.prepareStatement("select hash from audit_log order by id desc limit 1");
				ResultSet rs = s.executeQuery()) {
			if (rs.next()) {
				previous = rs.getString(1);
			}
		}
		try (PreparedStatement s = connection.prepareStatement("insert into audit_log (at, actor, source_address,"
				+ " event_type, object_type, object_id, outcome, detail, prev_hash, hash) values (?, 'operator', '127.0.0.1',"
				+ " 'TICKET_CREATE', 'TICKET', ?, 'SUCCESS', 'QUEUE', ?, ?)")) {
			s.setTimestamp(1, at);
			s.setString(2, no);
			s.setString(3, previous);
			s.setString(4, sha(previous + no));
			s.executeUpdate();
		}
		connection.commit();
		// The registry after the listeners ran: completed, then deleted (completion-mode=delete).
		for (UUID publication : publications) {
			try (PreparedStatement s = connection
				.prepareStatement("update event_publication set completion_date = ?, status = 'COMPLETED' where id = ?")) {
				s.setTimestamp(1, Timestamp.from(Instant.now()));
				s.setObject(2, publication);
				s.executeUpdate();
			}
			try (PreparedStatement s = connection.prepareStatement("delete from event_publication where id = ?")) {
				s.setObject(1, publication);
				s.executeUpdate();
			}
			connection.commit();
		}
	}

	private static String sha(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
