package org.hotline12345.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotline12345.dispatch.DeadlineAlertRaised;
import org.hotline12345.dispatch.DeadlineAlertRaised.AlertLevel;
import org.hotline12345.notification.UnitAlert.Kind;
import org.hotline12345.ticket.TicketEvents.TicketDispatched;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the unit alerts, exactly once per event and recipient:
 * <ul>
 * <li>only after the transaction that raised the event committed (a rolled-back dispatch sends nothing), in a
 * transaction of its own ({@link ApplicationModuleListener});</li>
 * <li>the row in {@code notification_sent} with its UNIQUE key and the delivery happen together: if the gateway fails,
 * the row is rolled back and the publication stays incomplete, to be resubmitted (at restart, or by
 * {@code shared.events.IncompletePublicationsResubmission});</li>
 * <li>an event delivered again after it was already sent (a crash between commit and marking the publication
 * complete) finds its key taken and sends nothing.</li>
 * </ul>
 */
@Component
class UnitAlerts {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final JdbcTemplate jdbc;

	private final NotificationGateway gateway;

	private final MessageSource messages;

	private final Clock clock;

	UnitAlerts(JdbcTemplate jdbc, NotificationGateway gateway, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.gateway = gateway;
		this.messages = messages;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(TicketDispatched event) {
		List<Long> units = new ArrayList<>();
		units.add(event.leadUnitId());
		event.assistUnitIds().stream().filter((id) -> !units.contains(id)).forEach(units::add);
		for (Long unit : units) {
			boolean lead = unit == event.leadUnitId();
			String text = text(lead ? "notification.dispatched.lead" : "notification.dispatched.assist",
					event.ticketNo(), time(event.acceptDueAt()), time(event.replyDueAt()));
			send(new UnitAlert("dispatched:" + event.ticketId() + ":" + event.at().toEpochMilli() + ":" + unit,
					Kind.DISPATCHED, event.ticketId(), event.ticketNo(), unit, text));
		}
	}

	@ApplicationModuleListener
	void on(DeadlineAlertRaised event) {
		Kind kind = (event.level() == AlertLevel.OVERDUE) ? Kind.DEADLINE_OVERDUE : Kind.DEADLINE_WARNING;
		String text = text("notification.deadline." + event.clock() + "." + event.level(), event.ticketNo(),
				time(event.dueAt()));
		send(new UnitAlert("deadline:" + event.ticketId() + ":" + event.clock() + ":" + event.level() + ":"
				+ event.dueAt().toEpochMilli(), kind, event.ticketId(), event.ticketNo(), event.leadUnitId(), text));
	}

	/** Records the alert under its key and delivers it; a key already taken means it was sent before. */
	void send(UnitAlert alert) {
		int inserted = this.jdbc.update("""
				insert into notification_sent (event_key, kind, ticket_id, ticket_no, unit_id, text, sent_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (event_key) do nothing""", alert.key(), alert.kind().name(),
				alert.ticketId(), alert.ticketNo(), alert.unitId(), alert.text(), Timestamp.from(this.clock.instant()));
		if (inserted == 1) {
			this.gateway.deliver(alert);
		}
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
	}

	private String time(java.time.Instant instant) {
		return (instant != null) ? instant.atZone(this.clock.getZone()).format(TIME) : "";
	}

}
