package org.hotline12345.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of a queue ended: the sort key of its last row. The next page starts after it (keyset pagination), so
 * a deep page costs what the first one does, and tickets that leave the queue meanwhile (dispatched, accepted) do not
 * make the next page skip or repeat rows, as an offset would.
 *
 * <p>The key is the queue's own order: a rank (the level's, or a block of the queue such as "no deadline"), a time
 * (created, due or replied; {@code null} where the row has none) and the ticket's id, which breaks ties. It travels in
 * the URL as {@code ?after=1.1733350000123456.42} (rank, microseconds since the epoch or {@code n}, id). It is only a
 * position: every page is read within the viewer's own scope, so an edited cursor can start a page elsewhere but never
 * show another unit's ticket. {@link TicketQueries#cursor} also checks that it fits the queue.
 *
 * @param rank the row's rank within the queue's order, 0 to 9
 * @param at the row's time in the queue's order, or {@code null}
 * @param id the ticket's id
 */
public record QueueCursor(int rank, Instant at, long id) {

	private static final Pattern TOKEN = Pattern.compile("(\\d)\\.(n|-?\\d{1,19})\\.(\\d{1,19})");

	/** Times outside the years 1 to 9999 are no ticket's (and PostgreSQL refuses some of them). */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	public QueueCursor {
		if (rank < 0 || rank > 9) {
			throw new IllegalArgumentException("A queue cursor's rank is 0 to 9, not " + rank);
		}
		if (at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST))) {
			throw new IllegalArgumentException("A queue cursor's time is within the years 1 to 9999, not " + at);
		}
	}

	/**
	 * The cursor a {@link #token()} stands for; empty when the text is not one (edited by hand, cut off, or made up),
	 * which callers treat as "no valid position", never as an error of the server.
	 */
	public static Optional<QueueCursor> parse(String token) {
		if (token == null) {
			return Optional.empty();
		}
		Matcher matcher = TOKEN.matcher(token);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			Instant at = matcher.group(2).equals("n") ? null
					: Instant.EPOCH.plus(Long.parseLong(matcher.group(2)), ChronoUnit.MICROS);
			return Optional.of(new QueueCursor(Integer.parseInt(matcher.group(1)), at, Long.parseLong(matcher.group(3))));
		}
		catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException ex) {
			return Optional.empty(); // a number too large for a long, or a time no ticket can have
		}
	}

	/** The cursor as it goes into a link: {@code rank.micros.id}, {@code n} for no time. */
	public String token() {
		String time = (this.at != null) ? String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, this.at)) : "n";
		return this.rank + "." + time + "." + this.id;
	}

}
