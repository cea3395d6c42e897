package org.hotline12345.ticket;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V130 on a database that already holds tickets: a new database on the test server is migrated to the version
 * before V130, filled over several months (and with a photo on a timeline entry), then migrated on. Every timeline row
 * comes through unchanged, in its month's partition, the ids carry on above the old ones, and the foreign key to the
 * ticket still holds. The same for V150, which partitions the ticket table itself (decision 0012).
 */
@HotlineIntegrationTest
class TimelinePartitionMigrationTests {

	static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

	static final String ROWS = """
			select id, ticket_id, at, actor, actor_unit_id, type, from_status, to_status, note
			from ticket_event order by id""";

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate testDatabase;

	String name;

	DriverManagerDataSource dataSource;

	JdbcTemplate jdbc;

	@BeforeEach
	void createDatabase() {
		this.name = "hotline_migration_" + UUID.randomUUID().toString().substring(0, 8);
		this.testDatabase.execute("create database " + this.name);
		String url = this.environment.getRequiredProperty("spring.datasource.url")
			.replaceFirst("/[^/?]+(\\?|$)", "/" + this.name + "$1");
		this.dataSource = new DriverManagerDataSource(url, this.environment.getProperty("spring.datasource.username"),
				this.environment.getProperty("spring.datasource.password"));
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void dropDatabase() {
		this.testDatabase.execute("drop database if exists " + this.name + " with (force)");
	}

	Flyway flyway(String target) {
		return Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration", "classpath:db/callback")
			.placeholders(Map.of("timezone", "Asia/Shanghai"))
			.target(target)
			.load();
	}

	/** The newest migration before V130, whichever other modules have added meanwhile. */
	static String versionBeforePartitioning() throws IOException {
		return versionBefore(130);
	}

	/** The newest migration before {@code version}. */
	static String versionBefore(int version) throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql");
		return String.valueOf(Arrays.stream(scripts)
			.map((script) -> VERSION.matcher(Objects.requireNonNull(script.getFilename())))
			.filter(Matcher::matches)
			.mapToInt((matcher) -> Integer.parseInt(matcher.group(1)))
			.filter((found) -> found < version)
			.max()
			.orElseThrow());
	}

	@Test
	void existingTimelineRowsMoveIntoTheirMonthsUnchanged() throws IOException {
		flyway(versionBeforePartitioning()).migrate();
		// 40 tickets from mid-October 2025 to January 2026, four timeline rows each, one of them on 1 December at
		// 00:30 in the city (still November in UTC).
		this.jdbc.update("""
				insert into ticket (id, ticket_no, status, level, description, request_type, channel, created_at,
				  created_by, updated_at)
				select nextval('ticket_id_seq'), 'NT' || lpad(g::text, 14, '0'), 'REGISTERED', 'ROUTINE', '测试诉求 ' || g,
				  'HELP', 'PHONE', timestamptz '2025-10-15 09:00+08' + g * interval '2 days 7 hours', 'operator', now()
				from generate_series(1, 40) g""");
		this.jdbc.update("""
				insert into ticket_event (ticket_id, at, actor, actor_unit_id, type, from_status, to_status, note)
				select t.id, t.created_at + s * interval '5 hours', 'operator', case when s = 2 then 7 end,
				  (array['REGISTERED', 'QUEUED', 'PROGRESS', 'REMINDER'])[s + 1], 'REGISTERED', 'PENDING_DISPATCH',
				  case when s > 1 then '第' || s || '条记录' end
				from ticket t, generate_series(0, 3) s""");
		this.jdbc.update("""
				insert into ticket_event (ticket_id, at, actor, type, note)
				select min(id), timestamptz '2025-12-01 00:30+08', 'operator', 'PROGRESS', '跨月边界' from ticket""");
		long photoEvent = this.jdbc.queryForObject("select max(id) from ticket_event where type = 'PROGRESS'", Long.class);
		this.jdbc.update("""
				insert into ticket_attachment (ticket_id, event_id, file_name, content_type, size_bytes, sha256, data,
				  uploaded_by, uploaded_at)
				select ticket_id, id, 'site.png', 'image/png', 4, repeat('a', 64), '\\x89504e47', 'swjt', at
				from ticket_event where id = ?""", photoEvent);
		List<Map<String, Object>> before = this.jdbc.queryForList(ROWS);
		long highest = this.jdbc.queryForObject("select max(id) from ticket_event", Long.class);
		assertThat(before).hasSize(161);

		flyway("latest").migrate();

		assertThat(this.jdbc.queryForList(ROWS)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select relkind::text from pg_class where relname = 'ticket_event'",
				String.class))
			.isEqualTo("p");
		assertThat(this.jdbc.queryForObject("""
				select count(*) from ticket_event
				where tableoid::regclass::text <> 'ticket_event_' || to_char(at at time zone 'Asia/Shanghai', 'YYYY_MM')""",
				Long.class))
			.as("rows outside the partition of their local month")
			.isZero();
		assertThat(this.jdbc.queryForList("""
				select distinct tableoid::regclass::text from ticket_event order by 1""", String.class))
			.containsExactly("ticket_event_2025_10", "ticket_event_2025_11", "ticket_event_2025_12",
					"ticket_event_2026_01");
		assertThat(this.jdbc.queryForObject("select tableoid::regclass::text from ticket_event where note = '跨月边界'",
				String.class))
			.isEqualTo("ticket_event_2025_12");
		assertThat(this.jdbc.queryForObject("""
				select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid
				where i.inhparent = 'ticket_event'::regclass
				  and c.relname = 'ticket_event_' || to_char(now() at time zone 'Asia/Shanghai', 'YYYY_MM')""",
				Long.class))
			.as("the current month exists from the start")
			.isOne();
		assertThat(this.jdbc.queryForObject("select event_id from ticket_attachment", Long.class)).isEqualTo(photoEvent);

