package org.hotline12345.dispatch;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.hotline12345.dispatch.DeadlineAlertRaised.AlertLevel;
import org.hotline12345.dispatch.DeadlineAlertRaised.DeadlineClock;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.DeadlineSettings;
import org.hotline12345.ticket.TicketWorkflow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 预警 / 超时: finds the tickets whose accept, reply or callback clock crossed its warning share or its deadline since
 * the look-back and flags each crossing once: a {@code deadline_alert} row, a timeline entry and a
 * {@link DeadlineAlertRaised} event, all in one transaction per ticket.
 * <p>
 * Exactly once across instances: {@code UNIQUE (ticket_id, clock, level, due_at)} decides who flags (an insert that
 * finds the row already there changes nothing and raises nothing); ShedLock only keeps a second instance from doing
 * the same reading at the same time. Cheap at a million open tickets: each clock and level is one range scan on a
 * partial index (V10, V50) over the window {@code (now - lookBack, now]}, at most {@code batchSize} rows.
 */
@Component
class DeadlineSweep {

	private static final Logger logger = LoggerFactory.getLogger(DeadlineSweep.class);

	/** The share the V50 warning indexes were built for. */
	static final double INDEXED_WARNING_SHARE = 0.75;

	private static final DateTimeFormatter NOTE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** One line a ticket can cross: a clock, a level, the statuses in which that clock runs. */
	record Line(DeadlineClock clock, AlertLevel level, String statuses, String startColumn, String dueColumn) {

		String key(String share) {
			return (this.level == AlertLevel.OVERDUE) ? "t." + this.dueColumn
					: "deadline_warning_at(t." + this.startColumn + ", t." + this.dueColumn + ", " + share
							+ "::DOUBLE PRECISION)";
		}

	}

	static final List<Line> LINES = List.of(
			new Line(DeadlineClock.ACCEPT, AlertLevel.WARNING, "'DISPATCHED'", "dispatched_at", "accept_due_at"),
			new Line(DeadlineClock.ACCEPT, AlertLevel.OVERDUE, "'DISPATCHED'", "dispatched_at", "accept_due_at"),
			new Line(DeadlineClock.REPLY, AlertLevel.WARNING, "'DISPATCHED', 'IN_PROGRESS'", "dispatched_at",
					"reply_due_at"),
			new Line(DeadlineClock.REPLY, AlertLevel.OVERDUE, "'DISPATCHED', 'IN_PROGRESS'", "dispatched_at",
					"reply_due_at"),
			new Line(DeadlineClock.CALLBACK, AlertLevel.WARNING, "'CALLBACK_PENDING'", "replied_at", "callback_due_at"),
			new Line(DeadlineClock.CALLBACK, AlertLevel.OVERDUE, "'CALLBACK_PENDING'", "replied_at",
					"callback_due_at"));

	private record Candidate(long ticketId, String ticketNo, Long leadUnitId, Instant dueAt) {
	}

	private final JdbcTemplate jdbc;

	private final TicketWorkflow workflow;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final DeadlineSweepSettings settings;

	private final Clock clock;

	private final String share;

