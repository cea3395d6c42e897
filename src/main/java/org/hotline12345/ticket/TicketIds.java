package org.hotline12345.ticket;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Ticket ids carry their month of registration (V150, decision 0012): a ticket registered in month {@code k} (months
 * since year 0, in the city's time zone) gets an id in {@code [k × 10^8, (k + 1) × 10^8)}, the next value of
 * {@code ticket_id_seq} modulo 10^8 within that block. The ticket table is partitioned by these blocks, so a month's
 * tickets are one partition while {@code PRIMARY KEY (id)} and every foreign key by id stay as they were. Ids stay
 * unique as long as no month takes 10^8 tickets (a province takes that in years), and they still ascend with time.
 * Tickets registered before V150 keep their ids, all below {@link #LEGACY_END}, in the partition {@code ticket_legacy}.
 */
public final class TicketIds {

	/** Ids per month. A multiple of 10^6, so a ticket number's last six digits are those of the sequence value. */
	static final long BLOCK = 100_000_000L;

	/** Ids below this were given before V150 and belong to no month. */
	static final long LEGACY_END = 1_000_000_000_000L;

	private TicketIds() {
	}

	/** The id for a ticket registered at {@code at}, from the sequence's next value. */
	public static long of(Instant at, ZoneId zone, long sequence) {
		return start(YearMonth.from(at.atZone(zone))) + Math.floorMod(sequence, BLOCK);
	}

	/** The first id of a month's block; the block ends where the next month's starts. */
	public static long start(YearMonth month) {
		return (month.getYear() * 12L + month.getMonthValue() - 1) * BLOCK;
	}

	/** The month an id belongs to; empty for the ids given before V150. */
	public static Optional<YearMonth> month(long id) {
		if (id < LEGACY_END) {
			return Optional.empty();
		}
		long k = id / BLOCK;
		return Optional.of(YearMonth.of((int) (k / 12), (int) (k % 12) + 1));
	}

}
