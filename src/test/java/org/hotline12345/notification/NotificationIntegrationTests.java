package org.hotline12345.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.dispatch.DeadlineAlertRaised;
import org.hotline12345.dispatch.DeadlineAlertRaised.AlertLevel;
import org.hotline12345.dispatch.DeadlineAlertRaised.DeadlineClock;
import org.hotline12345.shared.events.IncompletePublicationsResubmission;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checklist #43: a unit alert goes out only for a committed dispatch, once; a gateway failure leaves the publication
 * incomplete and the scheduled resubmission sends it, once; an event delivered twice (a crash after the alert was
 * recorded but before the publication was marked complete) is sent once.
 */
@HotlineIntegrationTest
@TestPropertySource(properties = { "hotline.events.resubmit-enabled=true", "hotline.events.resubmit-older-than=0s",
		"hotline.events.resubmit-interval=1h" })
class NotificationIntegrationTests {

	static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null);

	/** The SMS gateway as the test sees it: what was delivered, and tickets whose first delivery fails. */
	@TestConfiguration
	static class Gateway {

		@Bean
		@Primary
		RecordingGateway recordingGateway() {
			return new RecordingGateway();
		}

	}

	static class RecordingGateway implements NotificationGateway {

		final List<UnitAlert> delivered = new CopyOnWriteArrayList<>();

		final Set<String> failOnce = ConcurrentHashMap.newKeySet();

		@Override
		public void deliver(UnitAlert alert) {
			if (this.failOnce.remove(alert.ticketNo())) {
				throw new IllegalStateException("SMS gateway unreachable");
			}
			this.delivered.add(alert);
		}

		long deliveredFor(String ticketNo) {
			return this.delivered.stream().filter((a) -> a.ticketNo().equals(ticketNo)).count();
		}

	}

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	RecordingGateway gateway;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	IncompletePublicationsResubmission resubmission;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UnitAlerts unitAlerts;

	@Autowired
	PlatformTransactionManager transactions;

	String pending(String description) {
		NewTicket request = new NewTicket("周先生", "13912340987", false, false, "崇川区和平桥街道", "chongchuan", null,
				description, RequestType.HELP, "SB.YL", Channel.PHONE, null, false, null);
		return this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE, null,
				OPERATOR).ticketNo();
	}

	int sent(String ticketNo) {
		return this.jdbc.queryForObject("select count(*) from notification_sent where ticket_no = ?", Integer.class,
				ticketNo);
	}

	/** The unit-alert deliveries still open for the ticket (other modules' listeners of the same events don't count). */
	int incompletePublications(String ticketNo) {
		return this.jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
				+ " and listener_id like '%UnitAlerts%' and serialized_event like ?", Integer.class, "%" + ticketNo + "%");
	}

	@Test
	void aCommittedDispatchAlertsTheLeadAndAssistingUnitsOnce() {
		String no = pending("小区路灯不亮，通知测试");
		this.workflow.dispatch(no, "chongchuan", List.of("swjt"), null, null, OPERATOR);
		await().atMost(Duration.ofSeconds(60)).until(() -> sent(no) == 2);
		assertThat(this.jdbc.queryForList("select text from notification_sent where ticket_no = ? order by id",
				String.class, no)).anySatisfy((text) -> assertThat(text).startsWith("【12345】工单" + no + "已派至贵单位（主办）"))
			.noneSatisfy((text) -> assertThat(text).contains("13912340987"));
		await().atMost(Duration.ofSeconds(60)).until(() -> incompletePublications(no) == 0);
		assertThat(this.gateway.deliveredFor(no)).isEqualTo(2);
	}

	@Test
	void aRolledBackDispatchSendsNothing() {
		String no = pending("楼道积水，回滚测试");
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.workflow.dispatch(no, "chongchuan", List.of(), null, null, OPERATOR);
			status.setRollbackOnly();
		});
		// A committed dispatch after it: once its alert is out, the rolled-back one had every chance.
		String marker = pending("楼道积水，对照工单");
		this.workflow.dispatch(marker, "chongchuan", List.of(), null, null, OPERATOR);
		await().atMost(Duration.ofSeconds(60)).until(() -> sent(marker) == 1);
		assertThat(sent(no)).isZero();
		assertThat(this.gateway.deliveredFor(no)).isZero();
		assertThat(incompletePublications(no)).isZero();
	}

	@Test
	void aFailedDeliveryStaysIncompleteAndTheResubmissionSendsItOnce() {
		String no = pending("噪音扰民，网关故障测试");
		this.gateway.failOnce.add(no);
		this.workflow.dispatch(no, "chongchuan", List.of(), null, null, OPERATOR);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !this.gateway.failOnce.contains(no) && incompletePublications(no) == 1);
		assertThat(sent(no)).as("the alert's row went back with the failure").isZero();

		this.resubmission.resubmit();
		await().atMost(Duration.ofSeconds(60)).until(() -> sent(no) == 1 && incompletePublications(no) == 0);
		this.resubmission.resubmit();
		assertThat(sent(no)).isEqualTo(1);
		assertThat(this.gateway.deliveredFor(no)).isEqualTo(1);
	}

	@Test
	void anEventDeliveredTwiceIsSentOnce() {
		String no = pending("井盖缺失，重复投递测试");
		long id = this.jdbc.queryForObject("select id from ticket where ticket_no = ?", Long.class, no);
		DeadlineAlertRaised event = new DeadlineAlertRaised(id, no, 1L, DeadlineClock.REPLY, AlertLevel.OVERDUE,
				Instant.parse("2031-03-01T02:00:00Z"), Instant.parse("2031-03-01T02:01:00Z"));
		// Delivered once through the registry, then handed to the listener again, as a resubmission after a crash
		// between sending and completing would: the second delivery finds the key taken and sends nothing.
		TransactionTemplate inTransaction = new TransactionTemplate(this.transactions);
		inTransaction.executeWithoutResult((status) -> this.events.publishEvent(event));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(incompletePublications(no)).as("publications left").isZero();
			assertThat(sent(no)).isEqualTo(1);
		});
		inTransaction.executeWithoutResult((status) -> this.unitAlerts.on(event));
		assertThat(sent(no)).isEqualTo(1);
		assertThat(this.gateway.deliveredFor(no)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select kind from notification_sent where ticket_no = ?", String.class, no))
			.isEqualTo("DEADLINE_OVERDUE");
	}

}