	DeadlineSweep(JdbcTemplate jdbc, TicketWorkflow workflow, ApplicationEventPublisher events,
			MessageSource messages, PlatformTransactionManager transactionManager, DeadlineSweepSettings settings,
			DeadlineSettings deadlines, Clock clock) {
		this.jdbc = jdbc;
		this.workflow = workflow;
		this.events = events;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactionManager);
		this.settings = settings;
		this.clock = clock;
		// A number from typed configuration, written into the SQL so that it matches the expression indexes.
		this.share = BigDecimal.valueOf(deadlines.warningShare()).toPlainString();
		if (deadlines.warningShare() != INDEXED_WARNING_SHARE) {
			logger.warn("hotline.deadlines.warning-share is {} but the warning indexes of V50 were built for {}: "
					+ "add matching indexes, or the deadline sweep scans", this.share, INDEXED_WARNING_SHARE);
		}
	}

	/** One sweep under the cluster-wide lock; {@code null} when another instance holds it. */
	@SchedulerLock(name = "deadline-sweep", lockAtMostFor = "10m", lockAtLeastFor = "15s")
	public Integer sweepLocked() {
		return sweep();
	}

	/** One sweep over every clock and level. Safe to run concurrently with itself. */
	int sweep() {
		Instant now = this.clock.instant();
		int raised = 0;
		for (Line line : LINES) {
			for (Candidate candidate : candidates(line, now)) {
				if (raise(line, candidate, now)) {
					raised++;
				}
			}
		}
		if (raised > 0) {
			logger.info("Deadline sweep raised {} alerts", raised);
		}
		return raised;
	}

	/** The query for one line, as EXPLAIN checks it: {@code now}, {@code since}, ({@code now}), batch size. */
	String candidateSql(Line line) {
		String key = line.key(this.share);
		return "select t.id, t.ticket_no, t.lead_unit_id, t." + line.dueColumn() + " as due_at from ticket t"
				+ " where t.status in (" + line.statuses() + ") and " + key + " <= ? and " + key + " > ?"
				+ ((line.level() == AlertLevel.WARNING) ? " and t." + line.dueColumn() + " > ?" : "")
				+ " and not exists (select 1 from deadline_alert a where a.ticket_id = t.id and a.clock = '"
				+ line.clock() + "' and a.level = '" + line.level() + "' and a.due_at = t." + line.dueColumn() + ")"
				+ " order by " + key + " limit ?";
	}

	private List<Candidate> candidates(Line line, Instant now) {
		Timestamp at = Timestamp.from(now);
		Timestamp since = Timestamp.from(now.minus(this.settings.lookBack()));
		Object[] args = (line.level() == AlertLevel.WARNING)
				? new Object[] { at, since, at, this.settings.batchSize() }
				: new Object[] { at, since, this.settings.batchSize() };
		return this.jdbc.query(candidateSql(line), (rs, i) -> {
			long unit = rs.getLong("lead_unit_id");
			return new Candidate(rs.getLong("id"), rs.getString("ticket_no"), rs.wasNull() ? null : unit,
					rs.getTimestamp("due_at").toInstant());
		}, args);
	}

	/**
	 * Flags one crossing in its own transaction. The insert re-checks that the ticket still runs that clock with
	 * that deadline; when the row already exists (another instance, an earlier run) nothing else happens.
	 */
	private boolean raise(Line line, Candidate candidate, Instant now) {
		try {
			Boolean done = this.transaction.execute((status) -> {
				int inserted = this.jdbc.update("insert into deadline_alert (ticket_id, clock, level, due_at, raised_at)"
						+ " select t.id, ?, ?, t." + line.dueColumn() + ", ? from ticket t where t.id = ? and t.status in ("
						+ line.statuses() + ") and t." + line.dueColumn() + " = ?"
						+ " on conflict on constraint deadline_alert_once do nothing", line.clock().name(),
						line.level().name(), Timestamp.from(now), candidate.ticketId(),
						Timestamp.from(candidate.dueAt()));
				if (inserted == 0) {
					return false;
				}
				if (line.clock() != DeadlineClock.CALLBACK) {
					// The callback clock is the centre's own; a CALLBACK_PENDING ticket takes no reminder entry.
					this.workflow.remind(candidate.ticketNo(), "DEADLINE_" + line.level(), note(line, candidate),
							Actor.SYSTEM);
				}
				this.events.publishEvent(new DeadlineAlertRaised(candidate.ticketId(), candidate.ticketNo(),
						(line.clock() != DeadlineClock.CALLBACK) ? candidate.leadUnitId() : null, line.clock(),
						line.level(), candidate.dueAt(), now));
				return true;
			});
			return Boolean.TRUE.equals(done);
		}
		catch (RuntimeException ex) {
			// The ticket moved on meanwhile (accepted, replied) or a person saved it at the same moment: nothing was
			// written; the next run looks again.
			logger.debug("Deadline alert for {} not raised: {}", candidate.ticketNo(), ex.getMessage());
			return false;
		}
	}

	private String note(Line line, Candidate candidate) {
		String due = candidate.dueAt().atZone(this.clock.getZone()).format(NOTE_TIME);
		return this.messages.getMessage("dispatch.sweep.note." + line.clock() + "." + line.level(),
				new Object[] { due }, Locale.SIMPLIFIED_CHINESE);
	}

}
