package org.hotline12345.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.TicketChangedConcurrentlyException;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What triage reads of a ticket to look beyond it: its words, its place, its caller's blind index and its current
 * grade. Read straight from the ticket table (read only); every change still goes through
 * {@link org.hotline12345.ticket.TicketWorkflow}.
 */
@Component
class TicketFacts {

	static final String COLUMNS = """
			id, ticket_no, status, level, marks, triage_score, triage_reasons, level_overridden, description,
			request_type, category_code, district_code, vulnerable, caller_phone_index, created_at, master_id,
			dispatched_at, accept_due_at""";

	private final JdbcTemplate jdbc;

	TicketFacts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Facts> find(long id) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM ticket WHERE id = ?", TicketFacts::map, id).stream().findFirst();
	}

	List<Facts> query(String where, Object... args) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM ticket WHERE " + where, TicketFacts::map, args);
	}

	static Facts map(ResultSet rs, int row) throws SQLException {
		Set<TriageMark> marks = EnumSet.noneOf(TriageMark.class);
		String markText = rs.getString("marks");
		if (markText != null) {
			for (String mark : markText.split(",")) {
				if (!mark.isBlank()) {
					marks.add(TriageMark.valueOf(mark.strip()));
				}
			}
		}
		long master = rs.getLong("master_id");
		Long masterId = rs.wasNull() ? null : master;
		return new Facts(rs.getLong("id"), rs.getString("ticket_no"), rs.getString("status"),
				TriageLevel.valueOf(rs.getString("level")), marks, rs.getInt("triage_score"),
				parseReasons(rs.getString("triage_reasons")), rs.getBoolean("level_overridden"),
				rs.getString("description"), rs.getString("request_type"), rs.getString("category_code"),
				rs.getString("district_code"), rs.getBoolean("vulnerable"), rs.getString("caller_phone_index"),
				instant(rs, "created_at"), masterId, instant(rs, "dispatched_at"), instant(rs, "accept_due_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		java.sql.Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

	/** The ticket stores one reason per line, fields tab-separated. */
	static List<Grade.Reason> parseReasons(String text) {
		List<Grade.Reason> reasons = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return reasons;
		}
		for (String line : text.split("\n")) {
			String[] parts = line.split("\t", -1);
			if (parts.length == 3) {
				try {
					reasons.add(new Grade.Reason(parts[0], parts[1], Integer.parseInt(parts[2].strip())));
				}
				catch (NumberFormatException ex) {
					reasons.add(new Grade.Reason(parts[0], parts[1], 0));
				}
			}
		}
		return reasons;
	}

	/**
	 * Runs a change again when the ticket was changed under it (a person dispatching while triage raises it): each
	 * attempt reads the ticket afresh, and every step triage takes is idempotent.
	 */
	static <T> T retrying(Supplier<T> change) {
		for (int attempt = 1;; attempt++) {
			try {
				return change.get();
			}
			catch (OptimisticLockingFailureException | TicketChangedConcurrentlyException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	/**
	 * A ticket as triage sees it.
	 */
	record Facts(long id, String ticketNo, String status, TriageLevel level, Set<TriageMark> marks, int score,
			List<Grade.Reason> reasons, boolean overridden, String description, String requestType,
			String categoryCode, String districtCode, boolean vulnerable, String phoneIndex, Instant createdAt,
			Long masterId, Instant dispatchedAt, Instant acceptDueAt) {

		boolean isOpen() {
			return !"CLOSED".equals(this.status);
		}

		TriageInput input() {
			return new TriageInput(this.description, this.requestType, this.categoryCode, this.districtCode,
					this.vulnerable);
		}

		/**
		 * @return a grade at {@code level} that keeps this ticket's reasons and adds {@code reason}
		 */
		Grade raisedTo(TriageLevel level, Grade.Reason reason) {
			List<Grade.Reason> all = new ArrayList<>(this.reasons);
			all.add(reason);
			return new Grade(level, this.marks, this.score, all, null);
		}

	}

	/**
	 * The code clusters and repeat calls compare: a category's level-2 parent (事项), so that 信号灯故障 and 信号灯不亮
	 * reports of one junction meet; a level-1 code stays as it is.
	 */
	static String matterKey(String categoryCode) {
		if (categoryCode == null) {
			return null;
		}
		int first = categoryCode.indexOf('.');
		if (first < 0) {
			return categoryCode;
		}
		int second = categoryCode.indexOf('.', first + 1);
		return (second < 0) ? categoryCode : categoryCode.substring(0, second);
	}

}