		long next = this.jdbc.queryForObject("""
				insert into ticket_event (ticket_id, at, actor, type) select min(id), now(), 'operator', 'PROGRESS'
				from ticket returning id""", Long.class);
		assertThat(next).isGreaterThan(highest);
		assertThatThrownBy(() -> this.jdbc.update(
				"insert into ticket_event (ticket_id, at, actor, type) values (-1, now(), 'operator', 'PROGRESS')"))
			.hasMessageContaining("ticket_event_ticket_id_fkey");
	}

	@Test
	void existingTicketsKeepTheirIdsNumbersAndReferencesInTheLegacyPartition() throws IOException {
		flyway(versionBefore(150)).migrate();
		this.jdbc.update("""
				insert into ticket (id, ticket_no, status, level, description, request_type, channel, created_at,
				  created_by, updated_at, idempotency_key)
				select nextval('ticket_id_seq'), 'NT' || lpad(g::text, 14, '0'), 'REGISTERED', 'ROUTINE', '测试诉求 ' || g,
				  'HELP', 'PHONE', timestamptz '2025-10-15 09:00+08' + g * interval '2 days', 'operator', now(),
				  case when g % 2 = 0 then 'key-' || g end
				from generate_series(1, 30) g""");
		this.jdbc.update("update ticket set master_id = (select min(id) from ticket) where ticket_no like '%30'");
		this.jdbc.update("""
				insert into ticket_event (ticket_id, at, actor, type) select id, created_at, 'operator', 'REGISTERED'
				from ticket""");
		this.jdbc.update("""
				insert into open311_api_key (name, key_hash, created_at) values ('测试', repeat('b', 64), now())""");
		this.jdbc.update("""
				insert into open311_request (ticket_no, api_key_id, created_at)
				select ticket_no, (select id from open311_api_key), now() from ticket order by id limit 1""");
		String tickets = "select id, ticket_no, master_id, description, idempotency_key from ticket order by id";
		List<Map<String, Object>> before = this.jdbc.queryForList(tickets);
		String references = """
				select count(*) from pg_constraint
				where contype = 'f' and conparentid = 0 and confrelid = ?::regclass""";
		long before150 = this.jdbc.queryForObject(references, Long.class, "ticket");

		flyway("latest").migrate();

		assertThat(this.jdbc.queryForList(tickets)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select relkind::text from pg_class where relname = 'ticket'", String.class))
			.isEqualTo("p");
		assertThat(this.jdbc.queryForList("select distinct tableoid::regclass::text from ticket", String.class))
			.containsExactly("ticket_legacy");
		assertThat(this.jdbc.queryForObject("select count(*) from ticket_number n join ticket t on t.id = n.ticket_id"
				+ " and t.ticket_no = n.ticket_no", Long.class))
			.isEqualTo(30);
		assertThat(this.jdbc.queryForObject("select count(*) from ticket_idempotency", Long.class)).isEqualTo(15);
		assertThat(this.jdbc.queryForObject(references, Long.class, "ticket")
				+ this.jdbc.queryForObject(references, Long.class, "ticket_number"))
			.as("every foreign key to the ticket is back, by id or by number")
			.isEqualTo(before150)
			.isGreaterThanOrEqualTo(12);
		assertThat(this.jdbc.queryForObject("""
				select confrelid::regclass::text from pg_constraint
				where contype = 'f' and conrelid = 'open311_request'::regclass and conkey = array[1::smallint]""",
				String.class))
			.isEqualTo("ticket_number");
		assertThatThrownBy(() -> this.jdbc.update("update ticket set master_id = -5 where id = (select min(id) from ticket)"))
			.hasMessageContaining("ticket_master_id_fkey");
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into ticket (id, ticket_no, status, level, description, request_type, channel, created_at,
				  created_by, updated_at)
				values (nextval('ticket_id_seq'), 'NT00000000000001', 'REGISTERED', 'ROUTINE', '重号', 'HELP', 'PHONE',
				  now(), 'operator', now())"""))
			.hasMessageContaining("ticket_number_pkey");
	}

	@Test
	void aFreshDatabaseStartsWithTheComingMonthsAndTheDefaultPartition() {
		flyway("latest").migrate();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid
				where i.inhparent = 'ticket_event'::regclass and c.relname ~ '^ticket_event_\\d{4}_\\d{2}$'""",
				Long.class))
			.isEqualTo(4);
		assertThat(this.jdbc.queryForObject("select count(*) from ticket_event_default", Long.class)).isZero();
	}

}
