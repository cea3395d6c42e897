package org.hotline12345.ticket;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The cursor in a page link: what it stands for survives the URL, and anything else is no cursor at all. */
class QueueCursorTests {

	@Test
	void aCursorComesBackFromItsTokenToTheMicrosecond() {
		QueueCursor cursor = new QueueCursor(1, Instant.parse("2026-12-04T23:08:01.123456Z"), 4711);
		assertThat(cursor.token()).isEqualTo("1.1796425681123456.4711");
		assertThat(QueueCursor.parse(cursor.token())).contains(cursor);
	}

	@Test
	void aRowWithoutATimeHasOne() {
		QueueCursor cursor = new QueueCursor(0, null, 42);
		assertThat(cursor.token()).isEqualTo("0.n.42");
		assertThat(QueueCursor.parse("0.n.42")).contains(cursor);
	}

	@Test
	void timesBeforeTheEpochSurviveToo() {
		QueueCursor cursor = new QueueCursor(2, Instant.parse("1969-12-31T23:59:59.999999Z"), 7);
		assertThat(QueueCursor.parse(cursor.token())).contains(cursor);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "abc", "0.1.", ".1.2", "0..2", "0.1.2.3", "10.1.2", "-1.1.2", "0.1.-2", "0.x.2",
			"0.1.99999999999999999999", "0.99999999999999999999.1", "0.9223372036854775807.1",
			"0.-9223372036854775808.1", "0.1 .2", "0.1.2\n", "1.1796425681123456.4711;drop table ticket",
			"0.1e3.2", "０.1.2" })
	void anythingElseIsNoCursor(String token) {
		assertThat(QueueCursor.parse(token)).isEmpty();
	}

	@Test
	void noTokenIsNoCursor() {
		assertThat(QueueCursor.parse(null)).isEmpty();
	}

}
