package org.hotline12345.ticket;

import java.time.Duration;
import java.time.Instant;

import org.hotline12345.calendar.WorkingCalendar;

import org.springframework.stereotype.Component;

/**
 * Turns the configured clocks into instants with the working-day calendar: urgent clocks run in plain hours, routine
 * ones in working days that skip weekends and holidays and count 调休 make-up days.
 */
@Component
public class DeadlinePolicy {

	private final DeadlineSettings settings;

	private final WorkingCalendar calendar;

	DeadlinePolicy(DeadlineSettings settings, WorkingCalendar calendar) {
		this.settings = settings;
		this.calendar = calendar;
	}

	Deadlines forDispatch(TriageLevel level, RequestType type, Instant now) {
		return new Deadlines(after(now, this.settings.accept(level)), after(now, this.settings.reply(level, type)));
	}

	Instant callbackDue(TriageLevel level, Instant now) {
		return after(now, this.settings.callback(level));
	}

	Instant reopenReplyDue(TriageLevel level, Instant now) {
		return after(now, (level == TriageLevel.ROUTINE) ? this.settings.reopenReply() : this.settings.reply(level, RequestType.HELP));
	}

	/** When a window from {@code start} to {@code due} reaches the warning share (预警). */
	public Instant warningAt(Instant start, Instant due) {
		long millis = Duration.between(start, due).toMillis();
		return start.plusMillis(Math.round(millis * this.settings.warningShare()));
	}

	boolean reviewRequired() {
		return this.settings.reviewRequired();
	}

	Instant after(Instant start, TimeLimit limit) {
		return switch (limit.unit()) {
			case MINUTES, HOURS -> this.calendar.plusHours(start, limit.clockDuration());
			case WORKING_HOURS -> this.calendar.plusWorkingHours(start, Duration.ofHours(limit.amount()));
			case WORKING_DAYS -> this.calendar.plusWorkingDays(start, (int) limit.amount());
		};
	}

}
