package org.hotline12345.triage;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.triage.TriageEvaluation.LabelledCase;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 回测: a draft graded against recent real tickets lists exactly the tickets whose level it would change, and stays
 * fast on ten thousand of them.
 */
@HotlineIntegrationTest
class TriageBackTestIntegrationTests {

	/** A word no other test writes: only this class's tickets can change with it. */
	static final String WORD = "紫色回测警报词";

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	RuleSetDrafts drafts;

	@Autowired
	BackTest backTest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	@Test
	void listsExactlyTheTicketsWhoseLevelTheDraftWouldChange() throws Exception {
		String raisedOne = register("小区门口出现" + WORD + "，请处理", RequestType.REPORT);
		String raisedTwo = register(WORD + "又出现了", RequestType.HELP);
		String unchanged = register("小区门口的路灯不亮", RequestType.REPORT);
		String consultation = register("请问" + WORD + "是什么意思", RequestType.CONSULTATION);
		int draft = this.drafts.createDraft("supervisor");
		try {
			this.drafts.addPhrase(draft, new RuleSet.PhraseRule(RuleKind.HAZARD, "测试危险", WORD, 40, null, false));

			BackTest.Result result = this.backTest.run(this.drafts.engine(draft), this.drafts.published(), 4);

			assertThat(result.changes()).extracting(BackTest.Change::ticketNo)
				.containsExactlyInAnyOrder(raisedOne, raisedTwo)
				.doesNotContain(unchanged, consultation);
			assertThat(result.changes()).allSatisfy((c) -> {
				assertThat(c.from()).isEqualTo(TriageLevel.ROUTINE);
				assertThat(c.to()).isEqualTo(TriageLevel.URGENT);
				assertThat(c.reasons()).contains(WORD);
			});
			assertThat(result.changed()).isEqualTo(2);
			assertThat(result.raised()).isEqualTo(2);
			assertThat(result.scanned()).isGreaterThanOrEqualTo(4);

			this.mvc.perform(get("/triage/rules/{v}/backtest", draft).with(user(this.users.loadUserByUsername("supervisor"))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("/tickets/" + raisedOne)))
				.andExpect(content().string(containsString("/tickets/" + raisedTwo)))
				.andExpect(content().string(containsString("有 2 件等级会改变")));
		}
		finally {
			this.drafts.discard(draft, "supervisor");
		}
	}

	@Test
	void tenThousandTicketsAreBackTestedInSeconds() {
		List<LabelledCase> cases = TriageEvaluation.readTsv(new InputStreamReader(
				getClass().getResourceAsStream("/triage/evaluation-set.tsv"), StandardCharsets.UTF_8));
		Instant now = Instant.now();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			LabelledCase c = cases.get(i % cases.size());
			rows.add(new Object[] { "BT" + String.format(Locale.ROOT, "%010d", i), c.input().text(),
					c.input().requestType(), Timestamp.from(now.minus(Duration.ofMinutes(4L * i))) });
		}
		this.jdbc.batchUpdate("""
				INSERT INTO ticket (id, ticket_no, status, level, description, request_type, channel, created_at,
				                    created_by, updated_at)
				VALUES (nextval('ticket_id_seq'), ?, 'CLOSED', 'ROUTINE', ?, ?, 'PHONE', ?, 'backtest-bench', now())""",
				rows);
		int draft = this.drafts.createDraft("supervisor");
		try {
			this.drafts.addPhrase(draft, new RuleSet.PhraseRule(RuleKind.HAZARD, "测试危险", "小区", 40, null, false));
			TriageEngine engine = this.drafts.engine(draft);
			this.backTest.run(engine, this.drafts.published(), 4);
			BackTest.Result result = this.backTest.run(engine, this.drafts.published(), 4);
			System.out.printf(Locale.ROOT, "back-test of %d tickets: %d ms, %d would change%n", result.scanned(),
					result.elapsedMillis(), result.changed());
			assertThat(result.scanned()).isGreaterThanOrEqualTo(10_000);
			assertThat(result.changed()).isPositive();
			assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(15));
		}
		finally {
			this.drafts.discard(draft, "supervisor");
			this.jdbc.update("DELETE FROM ticket WHERE created_by = 'backtest-bench'");
		}
	}

	String register(String description, RequestType type) {
		NewTicket request = new NewTicket("李先生", "13700001234", false, false, "崇川区", "chongchuan", null, description,
				type, null, Channel.PHONE, null, false, null);
		return this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE, null,
				this.operator).ticketNo();
	}

}
