package org.hotline12345.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The closed loop on real PostgreSQL, read as the process: register → queue → dispatch → accept → reply → callback →
 * closed; and what must be refused on the way.
 */
@HotlineIntegrationTest
class TicketWorkflowIntegrationTests {

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TicketQueries queries;

	@Autowired
	DepartmentDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	final Actor operator = new Actor("operator", Role.OPERATOR, null);

	final Actor supervisor = new Actor("supervisor", Role.SUPERVISOR, null);

	Actor staffOf(String unitCode) {
		return new Actor(unitCode, Role.UNIT_STAFF, this.directory.unit(unitCode).orElseThrow().id());
	}

	HotlineUser viewer(Actor actor) {
		String code = (actor.unitId() != null) ? this.directory.unit(actor.unitId()).code() : null;
		return HotlineUser.of(1, actor.username(), actor.username(), actor.role(), actor.unitId(), code, code);
	}

	String registerForDispatch(String description) {
		NewTicket request = new NewTicket("张先生", "13812341234", false, false, "崇川区和平桥街道某小区", "chongchuan",
				null, description, RequestType.HELP, "SB.YL", Channel.PHONE, null, false, null);
		return this.workflow.register(request, Grade.manual(TriageLevel.ROUTINE), TicketWorkflow.Outcome.QUEUE, null,
				this.operator).ticketNo();
	}

	@Test
	void aTicketTravelsTheWholeLoop() {
		String no = registerForDispatch("养老保险关系转移咨询，材料准备好了但窗口说系统不通");
		assertThat(no).matches("NT\\d{8}\\d{6}");
		this.workflow.dispatch(no, "rsj", List.of("chongchuan"), "请尽快联系市民", null, this.operator);
		Actor rsj = staffOf("rsj");
		this.workflow.accept(no, null, rsj);
		this.workflow.addProgress(no, "已电话联系市民，约定周三上门", rsj);
		this.workflow.reply(no, ReplyOutcome.SOLVED, "已为市民办理转移手续", null, rsj);
		this.workflow.recordCallback(no, true, true, Satisfaction.SATISFIED, "市民表示满意", null, this.operator);

		TicketDetails ticket = this.queries.find(no, viewer(this.operator)).orElseThrow();
		assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(ticket.closeReason()).isEqualTo(CloseReason.CALLBACK);
		assertThat(ticket.timeline()).extracting(TicketDetails.TimelineEntry::type)
			.containsExactly("REGISTERED", "QUEUED", "DISPATCHED", "ACCEPTED", "PROGRESS", "REPLIED", "CALLBACK");
		assertThat(ticket.acceptDueAt()).isAfter(ticket.dispatchedAt());
		assertThat(ticket.callerPhone()).isEqualTo("138****1234");
	}

	@Test
	void anIllegalStepIsRefusedNamingTheStatusAndNothingChanges() {
		String no = registerForDispatch("小区路灯不亮");
		Long version = this.queries.find(no, viewer(this.operator)).orElseThrow().version();
		assertThatThrownBy(() -> this.workflow.recordCallback(no, true, true, Satisfaction.SATISFIED, null, null,
				this.operator))
			.isInstanceOf(IllegalTransitionException.class)
			.hasMessageContaining("PENDING_DISPATCH");
		TicketDetails after = this.queries.find(no, viewer(this.operator)).orElseThrow();
		assertThat(after.status()).isEqualTo(TicketStatus.PENDING_DISPATCH);
		assertThat(after.version()).isEqualTo(version);
		assertThat(after.timeline()).hasSize(2);
	}

	@Test
	void anotherUnitCanNeitherSeeNorTouchTheTicket() {
		String no = registerForDispatch("用人单位拖欠工资三个月");
		this.workflow.dispatch(no, "rsj", List.of(), null, null, this.operator);
		Actor jjzd = staffOf("jjzd");
		assertThat(this.queries.find(no, viewer(jjzd))).isEmpty();
		assertThatThrownBy(() -> this.workflow.accept(no, null, jjzd)).isInstanceOf(TicketNotFoundException.class);
		assertThatThrownBy(() -> this.workflow.reply(no, ReplyOutcome.SOLVED, "x", null, jjzd))
			.isInstanceOf(TicketNotFoundException.class);
		assertThat(this.queries.find(no, viewer(this.operator)).orElseThrow().status())
			.isEqualTo(TicketStatus.DISPATCHED);
		assertThat(this.queries.find(no, viewer(staffOf("rsj")))).isPresent();
	}

