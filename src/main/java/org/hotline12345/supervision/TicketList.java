package org.hotline12345.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline12345.department.UnitView;
import org.hotline12345.shared.db.ReadFromReplica;
import org.hotline12345.ticket.DeadlineSettings;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TriageLevel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The tickets behind a number: every figure on the supervision screens links here with its filter. One page at a
 * time, newest first, masked (no caller data at all).
 */
@Service
@ReadFromReplica
class TicketList {

	static final int PAGE_SIZE = 50;

	private final JdbcTemplate jdbc;

	private final Names names;

	private final Clock clock;

	private final double warningShare;

	TicketList(JdbcTemplate jdbc, Names names, Clock clock, DeadlineSettings deadlines) {
		this.jdbc = jdbc;
		this.names = names;
		this.clock = clock;
		this.warningShare = deadlines.warningShare();
	}

	/**
	 * The filter of the list; null means any. {@code on} says which time {@code from}/{@code to} apply to:
	 * {@code created} (default) or {@code dispatched} (the assessment's basis).
	 */
	record Filter(LocalDate from, LocalDate to, String on, String channel, String line, String level, String status,
			Boolean open, String category, String district, String unit, String due, Boolean cluster,
			String closeReason, Boolean reached, Boolean solved, Boolean satisfied, Boolean onTime, Boolean reopened,
			Boolean urgent, Integer page) {

		int pageIndex() {
			return (this.page != null && this.page > 0) ? this.page : 0;
		}

	}

	record Row(String ticketNo, TriageLevel level, TicketStatus status, String marks, String category,
			String district, String unit, String excerpt, Instant createdAt, Instant due, boolean overdue) {
	}

	record Page(List<Row> rows, int index, boolean hasNext) {
	}

	Page find(Filter filter) {
		StringBuilder sql = new StringBuilder("""
				select ticket_no, level, status, marks, category_code, district_code, lead_unit_id, left(description, 80),
				  created_at, case when status = 'DISPATCHED' then accept_due_at when status = 'IN_PROGRESS' then reply_due_at
				    when status = 'CALLBACK_PENDING' then callback_due_at end as due
				from ticket t where true""");
		List<Object> args = new ArrayList<>();
		String time = "dispatched".equals(filter.on()) ? "dispatched_at" : "created_at";
		if (filter.from() != null) {
			sql.append(" and ").append(time).append(" >= ?");
			args.add(ts(filter.from().atStartOfDay(this.clock.getZone()).toInstant()));
		}
		if (filter.to() != null) {
			sql.append(" and ").append(time).append(" < ?");
			args.add(ts(filter.to().plusDays(1).atStartOfDay(this.clock.getZone()).toInstant()));
		}
		eq(sql, args, "channel", filter.channel());
		eq(sql, args, "service_line", filter.line());
		eq(sql, args, "level", filter.level());
		eq(sql, args, "status", filter.status());
		eq(sql, args, "close_reason", filter.closeReason());
		if (Boolean.TRUE.equals(filter.open())) {
			sql.append(" and status <> 'CLOSED'");
		}
		if (Boolean.TRUE.equals(filter.urgent())) {
			sql.append(" and level in ('CRITICAL', 'URGENT')");
		}
		if (filter.category() != null && !filter.category().isBlank()) {
			sql.append(" and (category_code = ? or category_code like ?)");
			args.add(filter.category());
			args.add(filter.category().replace("%", "").replace("_", "") + ".%");
		}
		if (filter.district() != null && !filter.district().isBlank()) {
			List<String> codes = this.names.districtAndBelow(filter.district());
			sql.append(" and district_code in (").append(String.join(",", codes.stream().map((c) -> "?").toList())).append(")");
			args.addAll(codes);
		}
		if (filter.unit() != null && !filter.unit().isBlank()) {
			Optional<UnitView> unit = this.names.unit(filter.unit());
			if (unit.isEmpty()) {
				return new Page(List.of(), 0, false);
			}
			sql.append(" and lead_unit_id = ?");
			args.add(unit.get().id());
		}
		Timestamp now = ts(this.clock.instant());
		if ("overdue".equals(filter.due())) {
			sql.append(" and status in ('DISPATCHED', 'IN_PROGRESS') and ").append(DashboardStatistics.OVERDUE);
			args.add(now);
			args.add(now);
		}
		else if ("warned".equals(filter.due())) {
			sql.append(" and status in ('DISPATCHED', 'IN_PROGRESS') and not ").append(DashboardStatistics.OVERDUE)
				.append(" and ").append(DashboardStatistics.WARNED);
			args.add(now);
			args.add(now);
			args.add(now);
			args.add(this.warningShare);
		}
		else if ("late".equals(filter.due())) {
			// The assessment's overdue count: replied late, or still unreplied past the deadline.
			sql.append(" and ((replied_at > reply_due_at) or (replied_at is null and reply_due_at < ?))");
			args.add(now);
		}
		if (Boolean.TRUE.equals(filter.cluster())) {
			sql.append(" and marks like '%CLUSTER%'");
		}
		if (filter.reached() != null) {
			sql.append(filter.reached() ? " and callback_reached" : " and callback_reached is false");
		}
		if (filter.solved() != null) {
			sql.append(filter.solved() ? " and callback_reached and callback_solved"
					: " and callback_reached and not coalesce(callback_solved, false)");
		}
		if (filter.satisfied() != null) {
			sql.append(filter.satisfied() ? " and callback_reached and satisfaction in " + DashboardStatistics.SATISFIED
					: " and callback_reached and satisfaction = 'DISSATISFIED'");
		}
		if (filter.onTime() != null) {
			sql.append(filter.onTime() ? " and dispatched_at is not null and replied_at <= reply_due_at"
					: " and dispatched_at is not null and ((replied_at > reply_due_at) or (replied_at is null and reply_due_at < ?))");
			if (!filter.onTime()) {
				args.add(now);
			}
		}
		if (Boolean.TRUE.equals(filter.reopened())) {
			sql.append(" and reopen_count > 0");
		}
		sql.append(" order by ").append(time).append(" desc nulls last, id desc offset ? limit ?");
		args.add(filter.pageIndex() * PAGE_SIZE);
		args.add(PAGE_SIZE + 1);
		Instant instant = this.clock.instant();
		List<Row> rows = this.jdbc.query(sql.toString(), (rs, i) -> {
			Timestamp due = rs.getTimestamp("due");
			Long unit = (Long) rs.getObject("lead_unit_id");
			return new Row(rs.getString(1), TriageLevel.valueOf(rs.getString(2)), TicketStatus.valueOf(rs.getString(3)),
					rs.getString(4), this.names.categoryPath(rs.getString(5)), this.names.districtName(rs.getString(6)),
					(unit != null) ? this.names.unitName(unit) : "—", rs.getString(8),
					rs.getTimestamp(9).toInstant(), (due != null) ? due.toInstant() : null,
					due != null && due.toInstant().isBefore(instant));
		}, args.toArray());
		boolean hasNext = rows.size() > PAGE_SIZE;
		return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, filter.pageIndex(), hasNext);
	}

	private static void eq(StringBuilder sql, List<Object> args, String column, String value) {
		if (value != null && !value.isBlank()) {
			sql.append(" and ").append(column).append(" = ?");
			args.add(value);
		}
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
