package org.hotline12345.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.department.UnitView;
import org.hotline12345.shared.db.ReadFromReplica;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 考核: per unit, over the tickets dispatched to it in a period. The definitions (also on the page and in
 * docs/assessment.md):
 * <ul>
 * <li>received: tickets whose last dispatch fell in the period and that the unit leads now (a ticket it returned
 * counts for the unit it went to next; a street's 下派 ticket counts for the street);</li>
 * <li>accepted on time: signed for by the accept deadline, over those signed for or whose accept deadline passed;</li>
 * <li>replied on time: replied by the reply deadline (an approved extension moves it), over those replied or whose
 * reply deadline passed;</li>
 * <li>solved: the citizen said solved at callback, over those reached at callback;</li>
 * <li>satisfied: 满意 + 基本满意 over those reached at callback;</li>
 * <li>return rate: returns the unit made in the period (退单, from the timeline), over received + returns;</li>
 * <li>reopen rate: received tickets reopened (重办) at least once, over received;</li>
 * <li>extensions: extension requests the unit made in the period;</li>
 * <li>overdue: received tickets replied late, or unreplied past the reply deadline;</li>
 * <li>orders / reminders: 督办 and 催办 issued to the unit in the period;</li>
 * <li>score: the mean of the four on-time, solved and satisfied rates that have a denominator; ranks units with
 * tickets, best first.</li>
 * </ul>
 */
@Service
@ReadFromReplica
class Assessment {

	private final JdbcTemplate jdbc;

	private final Names names;

	private final Clock clock;

	Assessment(JdbcTemplate jdbc, Names names, Clock clock) {
		this.jdbc = jdbc;
		this.names = names;
		this.clock = clock;
	}

	/** The raw counts of one unit (or of a parent with everything below it); rates derive from them. */
	record Row(String unitCode, String unitName, int depth, long received, long acceptedOnTime, long acceptDue,
			long repliedOnTime, long replyDue, long solved, long satisfied, long reached, long returns,
			long reopened, long extensions, long overdue, long orders, long reminders) {

		public String acceptRate() {
			return Shares.percent(this.acceptedOnTime, this.acceptDue);
		}

		public String replyRate() {
			return Shares.percent(this.repliedOnTime, this.replyDue);
		}

		public String solvedRate() {
			return Shares.percent(this.solved, this.reached);
		}

		public String satisfiedRate() {
			return Shares.percent(this.satisfied, this.reached);
		}

		public String returnRate() {
			return Shares.percent(this.returns, this.received + this.returns);
		}

		public String reopenRate() {
			return Shares.percent(this.reopened, this.received);
		}

		/** The mean of the rates that have a denominator, two decimals; null when none has. */
		public BigDecimal score() {
			List<BigDecimal> rates = new ArrayList<>();
			for (BigDecimal rate : new BigDecimal[] { Shares.value(this.acceptedOnTime, this.acceptDue),
					Shares.value(this.repliedOnTime, this.replyDue), Shares.value(this.solved, this.reached),
					Shares.value(this.satisfied, this.reached) }) {
				if (rate != null) {
					rates.add(rate);
				}
			}
			if (rates.isEmpty()) {
				return null;
			}
			return rates.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
				.divide(BigDecimal.valueOf(rates.size()), 2, RoundingMode.HALF_UP);
		}

		public String scoreText() {
			BigDecimal score = score();
			return (score != null) ? Shares.plain(score) : Shares.NONE;
		}

		Row plus(Row other, String code, String name) {
			return new Row(code, name, 0, this.received + other.received, this.acceptedOnTime + other.acceptedOnTime,
					this.acceptDue + other.acceptDue, this.repliedOnTime + other.repliedOnTime,
					this.replyDue + other.replyDue, this.solved + other.solved, this.satisfied + other.satisfied,
					this.reached + other.reached, this.returns + other.returns, this.reopened + other.reopened,
					this.extensions + other.extensions, this.overdue + other.overdue, this.orders + other.orders,
					this.reminders + other.reminders);
		}

		boolean isEmpty() {
			return this.received == 0 && this.returns == 0 && this.extensions == 0 && this.orders == 0
					&& this.reminders == 0;
		}

		static Row empty(String code, String name, int depth) {
			return new Row(code, name, depth, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		}

	}

	/** The report: each unit with activity in hierarchy order, the roll-up by top unit, and the ranking. */
	record Report(Period period, List<Row> units, List<Row> rollup, List<Row> ranking) {
	}

	Report report(Period period) {
		Timestamp start = Timestamp.from(period.start());
		Timestamp end = Timestamp.from(period.end());
		Timestamp now = Timestamp.from(this.clock.instant());
		Map<Long, long[]> counts = new HashMap<>();
		this.jdbc.query("""
				select lead_unit_id, count(*),
				  count(*) filter (where accepted_at <= accept_due_at),
				  count(*) filter (where accepted_at is not null or accept_due_at < ?),
				  count(*) filter (where replied_at <= reply_due_at),
				  count(*) filter (where replied_at is not null or reply_due_at < ?),
				  count(*) filter (where callback_reached and callback_solved),
				  count(*) filter (where callback_reached and satisfaction in %s),
				  count(*) filter (where callback_reached),
				  count(*) filter (where reopen_count > 0),
				  count(*) filter (where replied_at > reply_due_at or (replied_at is null and reply_due_at < ?))
				from ticket where dispatched_at >= ? and dispatched_at < ? and lead_unit_id is not null
				group by lead_unit_id""".formatted(DashboardStatistics.SATISFIED), (rs) -> {
			long[] row = counts.computeIfAbsent(rs.getLong(1), (id) -> new long[14]);
			for (int i = 0; i < 10; i++) {
				row[i] = rs.getLong(i + 2);
			}
		}, now, now, now, start, end);
		this.jdbc.query("""
				select actor_unit_id, type, count(*) from ticket_event
				where type in ('RETURNED', 'EXTENSION_REQUESTED') and at >= ? and at < ? and actor_unit_id is not null
				group by 1, 2""", (rs) -> {
			long[] row = counts.computeIfAbsent(rs.getLong(1), (id) -> new long[14]);
			row["RETURNED".equals(rs.getString(2)) ? 10 : 11] = rs.getLong(3);
		}, start, end);
		this.jdbc.query("""
				select unit_id, kind, count(*) from supervision_order
				where issued_at >= ? and issued_at < ? and unit_id is not null group by 1, 2""", (rs) -> {
			long[] row = counts.computeIfAbsent(rs.getLong(1), (id) -> new long[14]);
			row["ORDER".equals(rs.getString(2)) ? 12 : 13] = rs.getLong(3);
		}, start, end);

		List<Row> units = new ArrayList<>();
		Map<String, Row> byCode = new LinkedHashMap<>();
		for (UnitView unit : this.names.units()) {
			long[] c = counts.getOrDefault(unit.id(), new long[14]);
			Row row = new Row(unit.code(), unit.name(), depth(unit), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
					c[10], c[8], c[11], c[9], c[12], c[13]);
			byCode.put(unit.code(), row);
			if (!row.isEmpty()) {
				units.add(row);
			}
		}
		List<Row> rollup = new ArrayList<>();
		for (UnitView unit : this.names.units()) {
			if (unit.parentCode() != null) {
				continue;
			}
			Row total = Row.empty(unit.code(), unit.name(), 0);
			for (UnitView other : this.names.units()) {
				if (isWithin(other, unit.code())) {
					total = total.plus(byCode.get(other.code()), unit.code(), unit.name());
				}
			}
			if (!total.isEmpty()) {
				rollup.add(total);
			}
		}
		List<Row> ranking = units.stream()
			.filter((row) -> row.received() > 0 && row.score() != null)
			.sorted(Comparator.comparing(Row::score).reversed().thenComparing(Comparator.comparingLong(Row::received).reversed()))
			.toList();
		return new Report(period, units, rollup, ranking);
	}

	private boolean isWithin(UnitView unit, String ancestorCode) {
		UnitView current = unit;
		for (int guard = 0; current != null && guard < 10; guard++) {
			if (current.code().equals(ancestorCode)) {
				return true;
			}
			current = (current.parentCode() != null) ? this.names.unit(current.parentCode()).orElse(null) : null;
		}
		return false;
	}

	private int depth(UnitView unit) {
		int depth = 0;
		UnitView current = unit;
		while (current.parentCode() != null && depth < 10) {
			current = this.names.unit(current.parentCode()).orElseThrow();
			depth++;
		}
		return depth;
	}

}
