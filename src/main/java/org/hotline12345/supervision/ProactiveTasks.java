package org.hotline12345.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.department.UnitView;
import org.hotline12345.user.HotlineUser;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 未诉先办: tasks a supervisor opens for a unit from a hotspot. Kept here rather than as tickets: a ticket is a
 * citizen's matter registered by an operator and closed by calling the citizen back, and a proactive task has no
 * citizen; it is an assignment the centre follows up until the unit reports it done.
 */
@Service
@Transactional
class ProactiveTasks {

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ProactiveTasks(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	long open(String categoryCode, String districtCode, UnitView unit, String note, Instant dueAt,
			HotlineUser supervisor) {
		Long id = this.jdbc.queryForObject("""
				insert into proactive_task (category_code, district_code, unit_id, note, due_at, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, categoryCode, districtCode, unit.id(), note,
				Timestamp.from(dueAt), supervisor.getUsername(), Timestamp.from(this.clock.instant()));
		this.audit.record(AuditEvent.success("PROACTIVE_TASK", supervisor.getUsername(), null, "PROACTIVE_TASK",
				String.valueOf(id), categoryCode + "@" + unit.code()));
		return id;
	}

	/** Marks a task done; false when it was not open. */
	boolean complete(long id, HotlineUser supervisor) {
		int changed = this.jdbc.update("""
				update proactive_task set status = 'DONE', completed_at = ?, completed_by = ?
				where id = ? and status = 'OPEN'""", Timestamp.from(this.clock.instant()), supervisor.getUsername(), id);
		return changed == 1;
	}

	record Task(long id, String categoryCode, String category, String district, String unit, String note,
			Instant dueAt, String status, String createdBy, Instant createdAt, boolean overdue) {
	}

	@Transactional(readOnly = true)
	List<Task> list(Names names) {
		Instant now = this.clock.instant();
		return this.jdbc.query("""
				select id, category_code, district_code, unit_id, note, due_at, status, created_by, created_at
				from proactive_task order by (status = 'DONE'), due_at limit 200""", (rs, i) -> new Task(rs.getLong(1),
				rs.getString(2), names.categoryPath(rs.getString(2)), names.districtName(rs.getString(3)),
				names.unitName(rs.getLong(4)), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
				rs.getString(8), rs.getTimestamp(9).toInstant(),
				"OPEN".equals(rs.getString(7)) && rs.getTimestamp(6).toInstant().isBefore(now)));
	}

}
