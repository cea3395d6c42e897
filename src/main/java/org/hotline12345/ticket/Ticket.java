package org.hotline12345.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hotline12345.shared.ProtectedPhone;
import org.hotline12345.ticket.TicketEvents.CallbackRecorded;
import org.hotline12345.ticket.TicketEvents.ExtensionDecided;
import org.hotline12345.ticket.TicketEvents.ExtensionRequested;
import org.hotline12345.ticket.TicketEvents.FollowUpAdded;
import org.hotline12345.ticket.TicketEvents.MasterReplyReceived;
import org.hotline12345.ticket.TicketEvents.TicketAccepted;
import org.hotline12345.ticket.TicketEvents.TicketAnsweredDirectly;
import org.hotline12345.ticket.TicketEvents.TicketClosed;
import org.hotline12345.ticket.TicketEvents.TicketDispatched;
import org.hotline12345.ticket.TicketEvents.TicketLevelChanged;
import org.hotline12345.ticket.TicketEvents.TicketMerged;
import org.hotline12345.ticket.TicketEvents.TicketQueued;
import org.hotline12345.ticket.TicketEvents.TicketRegistered;
import org.hotline12345.ticket.TicketEvents.TicketReopened;
import org.hotline12345.ticket.TicketEvents.TicketReplied;
import org.hotline12345.ticket.TicketEvents.TicketReturned;
import org.hotline12345.ticket.TicketEvents.TicketReviewed;
import org.hotline12345.ticket.TicketStatus.Step;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One citizen matter, end to end. The aggregate is the state machine: each transition method checks the current
 * status against {@link TicketStatus#allows(Step)}, moves, records a {@link TicketEventRecord} for the timeline and
 * registers a past-tense event. Time always comes in as an argument; the ticket never reads a clock.
 */
@Entity
@Table(name = "ticket")
class Ticket extends AbstractAggregateRoot<Ticket> {

	static final int MAX_CALLBACK_ATTEMPTS = 3;

	/** Taken from {@code ticket_id_seq} before the ticket is built, so that its first events carry it. */
	@Id
	private Long id;

	private String ticketNo;

	@Enumerated(EnumType.STRING)
	private TicketStatus status;

	@Enumerated(EnumType.STRING)
	private TriageLevel level;

	private String marks;

	private int triageScore;

	private String triageReasons;

	private Integer ruleSetVersion;

	private boolean levelOverridden;

	private String callerName;

	private String callerPhoneEnc;

	private String callerPhoneIndex;

	private String callerPhoneMasked;

	private boolean anonymous;

	private boolean confidential;

	private String address;

	private String districtCode;

	private Instant occurredAt;

	private String description;

	@Enumerated(EnumType.STRING)
	private RequestType requestType;

	private String categoryCode;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	@Enumerated(EnumType.STRING)
	private ServiceLine serviceLine;

	private boolean vulnerable;

	private Long leadUnitId;

	/** 协办: assisting units see the ticket and add progress notes; the lead unit replies. */
	@ElementCollection
	@CollectionTable(name = "ticket_assist_unit", joinColumns = @JoinColumn(name = "ticket_id"))
	@Column(name = "unit_id")
	private Set<Long> assistUnitIds = new HashSet<>();

	private Instant dispatchedAt;

	private Instant acceptDueAt;

	private Instant acceptedAt;

	private Instant replyDueAt;

	private Instant repliedAt;

	private Instant callbackDueAt;

	private Instant closedAt;

	@Enumerated(EnumType.STRING)
	private ReplyOutcome replyOutcome;

	private String replyAnswer;

	private String directAnswer;

	private int callbackAttempts;

	private Boolean callbackReached;

	private Boolean callbackSolved;

	@Enumerated(EnumType.STRING)
	private Satisfaction satisfaction;

	@Enumerated(EnumType.STRING)
	private CloseReason closeReason;

	private int returnCount;

	private int reopenCount;

	private boolean extensionPending;

	private Long masterId;

	@Column(updatable = false)
	private String idempotencyKey;

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	/** A wrapper, so that a ticket with an assigned id but no version yet counts as new. */
	@Version
	private Long version;

	@Transient
	private final List<TicketEventRecord> timeline = new ArrayList<>();

	protected Ticket() {
	}

	/** Registers a new matter (受理): status {@link TicketStatus#REGISTERED}, graded by triage. */
	static Ticket register(long id, String ticketNo, NewTicket request, ProtectedPhone phone, Grade grade, Actor actor,
			Instant now) {
		Ticket ticket = new Ticket();
		ticket.id = id;
		ticket.ticketNo = ticketNo;
		ticket.status = TicketStatus.REGISTERED;
		ticket.callerName = request.anonymous() ? null : request.callerName();
		ticket.callerPhoneEnc = phone.encrypted();
		ticket.callerPhoneIndex = phone.blindIndex();
		ticket.callerPhoneMasked = phone.masked();
		ticket.anonymous = request.anonymous();
		ticket.confidential = request.confidential();
		ticket.address = request.address();
		ticket.districtCode = request.districtCode();
		ticket.occurredAt = request.occurredAt();
		ticket.description = request.description();
		ticket.requestType = request.requestType();
		ticket.categoryCode = request.categoryCode();
		ticket.channel = request.channel();
		ticket.serviceLine = (request.serviceLine() != null) ? request.serviceLine() : ServiceLine.MAIN;
		ticket.vulnerable = request.vulnerable();
		ticket.idempotencyKey = request.idempotencyKey();
		ticket.applyGrade(grade);
		ticket.createdAt = now;
		ticket.createdBy = actor.username();
		ticket.updatedAt = now;
		ticket.record(actor, now, "REGISTERED", null, TicketStatus.REGISTERED, grade.summary());
		ticket.registerEvent(new TicketRegistered(id, ticketNo, grade.level(), grade.marks(), ticket.categoryCode,
				ticket.districtCode, ticket.channel, ticket.serviceLine, now));
		return ticket;
	}

	/** 直接答复: the operator answered on the call; the loop closes at once. */
	void answerDirectly(String answer, Actor actor, Instant now) {
		TicketStatus from = check(Step.DIRECT_ANSWER);
		this.directAnswer = answer;
		this.status = TicketStatus.CLOSED;
		this.closeReason = CloseReason.DIRECT_ANSWER;
		this.closedAt = now;
		record(actor, now, "DIRECT_ANSWER", from, this.status, answer);
		registerEvent(new TicketAnsweredDirectly(this.id, this.ticketNo, now));
		registerEvent(new TicketClosed(this.id, this.ticketNo, CloseReason.DIRECT_ANSWER, now));
	}

	/** Into the urgent or routine dispatch queue, as triage decided. */
	void queue(Actor actor, Instant now) {
		TicketStatus from = check(Step.QUEUE);
		this.status = TicketStatus.PENDING_DISPATCH;
		record(actor, now, "QUEUED", from, this.status, null);
		registerEvent(new TicketQueued(this.id, this.ticketNo, this.level, now));
	}

	/** 派单 to one lead unit and any assisting units; the accept and reply clocks start now. */
	void dispatch(long leadUnitId, List<Long> assistUnitIds, String note, Deadlines deadlines, Actor actor,
			Instant now) {
		TicketStatus from = check(Step.DISPATCH);
		this.status = TicketStatus.DISPATCHED;
		this.leadUnitId = leadUnitId;
		this.assistUnitIds.clear();
		this.assistUnitIds.addAll(assistUnitIds);
		this.dispatchedAt = now;
		this.acceptDueAt = deadlines.acceptDue();
		this.replyDueAt = deadlines.replyDue();
		this.acceptedAt = null;
		this.extensionPending = false;
		record(actor, now, "DISPATCHED", from, this.status, note);
		registerEvent(new TicketDispatched(this.id, this.ticketNo, leadUnitId, List.copyOf(assistUnitIds), this.level,
				this.acceptDueAt, this.replyDueAt, now));
	}

	/** 签收: the lead unit signs for it. Its clocks were already running. */
	void accept(Actor actor, Instant now) {
		TicketStatus from = check(Step.ACCEPT);
		this.status = TicketStatus.IN_PROGRESS;
		this.acceptedAt = now;
		record(actor, now, "ACCEPTED", from, this.status, null);
		registerEvent(new TicketAccepted(this.id, this.ticketNo, this.leadUnitId, now));
	}

	/** 退单: not this unit's matter; back to the centre to re-dispatch. */
	void returnToCentre(String reason, Actor actor, Instant now) {
		TicketStatus from = check(Step.RETURN);
		long unitId = this.leadUnitId;
		this.status = TicketStatus.PENDING_DISPATCH;
		this.returnCount++;
		this.leadUnitId = null;
		this.assistUnitIds.clear();
		this.acceptDueAt = null;
		this.replyDueAt = null;
		record(actor, now, "RETURNED", from, this.status, reason);
		registerEvent(new TicketReturned(this.id, this.ticketNo, unitId, reason, this.returnCount, now));
	}

	/** 下派: a district passes the ticket down to one of its streets, which becomes the lead unit. */
	void subDispatch(long streetUnitId, String note, Actor actor, Instant now) {
		TicketStatus from = check(Step.SUB_DISPATCH);
		this.leadUnitId = streetUnitId;
		this.status = TicketStatus.DISPATCHED;
		this.acceptedAt = null;
		record(actor, now, "SUB_DISPATCHED", from, this.status, note);
		registerEvent(new TicketDispatched(this.id, this.ticketNo, streetUnitId, List.of(), this.level,
				this.acceptDueAt, this.replyDueAt, now));
	}

	/** 办理过程: what the unit did; the status stays. */
	void addProgress(String note, Actor actor, Instant now) {
		check(Step.PROGRESS);
		record(actor, now, "PROGRESS", this.status, this.status, note);
	}

	/** 延期申请: asked before the reply deadline; the centre decides. */
	void requestExtension(Instant until, String reason, Actor actor, Instant now) {
		check(Step.REQUEST_EXTENSION);
		if (this.extensionPending) {
			throw new IllegalStateException("An extension request for " + this.ticketNo + " is already pending");
		}
		this.extensionPending = true;
		record(actor, now, "EXTENSION_REQUESTED", this.status, this.status, reason);
		registerEvent(new ExtensionRequested(this.id, this.ticketNo, this.leadUnitId, until, now));
	}

	void decideExtension(boolean approve, Instant newReplyDue, String note, Actor actor, Instant now) {
		check(Step.DECIDE_EXTENSION);
		if (!this.extensionPending) {
			throw new IllegalStateException("No extension request is pending for " + this.ticketNo);
		}
		this.extensionPending = false;
		if (approve) {
			this.replyDueAt = newReplyDue;
		}
		record(actor, now, approve ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED", this.status, this.status, note);
		registerEvent(new ExtensionDecided(this.id, this.ticketNo, approve, this.replyDueAt, now));
	}

	/** 办理回复: the unit's result. With review switched off the ticket goes straight to callback. */
	void reply(ReplyOutcome outcome, String answer, boolean reviewRequired, Instant callbackDue, Actor actor,
			Instant now) {
		TicketStatus from = check(Step.REPLY);
		this.replyOutcome = outcome;
		this.replyAnswer = answer;
		this.repliedAt = now;
		this.extensionPending = false;
		this.status = reviewRequired ? TicketStatus.REPLIED : TicketStatus.CALLBACK_PENDING;
		this.callbackDueAt = reviewRequired ? null : callbackDue;
		record(actor, now, "REPLIED", from, this.status, answer);
		registerEvent(new TicketReplied(this.id, this.ticketNo, this.leadUnitId, outcome, now));
	}

	/** 审核: the centre accepts the reply (on to callback) or sends it back to the unit. */
	void review(boolean approve, String note, Instant callbackDue, Actor actor, Instant now) {
		TicketStatus from = check(Step.REVIEW);
		if (approve) {
			this.status = TicketStatus.CALLBACK_PENDING;
			this.callbackDueAt = callbackDue;
		}
		else {
			this.status = TicketStatus.IN_PROGRESS;
			this.replyOutcome = null;
			this.repliedAt = null;
		}
		record(actor, now, approve ? "REVIEW_APPROVED" : "REVIEW_REFUSED", from, this.status, note);
		registerEvent(new TicketReviewed(this.id, this.ticketNo, approve, now));
	}

	/**
	 * 回访: reached and (dis)satisfied closes the loop unless the centre reopens it; the third unreached attempt
	 * closes it as unreached.
	 */
	void recordCallback(boolean reached, Boolean solved, Satisfaction satisfaction, String note, Actor actor,
			Instant now) {
		recordCallback(reached, solved, satisfaction, note, CloseReason.CALLBACK, actor, now);
	}

	/** The citizen's own rating (portal) takes the callback's place and closes with {@code reachedReason}. */
	void recordCallback(boolean reached, Boolean solved, Satisfaction satisfaction, String note,
			CloseReason reachedReason, Actor actor, Instant now) {
		TicketStatus from = check(Step.CALLBACK);
		this.callbackAttempts++;
		this.callbackReached = reached;
		if (reached) {
			this.callbackSolved = solved;
			this.satisfaction = satisfaction;
			this.status = TicketStatus.CLOSED;
			this.closeReason = reachedReason;
			this.closedAt = now;
		}
		else if (this.callbackAttempts >= MAX_CALLBACK_ATTEMPTS) {
			this.status = TicketStatus.CLOSED;
			this.closeReason = CloseReason.UNREACHED;
			this.closedAt = now;
		}
		record(actor, now, reached ? "CALLBACK" : "CALLBACK_UNREACHED", from, this.status, note);
		registerEvent(new CallbackRecorded(this.id, this.ticketNo, reached, solved, satisfaction, now));
		if (this.status == TicketStatus.CLOSED) {
			registerEvent(new TicketClosed(this.id, this.ticketNo, this.closeReason, now));
		}
	}

	/** 重办: the citizen is not satisfied and the centre agrees; back to the same unit with a new reply deadline. */
	void reopen(String reason, Instant newReplyDue, Actor actor, Instant now) {
		TicketStatus from = check(Step.REOPEN);
		if (this.leadUnitId == null) {
			throw new IllegalStateException("Ticket " + this.ticketNo + " was never with a unit; it cannot be reopened");
		}
		this.status = TicketStatus.IN_PROGRESS;
		this.reopenCount++;
		this.replyDueAt = newReplyDue;
		this.replyOutcome = null;
		this.repliedAt = null;
		this.callbackDueAt = null;
		this.closedAt = null;
		this.closeReason = null;
		this.satisfaction = null;
		this.callbackSolved = null;
		this.callbackReached = null;
		this.callbackAttempts = 0;
		record(actor, now, "REOPENED", from, this.status, reason);
		registerEvent(new TicketReopened(this.id, this.ticketNo, this.leadUnitId, newReplyDue, now));
	}

	/** Closed by the centre: an unreasonable demand, a duplicate, or a merged child whose master was handled. */
	void close(CloseReason reason, String note, Actor actor, Instant now) {
		TicketStatus from = check(Step.CLOSE);
		this.status = TicketStatus.CLOSED;
		this.closeReason = reason;
		this.closedAt = now;
		record(actor, now, "CLOSED", from, this.status, note);
		registerEvent(new TicketClosed(this.id, this.ticketNo, reason, now));
	}

	/** 母子工单: this ticket becomes a child of {@code master}; the unit acts once, on the master. */
	void mergeInto(Ticket master, Actor actor, Instant now) {
		TicketStatus from = check(Step.MERGE);
		if (master.id.equals(this.id) || master.masterId != null) {
			throw new IllegalArgumentException("Ticket " + master.ticketNo + " cannot be a master");
		}
		this.masterId = master.id;
		this.status = TicketStatus.MERGED;
		this.leadUnitId = null;
		this.level = this.level.atLeast(master.level);
		record(actor, now, "MERGED", from, this.status, master.ticketNo);
		master.record(actor, now, "CHILD_MERGED", master.status, master.status, this.ticketNo);
		registerEvent(new TicketMerged(this.id, this.ticketNo, master.id, master.ticketNo, now));
	}

	/** The master's reply reaches its children: each child gets its own callback. */
	void takeReplyFromMaster(Ticket master, Instant callbackDue, Actor actor, Instant now) {
		if (this.status != TicketStatus.MERGED) {
			throw new IllegalTransitionException(this.ticketNo, this.status, Step.REPLY);
		}
		this.replyOutcome = master.replyOutcome;
		this.replyAnswer = master.replyAnswer;
		this.repliedAt = now;
		this.leadUnitId = master.leadUnitId;
		this.status = TicketStatus.CALLBACK_PENDING;
		this.callbackDueAt = callbackDue;
		record(actor, now, "REPLIED", TicketStatus.MERGED, this.status, master.ticketNo);
		registerEvent(new MasterReplyReceived(this.id, this.ticketNo, master.id, now));
	}

	/** A person sets the level by hand with a reason; later automatic re-triage will not lower or undo it. */
	void overrideLevel(TriageLevel newLevel, String reason, Actor actor, Instant now) {
		check(Step.OVERRIDE_LEVEL);
		TriageLevel old = this.level;
		this.level = newLevel;
		this.levelOverridden = true;
		record(actor, now, "LEVEL_OVERRIDDEN", this.status, this.status, old + " → " + newLevel + ": " + reason);
		registerEvent(new TicketLevelChanged(this.id, this.ticketNo, old, newLevel, true, now));
	}

	/**
	 * 慢转急: automatic re-triage only ever raises the level, and never touches a level a person set.
	 * @return whether the level changed
	 */
	boolean raiseLevel(Grade grade, Actor actor, Instant now) {
		if (!this.status.isOpen() || this.levelOverridden || !grade.level().isHigherThan(this.level)) {
			return false;
		}
		TriageLevel old = this.level;
		Set<TriageMark> merged = EnumSet.noneOf(TriageMark.class);
		merged.addAll(marks());
		merged.addAll(grade.marks());
		this.level = grade.level();
		this.marks = join(merged);
		this.triageScore = Math.max(this.triageScore, grade.score());
		this.triageReasons = grade.reasonsText();
		record(actor, now, "LEVEL_RAISED", this.status, this.status, old + " → " + grade.level() + ": " + grade.summary());
		registerEvent(new TicketLevelChanged(this.id, this.ticketNo, old, grade.level(), false, now));
		return true;
	}

	/** Adds marks (e.g. CLUSTER) found beyond this ticket, keeping the level at least {@code floor}. */
	boolean markCluster(TriageLevel floor, String note, Actor actor, Instant now) {
		Set<TriageMark> current = marks();
		boolean raise = !this.levelOverridden && floor.isHigherThan(this.level);
		if (current.contains(TriageMark.CLUSTER) && !raise) {
			return false;
		}
		TriageLevel old = this.level;
		current.add(TriageMark.CLUSTER);
		this.marks = join(current);
		if (raise) {
			this.level = floor;
			registerEvent(new TicketLevelChanged(this.id, this.ticketNo, old, floor, false, now));
		}
		record(actor, now, "CLUSTER_MARKED", this.status, this.status, note);
		return true;
	}

	/** 追加诉求: the caller rang again about this open matter. */
	void addFollowUp(String text, Actor actor, Instant now) {
		check(Step.FOLLOW_UP);
		record(actor, now, "FOLLOW_UP", this.status, this.status, text);
		registerEvent(new FollowUpAdded(this.id, this.ticketNo, text, now));
	}

	/** 催办 / 督办: recorded on the timeline; the supervision module tracks orders. */
	void remind(String kind, String note, Actor actor, Instant now) {
		check(Step.REMIND);
		record(actor, now, kind, this.status, this.status, note);
	}

	/**
	 * A note about the ticket's linkage with another platform (跨市转办): recorded in any status, changes nothing else.
	 */
	void noteLinkage(String note, Actor actor, Instant now) {
		record(actor, now, "TRANSFERRED", this.status, this.status, note);
	}

	private TicketStatus check(Step step) {
		if (!this.status.allows(step)) {
			throw new IllegalTransitionException(this.ticketNo, this.status, step);
		}
		return this.status;
	}

	private void applyGrade(Grade grade) {
		this.level = grade.level();
		this.marks = join(grade.marks());
		this.triageScore = grade.score();
		this.triageReasons = grade.reasonsText();
		this.ruleSetVersion = grade.ruleSetVersion();
	}

	private void record(Actor actor, Instant now, String type, TicketStatus from, TicketStatus to, String note) {
		this.timeline.add(new TicketEventRecord(this, now, actor.username(), actor.unitId(), type, from, to, note));
		this.updatedAt = now;
	}

	private static String join(Set<TriageMark> marks) {
		return marks.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	/** Timeline entries recorded since load, to be saved with the ticket. */
	List<TicketEventRecord> drainTimeline() {
		List<TicketEventRecord> drained = List.copyOf(this.timeline);
		this.timeline.clear();
		return drained;
	}

	Set<TriageMark> marks() {
		if (this.marks == null || this.marks.isBlank()) {
			return EnumSet.noneOf(TriageMark.class);
		}
		return Arrays.stream(this.marks.split(","))
			.map(TriageMark::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(TriageMark.class)));
	}

	boolean isHeldBy(long unitId) {
		return this.leadUnitId != null && this.leadUnitId == unitId;
	}

	boolean isAssistedBy(long unitId) {
		return this.assistUnitIds.contains(unitId);
	}

	Set<Long> getAssistUnitIds() {
		return Set.copyOf(this.assistUnitIds);
	}

	Long getId() {
		return this.id;
	}

	String getTicketNo() {
		return this.ticketNo;
	}

	TicketStatus getStatus() {
		return this.status;
	}

	TriageLevel getLevel() {
		return this.level;
	}

	int getTriageScore() {
		return this.triageScore;
	}

	String getTriageReasons() {
		return this.triageReasons;
	}

	Integer getRuleSetVersion() {
		return this.ruleSetVersion;
	}

	boolean isLevelOverridden() {
		return this.levelOverridden;
	}

	String getCallerName() {
		return this.callerName;
	}

	String getCallerPhoneEnc() {
		return this.callerPhoneEnc;
	}

	String getCallerPhoneMasked() {
		return this.callerPhoneMasked;
	}

	boolean isAnonymous() {
		return this.anonymous;
	}

	boolean isConfidential() {
		return this.confidential;
	}

	String getAddress() {
		return this.address;
	}

	String getDistrictCode() {
		return this.districtCode;
	}

	Instant getOccurredAt() {
		return this.occurredAt;
	}

	String getDescription() {
		return this.description;
	}

	RequestType getRequestType() {
		return this.requestType;
	}

	String getCategoryCode() {
		return this.categoryCode;
	}

	Channel getChannel() {
		return this.channel;
	}

	ServiceLine getServiceLine() {
		return this.serviceLine;
	}

	boolean isVulnerable() {
		return this.vulnerable;
	}

	Long getLeadUnitId() {
		return this.leadUnitId;
	}

	Instant getDispatchedAt() {
		return this.dispatchedAt;
	}

	Instant getAcceptDueAt() {
		return this.acceptDueAt;
	}

	Instant getAcceptedAt() {
		return this.acceptedAt;
	}

	Instant getReplyDueAt() {
		return this.replyDueAt;
	}

	Instant getRepliedAt() {
		return this.repliedAt;
	}

	Instant getCallbackDueAt() {
		return this.callbackDueAt;
	}

	Instant getClosedAt() {
		return this.closedAt;
	}

	ReplyOutcome getReplyOutcome() {
		return this.replyOutcome;
	}

	String getReplyAnswer() {
		return this.replyAnswer;
	}

	String getDirectAnswer() {
		return this.directAnswer;
	}

	int getCallbackAttempts() {
		return this.callbackAttempts;
	}

	Boolean getCallbackReached() {
		return this.callbackReached;
	}

	Boolean getCallbackSolved() {
		return this.callbackSolved;
	}

	Satisfaction getSatisfaction() {
		return this.satisfaction;
	}

	CloseReason getCloseReason() {
		return this.closeReason;
	}

	int getReturnCount() {
		return this.returnCount;
	}

	int getReopenCount() {
		return this.reopenCount;
	}

	boolean isExtensionPending() {
		return this.extensionPending;
	}

	Long getMasterId() {
		return this.masterId;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

	Long getVersion() {
		return this.version;
	}

	List<Object> pendingEvents() {
		return Collections.unmodifiableList(new ArrayList<>(domainEvents()));
	}

}
