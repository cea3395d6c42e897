package org.hotline12345.handling;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.WebClient;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A photo over the multipart limit, as a browser sends it to the real server: the container refuses it before any
 * controller runs; the unit gets a friendly answer, never a stack trace, and nothing is saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class UploadLimitWebTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:type=\"hidden\"\\s+)?value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPhotoOverTheLimitIsRefusedWithAFriendlyAnswer() throws Exception {
		Actor operator = new Actor("operator", Role.OPERATOR, null);
		NewTicket request = new NewTicket("赵先生", "13612345678", false, false, null, "chongchuan", null, "下水道堵塞",
				RequestType.HELP, null, Channel.PHONE, null, false, null);
		String no = this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE,
				null, operator).ticketNo();
		this.workflow.dispatch(no, "swjt", List.of(), null, null, operator);
		long unit = this.jdbc.queryForObject("select id from unit where code = 'swjt'", Long.class);
		this.workflow.accept(no, null, new Actor("swjt", Role.UNIT_STAFF, unit));

		WebClient browser = new WebClient(this.port);
		browser.login("swjt", "Demo@12345");
		HttpResponse<String> page = browser.get("/unit/tickets/" + no);
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).isTrue();

		String boundary = "----hotline" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		field(body, boundary, "_csrf", csrf.group(1));
		field(body, boundary, "version", "0");
		field(body, boundary, "note", "现场照片");
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"big.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		byte[] photo = new byte[11 * 1024 * 1024];
		photo[0] = (byte) 0xFF;
		photo[1] = (byte) 0xD8;
		photo[2] = (byte) 0xFF;
		body.write(photo);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> response = browser.send(HttpRequest
			.newBuilder(URI.create(browser.base() + "/unit/tickets/" + no + "/progress"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());

		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
		assertThat(this.jdbc.queryForObject("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id"
				+ " where t.ticket_no = ?", Integer.class, no)).isZero();
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/unit/tickets/" + no);
		HttpResponse<String> after = browser.get("/unit/tickets/" + no);
		assertThat(after.body()).contains("超过大小限制");
	}

	private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n").getBytes(StandardCharsets.UTF_8));
	}

}
