package org.hotline12345.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.hotline12345.ticket.DeadlineSettings;
import org.hotline12345.ticket.TicketEvents.ExtensionDecided;
import org.hotline12345.ticket.TicketEvents.MasterReplyReceived;
import org.hotline12345.ticket.TicketEvents.TicketAccepted;
import org.hotline12345.ticket.TicketEvents.TicketClosed;
import org.hotline12345.ticket.TicketEvents.TicketDispatched;
import org.hotline12345.ticket.TicketEvents.TicketLevelChanged;
import org.hotline12345.ticket.TicketEvents.TicketMerged;
import org.hotline12345.ticket.TicketEvents.TicketQueued;
import org.hotline12345.ticket.TicketEvents.TicketRegistered;
import org.hotline12345.ticket.TicketEvents.TicketReopened;
import org.hotline12345.ticket.TicketEvents.TicketReplied;
import org.hotline12345.ticket.TicketEvents.TicketReturned;
import org.hotline12345.ticket.TicketEvents.TicketReviewed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the dashboard's read model (the {@code supervision_*} rollup tables of V120, decision 0007) in step with the
 * tickets. Each ticket event that can move a figure makes the listener look at the ticket as committed: it takes back
 * what the ticket counted for until now (its row in {@code supervision_ticket_fact}) and adds what it counts for now,
 * under a lock on the ticket, so that a repeated, late or reordered event changes nothing it should not. Steps that
 * move no figure (progress notes, reminders, an extension request, an unreached callback that leaves the ticket open)
 * are not listened to.
 * <p>
 * The overdue and warned counts by unit depend on the time as well: per unit, the tickets that crossed before the
 * watermark are counted in {@code supervision_due_count}; those that crossed since are read from the fact table's
 * indexes, and a scheduled job moves the watermark up.
 */
