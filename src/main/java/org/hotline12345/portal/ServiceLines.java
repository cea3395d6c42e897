package org.hotline12345.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.ServiceLine;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TriageLevel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service lines (专线) as first-class lines: their open tickets and their figures. 网上/直接答复率 (online answer rate)
 * is the share of a line's requests answered directly, without dispatch to a unit.
 */
@Service
@Transactional(readOnly = true)
class ServiceLines {

	private final JdbcTemplate jdbc;

	private final DepartmentDirectory directory;

	ServiceLines(JdbcTemplate jdbc, DepartmentDirectory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	/** A line's figures over a period. */
	record Figures(ServiceLine line, int registered, int answeredDirectly, int closed, int rated, int satisfied) {

		/** 直接答复率, in percent with one decimal, or null without requests. */
		public Double answerRate() {
			return (this.registered == 0) ? null : Math.round(1000.0 * this.answeredDirectly / this.registered) / 10.0;
		}

		/** 满意率 over the citizens reached (满意 + 基本满意). */
		public Double satisfactionRate() {
			return (this.rated == 0) ? null : Math.round(1000.0 * this.satisfied / this.rated) / 10.0;
		}

	}

	/** An open ticket of a line, as its row in the list. */
	record Row(String ticketNo, TicketStatus status, TriageLevel level, String categoryName, String excerpt,
			String leadUnitName, Instant createdAt) {
	}

	List<Figures> figures(Instant from, Instant to) {
		return java.util.Arrays.stream(ServiceLine.values()).map((line) -> this.jdbc.queryForObject("""
				select count(*) registered,
				  count(*) filter (where close_reason = 'DIRECT_ANSWER') direct,
				  count(*) filter (where status = 'CLOSED') closed,
				  count(*) filter (where satisfaction is not null) rated,
				  count(*) filter (where satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')) satisfied
				from ticket where service_line = ? and created_at >= ? and created_at < ? and status <> 'MERGED'""",
				(rs, i) -> new Figures(line, rs.getInt("registered"), rs.getInt("direct"), rs.getInt("closed"),
						rs.getInt("rated"), rs.getInt("satisfied")),
				line.name(), Timestamp.from(from), Timestamp.from(to))).toList();
	}

	List<Row> open(ServiceLine line, int limit) {
		return this.jdbc.query("""
				select ticket_no, status, level, category_code, description, lead_unit_id, created_at from ticket
				where service_line = ? and status <> 'CLOSED'
				order by case level when 'CRITICAL' then 0 when 'URGENT' then 1 else 2 end, created_at limit ?""",
				(rs, i) -> {
					long unit = rs.getLong("lead_unit_id");
					String unitName = rs.wasNull() ? null : this.directory.unit(unit).name();
					String code = rs.getString("category_code");
					String description = rs.getString("description");
					return new Row(rs.getString("ticket_no"), TicketStatus.valueOf(rs.getString("status")),
							TriageLevel.valueOf(rs.getString("level")),
							(code != null) ? this.directory.category(code).map(CategoryView::name).orElse(code) : null,
							(description.length() > 60) ? description.substring(0, 60) + "…" : description, unitName,
							rs.getTimestamp("created_at").toInstant());
				}, line.name(), limit);
	}

}