	@Test
	void unitStaffCannotDispatchAndOperatorsCannotAccept() {
		String no = registerForDispatch("噪音扰民");
		assertThatThrownBy(() -> this.workflow.dispatch(no, "rsj", List.of(), null, null, staffOf("rsj")))
			.isInstanceOf(AccessDeniedException.class);
		this.workflow.dispatch(no, "rsj", List.of(), null, null, this.operator);
		assertThatThrownBy(() -> this.workflow.accept(no, null, this.operator)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void twentyConcurrentAcceptsHaveExactlyOneWinner() throws Exception {
		String no = registerForDispatch("燃气表漏气");
		this.workflow.dispatch(no, "rsj", List.of(), null, null, this.operator);
		Actor rsj = staffOf("rsj");
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		AtomicInteger wins = new AtomicInteger();
		try {
			List<Future<?>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < 20; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					try {
						this.workflow.accept(no, null, rsj);
						wins.incrementAndGet();
					}
					catch (RuntimeException expected) {
						// IllegalTransition (saw IN_PROGRESS) or an optimistic-lock failure: both lose.
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(wins).hasValue(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ? and e.type = 'ACCEPTED'",
				Integer.class, no))
			.isEqualTo(1);
	}

	@Test
	void aStaleFormIsRefusedAsChangedBySomeoneElse() {
		String no = registerForDispatch("公交站牌损坏");
		Long seen = this.queries.find(no, viewer(this.operator)).orElseThrow().version();
		this.workflow.dispatch(no, "jtysj", List.of(), null, seen, this.operator);
		assertThatThrownBy(() -> this.workflow.dispatch(no, "rsj", List.of(), null, seen, this.supervisor))
			.isInstanceOf(TicketChangedConcurrentlyException.class);
		assertThat(this.queries.find(no, viewer(this.operator)).orElseThrow().leadUnitName()).isEqualTo("交通运输局");
	}

	@Test
	void theSameIdempotencyKeyGivesOneTicket() {
		String key = "form:" + UUID.randomUUID();
		NewTicket request = new NewTicket(null, "0513-85123456", true, true, null, null, null, "井盖丢失", RequestType.REPORT,
				null, Channel.PHONE, null, false, key);
		String first = this.workflow.register(request, Grade.manual(TriageLevel.URGENT), TicketWorkflow.Outcome.QUEUE,
				null, this.operator).ticketNo();
		TicketWorkflow.Registration second = this.workflow.register(request, Grade.manual(TriageLevel.URGENT),
				TicketWorkflow.Outcome.QUEUE, null, this.operator);
		assertThat(second.ticketNo()).isEqualTo(first);
		assertThat(second.created()).isFalse();
	}

	@Test
	void aReturnedTicketComesBackAndAfterTwoReturnsOnlyASupervisorDispatches() {
		String no = registerForDispatch("小区违建");
		this.workflow.dispatch(no, "rsj", List.of(), null, null, this.operator);
		this.workflow.returnToCentre(no, "不属于人社局职责", null, staffOf("rsj"));
		this.workflow.dispatch(no, "jjzd", List.of(), null, null, this.operator);
		this.workflow.returnToCentre(no, "非交通事项", null, staffOf("jjzd"));
		assertThat(this.queries.queue(TicketQueries.Queue.RETURNED, 500)).extracting(TicketSummary::ticketNo)
			.contains(no);
		assertThatThrownBy(() -> this.workflow.dispatch(no, "chongchuan", List.of(), null, null, this.operator))
			.isInstanceOf(AccessDeniedException.class);
		this.workflow.dispatch(no, "chongchuan", List.of(), "裁定：属地处理", null, this.supervisor);
	}

	@Test
	void theReopenedTicketGoesBackToTheSameUnitWithANewDeadline() {
		String no = registerForDispatch("物业不作为");
		this.workflow.dispatch(no, "chongchuan", List.of(), null, null, this.operator);
		Actor cc = staffOf("chongchuan");
		this.workflow.accept(no, null, cc);
		this.workflow.reply(no, ReplyOutcome.PARTLY_SOLVED, "已协调物业", null, cc);
		this.workflow.reopen(no, "市民表示问题依旧", this.operator);
		TicketDetails ticket = this.queries.find(no, viewer(cc)).orElseThrow();
		assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
		assertThat(ticket.leadUnitCode()).isEqualTo("chongchuan");
		assertThat(ticket.reopenCount()).isEqualTo(1);
		assertThat(ticket.replyDueAt()).isAfter(Instant.now().minusSeconds(60));
	}

	@Test
	void phoneNumbersAreEncryptedAtRestAndFoundByBlindIndex() {
		String no = registerForDispatch("咨询公积金提取");
		String stored = this.jdbc.queryForObject("select caller_phone_enc from ticket where ticket_no = ?", String.class, no);
		assertThat(stored).doesNotContainPattern("\\d{11}");
		assertThat(this.queries.callerHistory("13812341234", 100)).extracting(TicketSummary::ticketNo).contains(no);
		assertThat(this.queries.revealPhone(no, viewer(this.operator))).hasValue("13812341234");
		assertThat(this.queries.revealPhone(no, viewer(staffOf("rsj")))).isEmpty();
	}

	@Test
	void mergedChildrenEachGetTheirOwnCallback() {
		String master = registerForDispatch("和平桥附近整片停水");
		String child = registerForDispatch("我家也停水了，和平桥");
		this.workflow.merge(child, master, this.operator);
		this.workflow.dispatch(master, "swjt", List.of(), null, null, this.operator);
		Actor water = staffOf("swjt");
		this.workflow.accept(master, null, water);
		this.workflow.reply(master, ReplyOutcome.SOLVED, "管道已抢修", null, water);
		assertThat(this.queries.find(child, viewer(this.operator)).orElseThrow().status())
			.isEqualTo(TicketStatus.CALLBACK_PENDING);
		this.workflow.recordCallback(child, true, true, Satisfaction.BASICALLY_SATISFIED, null, null, this.operator);
		assertThat(this.queries.find(child, viewer(this.operator)).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(this.queries.find(master, viewer(this.operator)).orElseThrow().status())
			.isEqualTo(TicketStatus.CALLBACK_PENDING);
		assertThat(Set.of(master, child)).hasSize(2);
	}

}
