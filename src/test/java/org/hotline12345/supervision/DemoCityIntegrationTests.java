package org.hotline12345.supervision;

import java.util.List;
import java.util.Map;

import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city on a small scale: the histories it writes are ones the workflow could have produced. The runner
 * itself stays off in tests (it needs the demo profile and hotline.demo.tickets=true).
 */
@HotlineIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCityIntegrationTests {

	@Autowired
	DemoCity city;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	DemoCity.Result result;

	long firstId;

	@BeforeAll
	void generate() {
		this.firstId = this.jdbc.queryForObject("select nextval('ticket_id_seq')", Long.class);
		this.result = this.city.generate(2, 6000, 7L);
	}

	String mine() {
		// Ids are the sequence's value within the block of the ticket's month (TicketIds).
		return " from ticket where id % 100000000 > " + this.firstId + " ";
	}

	@Test
	void theRunnerIsOffUnlessAskedFor() {
		assertThat(this.context.getBeanNamesForType(DemoCityRunner.class)).isEmpty();
	}

	@Test
	void itWritesAboutTheAskedVolumeWithATimeline() {
		assertThat(this.result.tickets()).isBetween(9000, 13000);
		assertThat(this.jdbc.queryForObject("select count(*)" + mine(), Integer.class)).isEqualTo(this.result.tickets());
		assertThat(this.jdbc.queryForObject("select count(*) from ticket_event where ticket_id % 100000000 > " + this.firstId,
				Integer.class)).isEqualTo(this.result.events());
		assertThat(this.jdbc.queryForObject("select count(*)" + mine()
				+ "and not exists (select 1 from ticket_event e where e.ticket_id = ticket.id and e.type = 'REGISTERED')",
				Integer.class)).isZero();
	}

	@Test
	void ticketNumbersFollowTheWorkflowsFormat() {
		assertThat(this.jdbc.queryForObject("select count(*)" + mine()
				+ "and ticket_no <> 'NT' || to_char(created_at at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad((id % 1000000)::text, 6, '0')",
				Integer.class)).isZero();
	}

	@Test
	void noImpossibleStates() {
		// A closed ticket has its closing time; one handled by a unit has its steps in order.
		assertThat(count("status = 'CLOSED' and (closed_at is null or close_reason is null)")).isZero();
		assertThat(count("close_reason = 'DIRECT_ANSWER' and (lead_unit_id is not null or direct_answer is null)")).isZero();
		assertThat(count("close_reason = 'CALLBACK' and (replied_at is null or accepted_at is null or dispatched_at is null"
				+ " or not (created_at <= dispatched_at and dispatched_at <= accepted_at and accepted_at <= replied_at"
				+ " and replied_at <= closed_at) or satisfaction is null or not callback_reached)")).isZero();
		assertThat(count("status in ('DISPATCHED', 'IN_PROGRESS') and (lead_unit_id is null or reply_due_at is null)")).isZero();
		assertThat(count("status = 'DISPATCHED' and accepted_at is not null")).isZero();
		assertThat(count("status = 'CALLBACK_PENDING' and (replied_at is null or callback_due_at is null)")).isZero();
		assertThat(count("status = 'PENDING_DISPATCH' and lead_unit_id is not null")).isZero();
		assertThat(count("return_count > 0 and not exists (select 1 from ticket_event e where e.ticket_id = ticket.id and e.type = 'RETURNED')")).isZero();
		// The timeline's last status is the ticket's status.
		assertThat(this.jdbc.queryForObject("select count(*)" + mine() + "and status <> (select e.to_status from ticket_event e"
				+ " where e.ticket_id = ticket.id order by e.id desc limit 1)", Integer.class)).isZero();
	}

	@Test
	void itLooksLikeTheCitysWeek() {
		Map<String, Object> shares = this.jdbc.queryForMap("select"
				+ " count(*) filter (where close_reason = 'DIRECT_ANSWER')::float / count(*) as direct,"
				+ " count(*) filter (where split_part(category_code, '.', 1) = 'SB' and service_line = 'MAIN')::float"
				+ "   / count(*) filter (where service_line = 'MAIN') as sb,"
				+ " count(*) filter (where satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED'))::float"
				+ "   / nullif(count(*) filter (where callback_reached), 0) as satisfied,"
				+ " count(*) filter (where status <> 'CLOSED') as open,"
				+ " count(*) filter (where marks like '%CLUSTER%') as clustered" + mine());
		assertThat((Double) shares.get("direct")).isBetween(0.55, 0.83);
		assertThat((Double) shares.get("sb")).isBetween(0.20, 0.25);
		assertThat((Double) shares.get("satisfied")).isBetween(0.85, 0.97);
		assertThat((Long) shares.get("open")).isPositive();
		assertThat((Long) shares.get("clustered")).isGreaterThanOrEqualTo(18);
		List<String> lines = this.jdbc.queryForList("select distinct service_line" + mine(), String.class);
		assertThat(lines).contains("MAIN", "ENTERPRISE");
	}

	long count(String where) {
		return this.jdbc.queryForObject("select count(*)" + mine() + "and " + where, Long.class);
	}

}
