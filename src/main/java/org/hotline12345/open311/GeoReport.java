package org.hotline12345.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.portal.PublicIntake;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.ServiceLine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GeoReport v2 over our model. Services are our categories below the top level (事项 and 细项), grouped by their 领域.
 * A service request is a ticket created through this API; its {@code service_request_id} is the ticket number.
 * Status: every state but CLOSED is {@code open} (see docs/open311.md for the table).
 */
@Service
class GeoReport {

	static final Actor OPEN311 = new Actor("open311", null, null);

	private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final DepartmentDirectory directory;

	private final PublicIntake intake;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	GeoReport(DepartmentDirectory directory, PublicIntake intake, JdbcTemplate jdbc, Clock clock) {
		this.directory = directory;
		this.intake = intake;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<Map<String, Object>> services() {
		return this.directory.categories()
			.stream()
			.filter((c) -> c.level() > 1)
			.sorted(Comparator.comparing(CategoryView::code))
			.map(this::service)
			.toList();
	}

	Optional<CategoryView> serviceCategory(String code) {
		return this.directory.category(code).filter((c) -> c.level() > 1);
	}

	private Map<String, Object> service(CategoryView category) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("service_code", category.code());
		service.put("service_name", category.name());
		service.put("description", category.path());
		service.put("metadata", false);
		service.put("type", "realtime");
		service.put("keywords", Arrays.stream(category.path().split(CategoryView.PATH_SEPARATOR))
			.collect(Collectors.joining(",")));
		service.put("group", this.directory.category(category.topLevelCode()).map(CategoryView::name).orElse(""));
		return service;
	}

	/** What a client posted, already checked for presence. */
	record NewRequest(String serviceCode, Double lat, Double lon, String address, String description, String firstName,
			String lastName, String phone, String email, String mediaUrl, String deviceId) {
	}

	@Transactional
	String create(NewRequest request, long apiKeyId) {
		String name = join(request.lastName(), request.firstName());
		StringBuilder description = new StringBuilder(request.description().strip());
		if (request.email() != null && !request.email().isBlank()) {
			description.append("\n（Open311 来源，邮箱：").append(request.email().strip()).append("）");
		}
		String address = (request.address() != null && !request.address().isBlank()) ? request.address().strip()
				: String.format("坐标 %.6f, %.6f", request.lat(), request.lon());
		NewTicket ticket = new NewTicket(name, request.phone(), name == null, false, address, null, null,
				description.toString(), RequestType.HELP, request.serviceCode(), Channel.APP, ServiceLine.MAIN, false,
				null);
		String ticketNo = this.intake.register(ticket, OPEN311).ticketNo();
		this.jdbc.update("insert into open311_request (ticket_no, api_key_id, lat, lon, media_url, created_at)"
				+ " values (?, ?, ?, ?, ?, ?)", ticketNo, apiKeyId, request.lat(), request.lon(), request.mediaUrl(),
				Timestamp.from(this.clock.instant()));
		return ticketNo;
	}

	/** The filters of GET requests; nulls mean "any". */
	record Query(List<String> ids, String serviceCode, Instant start, Instant end, String status) {
	}

