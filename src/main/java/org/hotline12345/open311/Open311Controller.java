package org.hotline12345.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline12345.shared.PhoneNumber;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GeoReport v2 endpoints, each as {@code .json} or {@code .xml} as the spec names them. Errors are the spec's list of
 * {@code {code, description}} with the matching HTTP status.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

	private final GeoReport report;

	private final Open311Keys keys;

	Open311Controller(GeoReport report, Open311Keys keys) {
		this.report = report;
		this.keys = keys;
	}

	@GetMapping("/services.{format}")
	ResponseEntity<?> services(@PathVariable String format) {
		return respond(format, HttpStatus.OK, "services", "service", this.report.services());
	}

	@GetMapping("/services/{code}.{format}")
	ResponseEntity<?> service(@PathVariable String code, @PathVariable String format) {
		if (this.report.serviceCategory(code).isEmpty()) {
			return error(format, HttpStatus.NOT_FOUND, "service_code " + code + " not found");
		}
		// metadata is false for every service: the definition has no attributes.
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("service_code", code);
		definition.put("attributes", List.of());
		if ("xml".equals(format)) {
			return xml(HttpStatus.OK, Xml.element("service_definition", definition));
		}
		return respond(format, HttpStatus.OK, null, null, definition);
	}

	@PostMapping(path = "/requests.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> create(@PathVariable String format, @RequestParam Map<String, String> form) {
		Optional<Long> key = this.keys.check(form.get("api_key"));
		if (key.isEmpty()) {
			return error(format, HttpStatus.FORBIDDEN, "api_key is missing or not valid");
		}
		String serviceCode = form.get("service_code");
		if (blank(serviceCode) || this.report.serviceCategory(serviceCode).isEmpty()) {
			return error(format, HttpStatus.BAD_REQUEST, "service_code is missing or not valid");
		}
		Double lat = number(form.get("lat"));
		Double lon = number(form.get("long"));
		boolean located = (lat != null && lon != null) || !blank(form.get("address_string"))
				|| !blank(form.get("address_id"));
		if (!located) {
			return error(format, HttpStatus.BAD_REQUEST, "a location is required: lat and long, address_string or address_id");
		}
		if (blank(form.get("description")) || form.get("description").length() > 4000) {
			return error(format, HttpStatus.BAD_REQUEST, "description is required (at most 4000 characters)");
		}
		if (blank(form.get("phone")) || !PhoneNumber.isValid(form.get("phone"))) {
			return error(format, HttpStatus.BAD_REQUEST, "phone is required in this jurisdiction and must be valid");
		}
		String address = !blank(form.get("address_string")) ? form.get("address_string") : form.get("address_id");
		String ticketNo;
		try {
			ticketNo = this.report.create(new GeoReport.NewRequest(serviceCode, lat, lon, address,
					form.get("description"), form.get("first_name"), form.get("last_name"), form.get("phone"),
					form.get("email"), form.get("media_url"), form.get("device_id")), key.get());
		}
		catch (IllegalArgumentException ex) {
			return error(format, HttpStatus.BAD_REQUEST, "the request could not be registered");
		}
		Map<String, Object> created = new LinkedHashMap<>();
		created.put("service_request_id", ticketNo);
		created.put("service_notice", "工单已受理，可凭工单编号查询进度。");
		created.put("account_id", null);
		return respond(format, HttpStatus.CREATED, "service_requests", "request", List.of(created));
	}

	@GetMapping("/requests.{format}")
	ResponseEntity<?> requests(@PathVariable String format,
			@RequestParam(name = "service_request_id", required = false) String ids,
			@RequestParam(name = "service_code", required = false) String serviceCode,
			@RequestParam(name = "start_date", required = false) String start,
			@RequestParam(name = "end_date", required = false) String end,
			@RequestParam(name = "status", required = false) String status) {
		Instant from;
		Instant to;
		try {
			from = instant(start);
			to = instant(end);
		}
		catch (DateTimeParseException ex) {
			return error(format, HttpStatus.BAD_REQUEST, "start_date and end_date are W3C date-times");
		}
		if (status != null && !status.isBlank() && !List.of("open", "closed").contains(status)) {
			return error(format, HttpStatus.BAD_REQUEST, "status is open or closed");
		}
		List<String> idList = blank(ids) ? null
				: Arrays.stream(ids.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).limit(1000).toList();
		List<Map<String, Object>> found = this.report
			.requests(new GeoReport.Query(idList, serviceCode, from, to, blank(status) ? null : status));
		return respond(format, HttpStatus.OK, "service_requests", "request", found);
	}

	@GetMapping("/requests/{id}.{format}")
	ResponseEntity<?> request(@PathVariable String id, @PathVariable String format) {
		List<Map<String, Object>> found = this.report.requests(new GeoReport.Query(List.of(id), null, null, null, null));
		if (found.isEmpty()) {
			return error(format, HttpStatus.NOT_FOUND, "service_request_id " + id + " not found");
		}
		return respond(format, HttpStatus.OK, "service_requests", "request", found);
	}

	private static ResponseEntity<?> respond(String format, HttpStatus status, String root, String element,
			Object body) {
		if ("json".equals(format)) {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
		}
		if ("xml".equals(format)) {
			return xml(status, Xml.list(root, element, (List<?>) body));
		}
		return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
	}

	private static ResponseEntity<?> error(String format, HttpStatus status, String description) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", status.value());
		error.put("description", description);
		if ("xml".equals(format)) {
			return xml(status, Xml.list("errors", "error", List.of(error)));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(List.of(error));
	}

	private static ResponseEntity<String> xml(HttpStatus status, String body) {
		return ResponseEntity.status(status)
			.contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
			.body("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + body);
	}

	private static Instant instant(String text) {
		return blank(text) ? null : OffsetDateTime.parse(text.strip()).toInstant();
	}

	private static Double number(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			double value = Double.parseDouble(text.strip());
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
