package org.hotline12345.interop;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline12345.HotlineApplication;
import org.hotline12345.TestDatabaseEnvironmentPostProcessor;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two cities, two instances of the platform on loopback, each with its own database: 盐城 hands a snake-bite victim's
 * request to 南通 (which holds the antivenom) while 南通 is down; the hand-over waits in the publication registry, is
 * resent when 南通 is up, arrives exactly once as a linked, triaged ticket, and 南通's progress comes back to 盐城's
 * timeline.
 */
class CrossCityLinkageTests {

	static final String SECRET = "a-shared-secret-for-the-two-cities";

	static ConfigurableApplicationContext yancheng;

	static ConfigurableApplicationContext nantong;

	static final List<Runnable> dropDatabases = new java.util.ArrayList<>();

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	@AfterAll
	static void stop() {
		if (nantong != null) {
			nantong.close();
		}
		if (yancheng != null) {
			yancheng.close();
		}
		dropDatabases.forEach(Runnable::run);
	}

	@Test
	void aTransferSurvivesThePeerBeingDownArrivesOnceAndTheStatusComesBack() throws Exception {
		int nantongPort = freePort();
		yancheng = startYancheng();
		long toNantong = yancheng.getBean(Peers.class)
			.save("nantong", "南通12345", "http://127.0.0.1:" + nantongPort, SECRET, "sysadmin");

		String origin = yancheng.getBean(TicketWorkflow.class)
			.register(new NewTicket("陈先生", "13955556666", false, false, "盐城市亭湖区", null, null,
					"家人刚刚被毒蛇咬伤，本地医院没有抗蛇毒血清，听说南通有", RequestType.HELP, null, Channel.PHONE, null, true,
					null), Grade.manual(TriageLevel.CRITICAL), TicketWorkflow.Outcome.QUEUE, null, this.operator)
			.ticketNo();
		long transferId = yancheng.getBean(Transfers.class).request(origin, toNantong, "请协调抗蛇毒血清", "operator");

		// 南通 is down: the attempt fails, is recorded, and the publication stays incomplete.
		await().atMost(Duration.ofSeconds(30)).until(() -> transfer(yancheng, transferId).attempts() >= 1);
		assertThat(transfer(yancheng, transferId).status()).isEqualTo("PENDING");
		assertThat(transfer(yancheng, transferId).lastError()).contains("unreachable");
		assertThat(incomplete(yancheng, origin)).isEqualTo(1);

		// 南通 comes up on the address 盐城 knows, with its own database on the same server.
		Map<String, Object> nantongProperties = freshDatabase();
		nantongProperties.put("server.port", String.valueOf(nantongPort));
		nantongProperties.put("hotline.interop.self-code", "nantong");
		nantongProperties.put("hotline.interop.self-name", "南通12345");
		nantongProperties.put("hotline.ticket.number-prefix", "NT");
		nantong = start(nantongProperties);
		nantong.getBean(Peers.class)
			.save("yancheng", "盐城12345",
					"http://127.0.0.1:" + yancheng.getEnvironment().getProperty("local.server.port"), SECRET,
					"sysadmin");

		yancheng.getBean(Resubmission.class).resubmitAll();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "DELIVERED".equals(transfer(yancheng, transferId).status()));
		String linked = transfer(yancheng, transferId).remoteTicketNo();
		assertThat(linked).startsWith("NT");
		assertThat(incomplete(yancheng, origin)).isZero();

		// Sent again (a lost answer, a second resubmission): still one ticket in 南通.
		assertThat(yancheng.getBean(PeerSender.class).deliver(transferId)).isEqualTo(linked);
		yancheng.getBean(Resubmission.class).resubmitAll();
		assertThat(nantong.getBean(JdbcTemplate.class)
			.queryForObject("select count(*) from ticket where idempotency_key = ?", Integer.class,
					"interop:yancheng:" + origin))
			.isEqualTo(1);

		TicketDetails received = nantong.getBean(TicketQueries.class).findForOversight(linked).orElseThrow();
		assertThat(received.channel()).isEqualTo(Channel.OTHER_CITY);
		assertThat(received.level()).isEqualTo(TriageLevel.CRITICAL);
		assertThat(received.description()).contains("毒蛇咬伤", "请协调抗蛇毒血清");
		assertThat(received.timeline()).anySatisfy((entry) -> {
			assertThat(entry.type()).isEqualTo("TRANSFERRED");
			assertThat(entry.note()).contains("盐城12345", origin);
		});

