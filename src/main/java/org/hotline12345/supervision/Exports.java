package org.hotline12345.supervision;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.user.HotlineUser;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sends a report as CSV or XLSX, recorded in the audit trail (type EXPORT) before a byte leaves. */
@Component
class Exports {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final AuditLog audit;

	Exports(AuditLog audit) {
		this.audit = audit;
	}

	@Transactional
	ResponseEntity<byte[]> send(Spreadsheet sheet, String format, String fileName, String objectType,
			String objectId, HotlineUser user, HttpServletRequest request) {
		boolean csv = "csv".equalsIgnoreCase(format);
		byte[] body = csv ? sheet.csv() : sheet.xlsx();
		this.audit.record(AuditEvent.success("EXPORT", user.getUsername(), request.getRemoteAddr(), objectType,
				objectId, csv ? "CSV" : "XLSX"));
		String name = fileName + (csv ? ".csv" : ".xlsx");
		return ResponseEntity.ok()
			.contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

}