@Component
class DashboardRollup implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DashboardRollup.class);

	/** Advisory lock name spaces (two-int form): one ticket's facts; the watermark and rebuild gate. */
	private static final int TICKET_LOCK = 120_001;

	private static final int GATE_LOCK = 120_002;

	static final int DIRECT = 1, DISPATCHED = 2, REPLIED = 4, ON_TIME = 8, REACHED = 16, SOLVED = 32, SATISFIED = 64;

	/** A ticket's facts, from its row; parameters: time zone, warning share. */
	private static final String FACT_SELECT = """
			select t.id, (t.created_at at time zone ?)::date, t.status, t.level, t.channel, t.service_line,
			  coalesce(t.category_code, ''), coalesce(t.district_code, ''), coalesce(t.lead_unit_id, 0),
			  ((case when t.close_reason = 'DIRECT_ANSWER' then 1 else 0 end)
			   | (case when t.dispatched_at is not null then 2 else 0 end)
			   | (case when t.dispatched_at is not null and t.replied_at is not null then 4 else 0 end)
			   | (case when t.dispatched_at is not null and t.replied_at <= t.reply_due_at then 8 else 0 end)
			   | (case when t.callback_reached then 16 else 0 end)
			   | (case when t.callback_reached and t.callback_solved then 32 else 0 end)
			   | (case when t.callback_reached and t.satisfaction in %s then 64 else 0 end))::smallint,
			  case when t.dispatched_at is not null and t.replied_at is null then t.reply_due_at end,
			  c.overdue_from,
			  case when c.overdue_from is not null
			    then least(t.dispatched_at + (t.reply_due_at - t.dispatched_at) * ?, c.overdue_from) end
			from ticket t cross join lateral (select case when t.status in ('DISPATCHED', 'IN_PROGRESS')
			    and t.lead_unit_id is not null then least(case when t.status = 'DISPATCHED' then t.accept_due_at end,
			    t.reply_due_at) + interval '1 microsecond' end as overdue_from) c
			""".formatted(DashboardStatistics.SATISFIED);

	private static final String FACT_COLUMNS = "ticket_id, day, status, level, channel, service_line, category_code, "
			+ "district_code, lead_unit_id, flags, pending_reply_due, overdue_from, warned_from";

	private static final String[] MEASURES = { "registered", "direct", "dispatched", "replied", "on_time", "reached",
			"solved", "satisfied" };

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final double warningShare;

	private final TransactionTemplate transactions;

	private final boolean rebuildOnStart;

	DashboardRollup(JdbcTemplate jdbc, Clock clock, DeadlineSettings deadlines,
			PlatformTransactionManager transactionManager,
			@Value("${hotline.supervision.rollup.rebuild-on-start:false}") boolean rebuildOnStart) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.warningShare = deadlines.warningShare();
		this.transactions = new TransactionTemplate(transactionManager);
		this.rebuildOnStart = rebuildOnStart;
	}

	/** What one ticket counts for in the rollup. Category, district: '' for none; unit: 0 for none. */
	record Fact(long ticketId, LocalDate day, String status, String level, String channel, String line,
			String category, String district, long unit, int flags, Instant pendingReplyDue, Instant overdueFrom,
			Instant warnedFrom) {

		boolean isOpen() {
			return !"CLOSED".equals(this.status);
		}

		long[] measures() {
			long[] m = new long[MEASURES.length];
			m[0] = 1;
			int[] bits = { DIRECT, DISPATCHED, REPLIED, ON_TIME, REACHED, SOLVED, SATISFIED };
			for (int i = 0; i < bits.length; i++) {
				m[i + 1] = ((this.flags & bits[i]) != 0) ? 1 : 0;
			}
			return m;
		}

		/** The daily rows this ticket counts in: dimension and key. */
		List<String[]> dailyKeys() {
			return List.of(new String[] { "ALL", "" }, new String[] { "CHANNEL", this.channel },
					new String[] { "LINE", this.line }, new String[] { "CATEGORY", this.category },
					new String[] { "DISTRICT", this.district }, new String[] { "LEVEL", this.level });
		}

	}

	@ApplicationModuleListener
	void on(TicketRegistered event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketQueued event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketDispatched event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketAccepted event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketReturned event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	void on(ExtensionDecided event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketReplied event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketReviewed event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	void on(MasterReplyReceived event) {
		refresh(event.ticketId());
	}

	/** Direct answers, reached callbacks, the third unreached one, and the centre's closing. */
	@ApplicationModuleListener
	void on(TicketClosed event) {
		refresh(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketReopened event) {
		refresh(event.ticketId());
	}

	/** The child: merged, and raised to at least its master's level. */
	@ApplicationModuleListener
	void on(TicketMerged event) {
		refresh(event.childId());
	}

	@ApplicationModuleListener
	void on(TicketLevelChanged event) {
		refresh(event.ticketId());
	}

	/**
	 * Brings one ticket's contribution up to date with its committed row. Safe to call any number of times, in any
	 * order, concurrently for the same ticket.
	 */
	@Transactional
	public void refresh(long ticketId) {
		this.jdbc.query("select pg_advisory_xact_lock(?, ?)", (rs) -> {
		}, TICKET_LOCK, (int) ticketId);
		// Shared with other tickets' refreshes, exclusive against the watermark job and a rebuild.
		this.jdbc.query("select pg_advisory_xact_lock_shared(?, 0)", (rs) -> {
		}, GATE_LOCK);
		Optional<Fact> old = this.jdbc
			.query("select " + FACT_COLUMNS + " from supervision_ticket_fact where ticket_id = ?", DashboardRollup::fact,
					ticketId)
			.stream()
			.findFirst();
		Optional<Fact> now = this.jdbc
			.query(FACT_SELECT + " where t.id = ?", DashboardRollup::fact, zone(), this.warningShare, ticketId)
			.stream()
			.findFirst();
		if (old.equals(now) || now.isEmpty()) {
			return;
		}
		Instant watermark = watermark();
		Map<String, long[]> daily = new TreeMap<>();
		Map<String, Long> open = new TreeMap<>();
		Map<String, Long> due = new TreeMap<>();
		old.ifPresent((fact) -> count(fact, -1, watermark, daily, open, due));
		count(now.get(), 1, watermark, daily, open, due);
		upsertDaily(daily);
		upsertCounts(open, "supervision_open_count", "status, level, unit_id", "?, ?, ?::bigint");
		upsertCounts(due, "supervision_due_count", "unit_id, kind", "?::bigint, ?");
		Fact fact = now.get();
		this.jdbc.update("insert into supervision_ticket_fact (" + FACT_COLUMNS
				+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (ticket_id) do update set"
				+ " day = excluded.day, status = excluded.status, level = excluded.level, channel = excluded.channel,"
				+ " service_line = excluded.service_line, category_code = excluded.category_code,"
				+ " district_code = excluded.district_code, lead_unit_id = excluded.lead_unit_id, flags = excluded.flags,"
				+ " pending_reply_due = excluded.pending_reply_due, overdue_from = excluded.overdue_from,"
				+ " warned_from = excluded.warned_from", fact.ticketId(), fact.day(), fact.status(), fact.level(),
				fact.channel(), fact.line(), fact.category(), fact.district(), fact.unit(), fact.flags(),
				ts(fact.pendingReplyDue()), ts(fact.overdueFrom()), ts(fact.warnedFrom()));
	}

	/** Adds (sign 1) or takes back (sign -1) what a fact counts for. Keys sort so that rows lock in one order. */
	private static void count(Fact fact, int sign, Instant watermark, Map<String, long[]> daily, Map<String, Long> open,
			Map<String, Long> due) {
		long[] measures = fact.measures();
		for (String[] key : fact.dailyKeys()) {
			long[] sums = daily.computeIfAbsent(key[0] + "\t" + fact.day() + "\t" + key[1],
					(k) -> new long[MEASURES.length]);
			for (int i = 0; i < sums.length; i++) {
				sums[i] += sign * measures[i];
			}
		}
		if (fact.isOpen()) {
			open.merge(fact.status() + "\t" + fact.level() + "\t" + fact.unit(), (long) sign, Long::sum);
		}
		if (watermark != null && fact.overdueFrom() != null && !fact.overdueFrom().isAfter(watermark)) {
			due.merge(fact.unit() + "\tOVERDUE", (long) sign, Long::sum);
		}
		if (watermark != null && fact.warnedFrom() != null && !fact.warnedFrom().isAfter(watermark)) {
			due.merge(fact.unit() + "\tWARNED", (long) sign, Long::sum);
		}
	}

	private void upsertDaily(Map<String, long[]> daily) {
		List<Object[]> rows = new ArrayList<>();
		daily.forEach((key, sums) -> {
			if (java.util.Arrays.stream(sums).anyMatch((v) -> v != 0)) {
				String[] k = key.split("\t", -1);
				Object[] row = new Object[3 + sums.length];
				row[0] = k[0];
				row[1] = LocalDate.parse(k[1]);
				row[2] = k[2];
				for (int i = 0; i < sums.length; i++) {
					row[3 + i] = (int) sums[i];
				}
				rows.add(row);
			}
		});
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder set = new StringBuilder();
		for (String measure : MEASURES) {
			set.append((set.length() > 0) ? ", " : "")
				.append(measure)
				.append(" = supervision_daily.")
				.append(measure)
				.append(" + excluded.")
				.append(measure);
		}
		this.jdbc.batchUpdate("insert into supervision_daily (dimension, day, key, " + String.join(", ", MEASURES)
				+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dimension, day, key) do update set " + set,
				rows);
	}

	/** Adds to counters keyed by tab-separated values (strings; {@code keyValues} casts the numeric one). */
	private void upsertCounts(Map<String, Long> counts, String table, String keyColumns, String keyValues) {
		List<Object[]> rows = new ArrayList<>();
		counts.forEach((key, count) -> {
			if (count != 0) {
				String[] k = key.split("\t", -1);
				Object[] row = java.util.Arrays.copyOf(k, k.length + 1, Object[].class);
				row[k.length] = count.intValue();
				rows.add(row);
			}
		});
		if (rows.isEmpty()) {
			return;
		}
		String values = keyValues;
		this.jdbc.batchUpdate("insert into " + table + " (" + keyColumns + ", count) values (" + values
				+ ", ?) on conflict (" + keyColumns + ") do update set count = " + table + ".count + excluded.count",
				rows);
	}

	/**
	 * Counts the tickets that crossed into overdue or warned since the watermark and moves it up to now, so that the
	 * dashboard reads only a minute's crossings from the fact table.
	 */
	@Scheduled(fixedDelayString = "${hotline.supervision.rollup.watermark-interval:1m}",
			initialDelayString = "${hotline.supervision.rollup.watermark-interval:1m}")
	@Transactional
	public void advanceWatermark() {
		this.jdbc.query("select pg_advisory_xact_lock(?, 0)", (rs) -> {
		}, GATE_LOCK);
		Instant watermark = watermark();
		Instant now = this.clock.instant();
		if (watermark == null || !now.isAfter(watermark)) {
			return;
		}
		this.jdbc.update("""
				insert into supervision_due_count (unit_id, kind, count)
				select lead_unit_id, 'OVERDUE', count(*) from supervision_ticket_fact
				  where overdue_from > ? and overdue_from <= ? group by 1
				union all
				select lead_unit_id, 'WARNED', count(*) from supervision_ticket_fact
				  where warned_from > ? and warned_from <= ? group by 1
				on conflict (unit_id, kind) do update set count = supervision_due_count.count + excluded.count""",
				ts(watermark), ts(now), ts(watermark), ts(now));
		this.jdbc.update("update supervision_rollup_state set due_watermark = ? where id = 1", ts(now));
	}

	/**
	 * Computes the whole rollup again from the ticket table, in one transaction: for tickets written around the
	 * workflow (the demo city, a bulk load) and when the time zone or the warning share changed. Listeners wait for it
	 * and then apply what happened meanwhile to the rebuilt facts. Readers of the dashboard wait too (the tables are
	 * truncated): with 2 million tickets this takes about a minute (docs/performance.md).
	 */
	@Transactional
	public void rebuild() {
		long started = System.nanoTime();
		this.jdbc.query("select pg_advisory_xact_lock(?, 0)", (rs) -> {
		}, GATE_LOCK);
		Timestamp now = ts(this.clock.instant());
		this.jdbc.execute("truncate supervision_ticket_fact, supervision_daily, supervision_open_count,"
				+ " supervision_due_count");
		int tickets = this.jdbc.update("insert into supervision_ticket_fact (" + FACT_COLUMNS + ") " + FACT_SELECT,
				zone(), this.warningShare);
		StringBuilder sums = new StringBuilder();
		String[] bits = { "1", "2", "4", "8", "16", "32", "64" };
		for (String bit : bits) {
			sums.append(", count(*) filter (where flags & ").append(bit).append(" <> 0)");
		}
		this.jdbc.update("""
				insert into supervision_daily (dimension, day, key, %s)
				select case when grouping(channel) = 0 then 'CHANNEL' when grouping(service_line) = 0 then 'LINE'
				    when grouping(category_code) = 0 then 'CATEGORY' when grouping(district_code) = 0 then 'DISTRICT'
				    when grouping(level) = 0 then 'LEVEL' else 'ALL' end,
				  day, coalesce(channel, service_line, category_code, district_code, level, ''), count(*)%s
				from supervision_ticket_fact
				group by grouping sets ((day), (day, channel), (day, service_line), (day, category_code),
				  (day, district_code), (day, level))""".formatted(String.join(", ", MEASURES), sums));
		this.jdbc.update("""
				insert into supervision_open_count (status, level, unit_id, count)
				select status, level, lead_unit_id, count(*) from supervision_ticket_fact
				where status <> 'CLOSED' group by 1, 2, 3""");
		this.jdbc.update("""
				insert into supervision_due_count (unit_id, kind, count)
				select lead_unit_id, 'OVERDUE', count(*) from supervision_ticket_fact where overdue_from <= ? group by 1
				union all
				select lead_unit_id, 'WARNED', count(*) from supervision_ticket_fact where warned_from <= ? group by 1""",
				now, now);
		this.jdbc.update("""
				update supervision_rollup_state set due_watermark = ?, time_zone = ?, warning_share = ?, rebuilt_at = ?
				where id = 1""", now, zone(), this.warningShare, now);
		log.info("Dashboard rollup rebuilt from {} tickets in {} ms", tickets, (System.nanoTime() - started) / 1_000_000);
	}

	/** Rebuilds at start-up when the rollup was never built or was built with other settings. */
	@Override
	public void afterSingletonsInstantiated() {
		Map<String, Object> state = this.jdbc.queryForMap(
				"select rebuilt_at, time_zone, warning_share from supervision_rollup_state where id = 1");
		boolean stale = state.get("rebuilt_at") == null || !zone().equals(state.get("time_zone"))
				|| !Objects.equals(state.get("warning_share"), this.warningShare);
		if (stale || this.rebuildOnStart) {
			this.transactions.executeWithoutResult((status) -> rebuild());
		}
	}

	private Instant watermark() {
		return instant(this.jdbc.queryForObject("select due_watermark from supervision_rollup_state where id = 1",
				Timestamp.class));
	}

	private String zone() {
		return this.clock.getZone().getId();
	}

	private static Fact fact(ResultSet rs, int i) throws SQLException {
		return new Fact(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getInt(10),
				instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