		// 南通 handles it; every step goes back to 盐城's timeline.
		TicketWorkflow nantongWorkflow = nantong.getBean(TicketWorkflow.class);
		nantongWorkflow.dispatch(linked, "wjw", List.of(), "特急：协调血清", null, this.operator);
		Actor wjw = new Actor("wjw", Role.UNIT_STAFF,
				nantong.getBean(DepartmentDirectory.class).unit("wjw").orElseThrow().id());
		nantongWorkflow.accept(linked, null, wjw);
		nantongWorkflow.reply(linked, ReplyOutcome.SOLVED, "血清已由南通市第一人民医院专人送往盐城", null, wjw);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<String> notes = yancheng.getBean(TicketQueries.class)
				.findForOversight(origin)
				.orElseThrow()
				.timeline()
				.stream()
				.filter((entry) -> entry.type().equals("TRANSFERRED"))
				.map(TicketDetails.TimelineEntry::note)
				.toList();
			assertThat(notes).anyMatch((note) -> note.contains("已接收") && note.contains(linked));
			assertThat(notes).anyMatch((note) -> note.contains("已派至卫健委"));
			assertThat(notes).anyMatch((note) -> note.contains("卫健委已签收"));
			assertThat(notes).anyMatch((note) -> note.contains("血清已由南通市第一人民医院专人送往盐城"));
		});
		assertThat(transfer(yancheng, transferId).lastRemoteStatus()).contains("已答复");
	}

	@Test
	void unsignedStaleOrTamperedRequestsAreRefused() throws Exception {
		if (yancheng == null) {
			yancheng = startYancheng();
		}
		yancheng.getBean(Peers.class).save("suzhou", "苏州12345", "http://127.0.0.1:9", SECRET, "sysadmin");
		String url = "http://127.0.0.1:" + yancheng.getEnvironment().getProperty("local.server.port")
				+ "/interop/v1/transfers";
		String body = "{\"originTicketNo\":\"SZ1\",\"description\":\"测试\",\"callerPhone\":\"13900001111\"}";
		long now = Instant.now().getEpochSecond();
		assertThat(post(url, body, "suzhou", now, "0".repeat(64))).isEqualTo(401);
		assertThat(post(url, body, "suzhou", now - 600, Signature.sign(SECRET, now - 600, body))).isEqualTo(401);
		assertThat(post(url, body.replace("测试", "篡改"), "suzhou", now, Signature.sign(SECRET, now, body)))
			.isEqualTo(401);
		assertThat(post(url, body, "unknown", now, Signature.sign(SECRET, now, body))).isEqualTo(401);
		assertThat(post(url, body, "suzhou", now, Signature.sign(SECRET, now, body))).isEqualTo(200);
		String noPhone = "{\"originTicketNo\":\"SZ2\",\"description\":\"测试\"}";
		assertThat(post(url, noPhone, "suzhou", now, Signature.sign(SECRET, now, noPhone))).isEqualTo(400);
	}

	static ConfigurableApplicationContext start(Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(properties);
		all.putIfAbsent("server.port", "0");
		// Resubmission is driven by the test, not the schedule.
		all.put("hotline.interop.resubmit-interval", "PT1H");
		all.put("spring.main.banner-mode", "off");
		return new SpringApplicationBuilder(HotlineApplication.class).profiles("demo").properties(all).run();
	}

	static ConfigurableApplicationContext startYancheng() throws SQLException {
		Map<String, Object> properties = freshDatabase();
		properties.put("hotline.interop.self-code", "yancheng");
		properties.put("hotline.interop.self-name", "盐城12345");
		properties.put("hotline.ticket.number-prefix", "YC");
		return start(properties);
	}

	/**
	 * Each city gets a database of its own, created on the server the test infrastructure gives this JVM (so that the
	 * other test classes' background work never sees these cities' tickets and publications).
	 */
	static Map<String, Object> freshDatabase() throws SQLException {
		StandardEnvironment environment = new StandardEnvironment();
		new TestDatabaseEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		String url = environment.getRequiredProperty("spring.datasource.url");
		String user = environment.getProperty("spring.datasource.username");
		String password = environment.getProperty("spring.datasource.password");
		String name = "hotline_city_" + UUID.randomUUID().toString().substring(0, 8);
		execute(url, user, password, "CREATE DATABASE " + name);
		dropDatabases.add(() -> {
			try {
				execute(url, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
		if (user != null) {
			properties.put("spring.datasource.username", user);
			properties.put("spring.datasource.password", (password != null) ? password : "");
		}
		return properties;
	}

	static void execute(String url, String user, String password, String sql) throws SQLException {
		try (Connection connection = (user != null) ? DriverManager.getConnection(url, user, password)
				: DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	static Transfer transfer(ConfigurableApplicationContext context, long id) {
		return context.getBean(Transfers.class).find(id).orElseThrow();
	}

	/** Undelivered hand-overs of {@code ticketNo} in the event publication registry. */
	static int incomplete(ConfigurableApplicationContext context, String ticketNo) {
		return context.getBean(JdbcTemplate.class)
			.queryForObject("select count(*) from event_publication where completion_date is null"
					+ " and event_type like ? and serialized_event like ?", Integer.class, "%TicketTransferRequested",
					"%" + ticketNo + "%");
	}

	static int post(String url, String body, String peer, long timestamp, String signature) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header(Signature.PEER, peer)
			.header(Signature.TIMESTAMP, String.valueOf(timestamp))
			.header(Signature.SIGNATURE, signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
