package org.hotline12345.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hotline12345.ticket.TriageLevel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 回测: grades the last weeks of real tickets with a draft and with the published rules, and lists the tickets whose
 * level the draft would change. Tickets are read in keyset pages straight from the ticket table (description, request
 * type, category, district, vulnerable flag: what triage saw at intake), so memory stays flat however many there are.
 */
@Component
class BackTest {

	/** The page shows at most this many changed tickets; all of them are counted. */
	static final int LISTED = 500;

	private static final String PAGE = """
			SELECT id, ticket_no, created_at, description, request_type, category_code, district_code, vulnerable,
			       level, level_overridden
			FROM ticket
			WHERE created_at >= ? AND (created_at, id) > (?, ?)
			ORDER BY created_at, id
			LIMIT ?""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final TriageSettings settings;

	BackTest(JdbcTemplate jdbc, Clock clock, TriageSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	Result run(TriageEngine draft, TriageEngine published, int weeks) {
		long started = System.nanoTime();
		Instant since = this.clock.instant().minus(Duration.ofDays(7L * weeks));
		List<Change> changes = new ArrayList<>();
		int[] counts = new int[3];
		Timestamp lastAt = Timestamp.from(since);
		long lastId = Long.MIN_VALUE;
		int pageSize = this.settings.backTestPageSize();
		while (true) {
			List<Row> page = this.jdbc.query(PAGE, (rs, n) -> new Row(rs.getLong("id"), rs.getString("ticket_no"),
					rs.getTimestamp("created_at"),
					new TriageInput(rs.getString("description"), rs.getString("request_type"),
							rs.getString("category_code"), rs.getString("district_code"), rs.getBoolean("vulnerable")),
					TriageLevel.valueOf(rs.getString("level")), rs.getBoolean("level_overridden")),
					Timestamp.from(since), lastAt, lastId, pageSize);
			for (Row row : page) {
				counts[0]++;
				TriageResult before = published.grade(row.input());
				TriageResult after = draft.grade(row.input());
				if (before.level() != after.level()) {
					if (after.level().isHigherThan(before.level())) {
						counts[1]++;
					}
					else {
						counts[2]++;
					}
					if (changes.size() < LISTED) {
						changes.add(new Change(row.ticketNo(), row.createdAt().toInstant(), row.current(),
								row.overridden(), before.level(), after.level(), after.explain().replace('\n', ' ')));
					}
				}
			}
			if (page.size() < pageSize) {
				break;
			}
			Row last = page.get(page.size() - 1);
			lastAt = last.createdAt();
			lastId = last.id();
		}
		return new Result(weeks, since, counts[0], counts[1] + counts[2], counts[1], counts[2], changes,
				Duration.ofNanos(System.nanoTime() - started), draft.ruleSet().version(), published.ruleSet().version());
	}

	private record Row(long id, String ticketNo, Timestamp createdAt, TriageInput input, TriageLevel current,
			boolean overridden) {
	}

	/**
	 * A ticket whose level the draft would change.
	 *
	 * @param ticketNo the ticket
	 * @param createdAt when it was registered
	 * @param current its level now (after overrides, clusters, re-triage)
	 * @param overridden whether a person set its level, which a new rule set would not touch
	 * @param from the level the published rules give it
	 * @param to the level the draft gives it
	 * @param reasons the draft's reasons
	 */
	record Change(String ticketNo, Instant createdAt, TriageLevel current, boolean overridden, TriageLevel from,
			TriageLevel to, String reasons) {

		public boolean raised() {
			return this.to.isHigherThan(this.from);
		}

	}

	/**
	 * The outcome of one back-test.
	 *
	 * @param weeks how far back it looked
	 * @param since the start of that window
	 * @param scanned how many tickets it graded
	 * @param changed how many would change level
	 * @param raised how many of them would be graded higher
	 * @param lowered how many would be graded lower
	 * @param changes the changed tickets, at most {@link #LISTED}
	 * @param elapsed how long it took
	 * @param draftVersion the version tested
	 * @param publishedVersion the version compared with
	 */
	record Result(int weeks, Instant since, int scanned, int changed, int raised, int lowered, List<Change> changes,
			Duration elapsed, int draftVersion, int publishedVersion) {

		public boolean truncated() {
			return this.changed > this.changes.size();
		}

		public long elapsedMillis() {
			return this.elapsed.toMillis();
		}

	}

}
