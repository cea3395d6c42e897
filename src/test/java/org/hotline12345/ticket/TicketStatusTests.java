package org.hotline12345.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.hotline12345.ticket.TicketStatus.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transition table, every status against every step: what DOMAIN.md's loop allows, and nothing else.
 */
class TicketStatusTests {

	private static final Map<TicketStatus, Set<Step>> ALLOWED = Map.of(
			TicketStatus.REGISTERED, EnumSet.of(Step.DIRECT_ANSWER, Step.QUEUE, Step.OVERRIDE_LEVEL, Step.FOLLOW_UP),
			TicketStatus.PENDING_DISPATCH, EnumSet.of(Step.DISPATCH, Step.CLOSE, Step.MERGE, Step.OVERRIDE_LEVEL, Step.FOLLOW_UP),
			TicketStatus.DISPATCHED, EnumSet.of(Step.ACCEPT, Step.RETURN, Step.SUB_DISPATCH, Step.MERGE, Step.OVERRIDE_LEVEL,
					Step.FOLLOW_UP, Step.REMIND, Step.SUPERVISE),
			TicketStatus.IN_PROGRESS, EnumSet.of(Step.SUB_DISPATCH, Step.PROGRESS, Step.REQUEST_EXTENSION,
					Step.DECIDE_EXTENSION, Step.REPLY, Step.OVERRIDE_LEVEL, Step.FOLLOW_UP, Step.REMIND, Step.SUPERVISE),
			TicketStatus.REPLIED, EnumSet.of(Step.REVIEW, Step.OVERRIDE_LEVEL, Step.FOLLOW_UP, Step.REMIND, Step.SUPERVISE),
			TicketStatus.CALLBACK_PENDING, EnumSet.of(Step.CALLBACK, Step.REOPEN, Step.CLOSE, Step.OVERRIDE_LEVEL, Step.FOLLOW_UP),
			TicketStatus.MERGED, EnumSet.of(Step.CLOSE, Step.OVERRIDE_LEVEL, Step.FOLLOW_UP),
			TicketStatus.CLOSED, EnumSet.of(Step.REOPEN));

	static Stream<Arguments> everyStatusAndStep() {
		return Stream.of(TicketStatus.values())
			.flatMap((status) -> Stream.of(Step.values()).map((step) -> Arguments.of(status, step)));
	}

	@ParameterizedTest(name = "{0} allows {1}: as in the loop")
	@MethodSource("everyStatusAndStep")
	void theTableIsTheLoop(TicketStatus status, Step step) {
		assertThat(status.allows(step)).isEqualTo(ALLOWED.get(status).contains(step));
	}

}
