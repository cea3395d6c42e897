package org.hotline12345.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hotline12345.audit.AuditEvent.Outcome;
import org.hotline12345.shared.SpreadsheetSafe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's view of the trail: newest first, filtered by actor or event type, paged by id so that deep pages stay
 * as fast as the first; a CSV export of the same filter (itself audited, formula-safe) and the hash-chain check.
 */
@Controller
class AuditTrailController {

	record AuditRow(long id, Instant at, String actor, String sourceAddress, String eventType, String objectType,
			String objectId, String outcome, String detail) {
	}

	private static final int PAGE = 50;

	private static final int EXPORT_LIMIT = 200_000;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final AuditChainVerifier verifier;

	private final ZoneId zone;

	AuditTrailController(JdbcTemplate jdbc, AuditLog audit, AuditChainVerifier verifier,
			@Value("${hotline.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.verifier = verifier;
		this.zone = zone;
	}

	@GetMapping("/audit")
	String trail(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
			@RequestParam(required = false) Long before, Model model) {
		List<Object> args = new ArrayList<>();
		String where = where(actor, type, before, args);
		List<AuditRow> rows = this.jdbc.query(
				"select id, at, actor, source_address, event_type, object_type, object_id, outcome, detail from audit_log"
						+ where + " order by id desc limit " + (PAGE + 1),
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

	/**
	 * The filtered trail as CSV (UTF-8 with BOM so that Excel reads the Chinese), every cell defused against formula
	 * injection. The export itself is recorded first: if that fails, nothing is exported.
	 */
	@GetMapping("/audit/export.csv")
	void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
			Authentication authentication, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		this.audit.record(new AuditEvent("AUDIT_EXPORT", authentication.getName(), request.getRemoteAddr(),
				"AUDIT_LOG", null, Outcome.SUCCESS, "actor=" + trim(actor) + ",type=" + trim(type)));
		List<Object> args = new ArrayList<>();
		String where = where(actor, type, null, args);
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
		PrintWriter out = response.getWriter();
		out.write('\ufeff');
		out.write("id,at,actor,source_address,event_type,object_type,object_id,outcome,detail\r\n");
		DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(this.zone);
		this.jdbc.query(
				"select id, at, actor, source_address, event_type, object_type, object_id, outcome, detail from audit_log"
						+ where + " order by id desc limit " + EXPORT_LIMIT,
				(RowCallbackHandler) (rs) -> {
					out.write(rs.getLong(1) + "," + format.format(rs.getObject(2, Timestamp.class).toInstant()));
					for (int column = 3; column <= 9; column++) {
						out.write(',');
						out.write(SpreadsheetSafe.csv(rs.getString(column)));
					}
					out.write("\r\n");
				}, args.toArray());
		out.flush();
	}

	@GetMapping("/audit/verify")
	String verify(Authentication authentication, HttpServletRequest request, Model model) {
		AuditChainVerifier.Verification verification = this.verifier.verify();
		this.audit.recordSeparately(new AuditEvent("AUDIT_VERIFY", authentication.getName(), request.getRemoteAddr(),
				"AUDIT_LOG", null, verification.intact() ? Outcome.SUCCESS : Outcome.FAILURE,
				"checked=" + verification.checked() + ",broken=" + verification.broken().size()));
		model.addAttribute("verification", verification);
		return "audit/verify";
	}

	private static String where(String actor, String type, Long before, List<Object> args) {
		StringBuilder sql = new StringBuilder(" where true");
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
		return sql.toString();
	}

	private static String trim(String text) {
		if (text == null) {
			return "";
		}
		String clean = text.replace("\r", "\\r").replace("\n", "\\n");
		return (clean.length() > 40) ? clean.substring(0, 40) : clean;
	}

}
