package org.hotline12345.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clocks of DOMAIN.md by level (seed values; every one configurable under {@code hotline.deadlines}).
 * {@code warningShare}: the share of a window after which a ticket is flagged 预警. {@code reviewRequired}: whether
 * the centre reviews each reply before the callback.
 */
@ConfigurationProperties("hotline.deadlines")
public record DeadlineSettings(@DefaultValue("30m") TimeLimit criticalAccept, @DefaultValue("2h") TimeLimit urgentAccept,
		@DefaultValue("1wd") TimeLimit routineAccept, @DefaultValue("2h") TimeLimit criticalReply,
		@DefaultValue("24h") TimeLimit urgentReply, @DefaultValue("3wd") TimeLimit routineReply,
		@DefaultValue("5wd") TimeLimit routineInvestigationReply, @DefaultValue("2h") TimeLimit criticalCallback,
		@DefaultValue("1wd") TimeLimit urgentCallback, @DefaultValue("1wd") TimeLimit routineCallback,
		@DefaultValue("0.75") double warningShare, @DefaultValue("false") boolean reviewRequired,
		@DefaultValue("5wd") TimeLimit reopenReply) {

	TimeLimit accept(TriageLevel level) {
		return switch (level) {
			case CRITICAL -> this.criticalAccept;
			case URGENT -> this.urgentAccept;
			case ROUTINE -> this.routineAccept;
		};
	}

	TimeLimit reply(TriageLevel level, RequestType type) {
		return switch (level) {
			case CRITICAL -> this.criticalReply;
			case URGENT -> this.urgentReply;
			case ROUTINE -> type.needsInvestigation() ? this.routineInvestigationReply : this.routineReply;
		};
	}

	TimeLimit callback(TriageLevel level) {
		return switch (level) {
			case CRITICAL -> this.criticalCallback;
			case URGENT -> this.urgentCallback;
			case ROUTINE -> this.routineCallback;
		};
	}

}