	@Transactional(readOnly = true)
	List<Map<String, Object>> requests(Query query) {
		StringBuilder sql = new StringBuilder("""
				select t.ticket_no, t.status, t.category_code, t.description, t.confidential, t.address, t.lead_unit_id,
				  t.created_at, t.updated_at, t.reply_due_at, t.reply_answer, t.direct_answer, o.lat, o.lon, o.media_url
				from open311_request o join ticket t on t.ticket_no = o.ticket_no where true""");
		List<Object> args = new ArrayList<>();
		if (query.ids() != null && !query.ids().isEmpty()) {
			sql.append(" and t.ticket_no in (")
				.append(query.ids().stream().map((id) -> "?").collect(Collectors.joining(",")))
				.append(")");
			args.addAll(query.ids());
		}
		else {
			// The spec's default window: the last 90 days, at most 1000.
			Instant end = (query.end() != null) ? query.end() : this.clock.instant();
			Instant start = (query.start() != null) ? query.start() : end.minusSeconds(90L * 24 * 3600);
			sql.append(" and t.created_at >= ? and t.created_at <= ?");
			args.add(Timestamp.from(start));
			args.add(Timestamp.from(end));
		}
		if (query.serviceCode() != null && !query.serviceCode().isBlank()) {
			List<String> codes = Arrays.stream(query.serviceCode().split(",")).map(String::strip).toList();
			sql.append(" and t.category_code in (")
				.append(codes.stream().map((code) -> "?").collect(Collectors.joining(",")))
				.append(")");
			args.addAll(codes);
		}
		if ("open".equals(query.status())) {
			sql.append(" and t.status <> 'CLOSED'");
		}
		else if ("closed".equals(query.status())) {
			sql.append(" and t.status = 'CLOSED'");
		}
		sql.append(" order by t.created_at desc limit 1000");
		return this.jdbc.query(sql.toString(), this::request, args.toArray());
	}

	private Map<String, Object> request(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status");
		boolean closed = "CLOSED".equals(status);
		long leadUnitId = rs.getLong("lead_unit_id");
		boolean withUnit = !rs.wasNull();
		String agency = withUnit ? unitName(leadUnitId) : "12345政务服务便民热线";
		String categoryCode = rs.getString("category_code");
		Optional<CategoryView> category = (categoryCode != null) ? this.directory.category(categoryCode)
				: Optional.empty();
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", rs.getString("ticket_no"));
		request.put("status", closed ? "closed" : "open");
		request.put("status_notes", statusNotes(status, rs.getString("reply_answer"), rs.getString("direct_answer"),
				agency));
		request.put("service_name", category.map(CategoryView::name).orElse(null));
		request.put("service_code", categoryCode);
		request.put("description", rs.getBoolean("confidential") ? null : rs.getString("description"));
		request.put("agency_responsible", agency);
		request.put("service_notice", null);
		request.put("requested_datetime", w3c(rs.getTimestamp("created_at")));
		request.put("updated_datetime", w3c(rs.getTimestamp("updated_at")));
		request.put("expected_datetime", w3c(rs.getTimestamp("reply_due_at")));
		request.put("address", rs.getBoolean("confidential") ? null : rs.getString("address"));
		request.put("address_id", null);
		request.put("zipcode", null);
		double lat = rs.getDouble("lat");
		request.put("lat", rs.wasNull() ? null : lat);
		double lon = rs.getDouble("lon");
		request.put("long", rs.wasNull() ? null : lon);
		request.put("media_url", rs.getString("media_url"));
		return request;
	}

	/** Our status in a sentence for the citizen; on a closed request, the public answer. */
	static String statusNotes(String status, String replyAnswer, String directAnswer, String agency) {
		return switch (status) {
			case "REGISTERED", "PENDING_DISPATCH" -> "已受理，等待派单";
			case "DISPATCHED" -> "已派至" + agency + "，等待签收";
			case "IN_PROGRESS" -> agency + "办理中";
			case "REPLIED" -> agency + "已答复，中心审核中";
			case "CALLBACK_PENDING" -> agency + "已答复，等待回访";
			case "MERGED" -> "已与同类诉求合并办理";
			case "CLOSED" -> (replyAnswer != null) ? replyAnswer : (directAnswer != null) ? directAnswer : "已办结";
			default -> status;
		};
	}

	private String unitName(long id) {
		try {
			return this.directory.unit(id).name();
		}
		catch (RuntimeException ex) {
			return String.valueOf(id);
		}
	}

	private String w3c(Timestamp timestamp) {
		return (timestamp != null)
				? OffsetDateTime.ofInstant(timestamp.toInstant(), this.clock.getZone()).format(W3C) : null;
	}

	private static String join(String last, String first) {
		String name = ((last != null) ? last.strip() : "") + ((first != null) ? first.strip() : "");
		return name.isBlank() ? null : name;
	}

}
