package org.hotline12345.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's view of the trail: newest first, filtered by actor or event type, paged by id so that deep pages stay
 * as fast as the first.
 */
@Controller
class AuditTrailController {

	record AuditRow(long id, Instant at, String actor, String sourceAddress, String eventType, String objectType,
			String objectId, String outcome, String detail) {
	}

	private static final int PAGE = 50;

	private final JdbcTemplate jdbc;

	AuditTrailController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/audit")
	String trail(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
			@RequestParam(required = false) Long before, Model model) {
		StringBuilder sql = new StringBuilder(
				"select id, at, actor, source_address, event_type, object_type, object_id, outcome, detail from audit_log where true");
		List<Object> args = new ArrayList<>();
		if (StringUtils.hasText(actor)) {
			sql.append(" and actor = ?");
			args.add(actor.strip());
		}
		if (StringUtils.hasText(type)) {
			sql.append(" and event_type = ?");
			args.add(type.strip());
		}
		if (before != null) {
			sql.append(" and id < ?");
			args.add(before);
		}
		sql.append(" order by id desc limit ").append(PAGE + 1);
		List<AuditRow> rows = this.jdbc.query(sql.toString(),
				(rs, i) -> new AuditRow(rs.getLong(1), rs.getObject(2, Timestamp.class).toInstant(), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
						rs.getString(9)),
				args.toArray());
		boolean more = rows.size() > PAGE;
		List<AuditRow> page = more ? rows.subList(0, PAGE) : rows;
		model.addAttribute("rows", page);
		model.addAttribute("actor", actor);
		model.addAttribute("type", type);
		model.addAttribute("next", more ? page.get(page.size() - 1).id() : null);
		return "audit/trail";
	}

}
