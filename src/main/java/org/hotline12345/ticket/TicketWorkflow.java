package org.hotline12345.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.shared.PersonalDataProtection;
import org.hotline12345.user.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way to change a ticket. Each command checks who may take the step (role, and for unit staff their own
 * unit), loads the ticket, lets the aggregate check and take the step, saves it with its timeline and audit record in
 * one transaction. A ticket a unit may not see is reported as not found, so its existence does not leak.
 */
@Service
@Transactional
public class TicketWorkflow {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final TicketRepository tickets;

	private final TicketEventRepository timeline;

	private final DeadlinePolicy deadlines;

	private final DepartmentDirectory directory;

	private final PersonalDataProtection protection;

	private final AuditLog audit;

	private final TicketDetailsAssembler assembler;

	private final Clock clock;

	private final String numberPrefix;

	private final TicketPartitions partitions;

	TicketWorkflow(TicketRepository tickets, TicketEventRepository timeline, DeadlinePolicy deadlines,
			DepartmentDirectory directory, PersonalDataProtection protection, AuditLog audit,
			TicketDetailsAssembler assembler, Clock clock,
			@Value("${hotline.ticket.number-prefix:NT}") String numberPrefix, TicketPartitions partitions) {
		this.partitions = partitions;
		this.tickets = tickets;
		this.timeline = timeline;
		this.deadlines = deadlines;
		this.directory = directory;
		this.protection = protection;
		this.audit = audit;
		this.assembler = assembler;
		this.clock = clock;
		this.numberPrefix = numberPrefix;
	}

	/** What the operator chose at the end of the call. */
	public enum Outcome {

		/** 直接答复: answered on the call; the ticket closes at once. */
		DIRECT_ANSWER,

		/** 登记派单: into the urgent or routine queue. */
		QUEUE,

		/** Recorded only, in status REGISTERED (the API's plain create). */
		REGISTER_ONLY

	}

	/**
	 * 受理: registers a matter graded by triage. With an idempotency key already used, answers the ticket that key
	 * created and changes nothing, so a double click or a retried request never makes two tickets. A new ticket comes
	 * back as its creator sees it, built from what was written, so that answering it needs no further read.
	 */
	public Registration register(NewTicket request, Grade grade, Outcome outcome, String directAnswer, Actor actor) {
		// As the database keeps it (microseconds), so that the ticket answered is the ticket stored.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		// Before this transaction reads the ticket table: attaching a month needs a lock that such a read holds.
		this.partitions.ensure(now);
		if (request.idempotencyKey() != null) {
			Optional<Ticket> existing = this.tickets.findByIdempotencyKey(request.idempotencyKey());
			if (existing.isPresent()) {
				return new Registration(existing.get().getTicketNo(), false);
			}
		}
		requireAny(actor, Role.OPERATOR, null);
		checkCodes(request.categoryCode(), request.districtCode());
		long id = TicketIds.of(now, this.clock.getZone(), this.tickets.nextId());
		String ticketNo = ticketNo(id, now);
		Ticket ticket = Ticket.register(id, ticketNo, request, this.protection.protect(request.callerPhone()), grade,
				actor, now);
		switch (outcome) {
			case DIRECT_ANSWER -> ticket.answerDirectly(Objects.requireNonNull(directAnswer), actor, now);
			case QUEUE -> ticket.queue(actor, now);
			case REGISTER_ONLY -> {
			}
		}
		List<TicketEventRecord> entries;
		try {
			entries = save(ticket);
			this.tickets.flush();
		}
		catch (DataIntegrityViolationException ex) {
			// A concurrent request with the same key won the race; its ticket is the answer.
			if (request.idempotencyKey() != null) {
				throw new DuplicateSubmissionException(request.idempotencyKey());
			}
			throw ex;
		}
		audit(actor, "TICKET_CREATE", ticketNo, outcome.name());
		return new Registration(ticketNo, true,
				this.assembler.details(ticket, entries, null, List.of(), actor.is(Role.UNIT_STAFF)));
	}

	/**
	 * A registration's result: the ticket number, whether this call created it, and the new ticket as its creator
	 * sees it ({@code null} when an earlier call with the same idempotency key created it).
	 */
	public record Registration(String ticketNo, boolean created, TicketDetails ticket) {

		public Registration(String ticketNo, boolean created) {
			this(ticketNo, created, null);
		}

	}

	/** Answers the ticket number created for an idempotency key, if any. */
	@Transactional(readOnly = true)
	public Optional<String> ticketFor(String idempotencyKey) {
		return this.tickets.findByIdempotencyKey(idempotencyKey).map(Ticket::getTicketNo);
	}

	public void answerDirectly(String ticketNo, String answer, Long expectedVersion, Actor actor) {
		requireAny(actor, Role.OPERATOR, null);
		change(ticketNo, expectedVersion, actor, (ticket) -> ticket.answerDirectly(answer, actor, now()));
	}

	public void queue(String ticketNo, Actor actor) {
		requireAny(actor, Role.OPERATOR, null);
		change(ticketNo, null, actor, (ticket) -> ticket.queue(actor, now()));
	}

	/** 派单 to a lead unit and assisting units. After two returns only a supervisor may dispatch again. */
	public void dispatch(String ticketNo, String leadUnitCode, List<String> assistUnitCodes, String note,
			Long expectedVersion, Actor actor) {
		requireAny(actor, Role.OPERATOR, Role.SUPERVISOR);
		UnitView lead = unit(leadUnitCode);
		List<Long> assists = new ArrayList<>();
		for (String code : new LinkedHashSet<>(assistUnitCodes)) {
			UnitView assist = unit(code);
			if (assist.id() != lead.id()) {
				assists.add(assist.id());
			}
		}
		change(ticketNo, expectedVersion, actor, (ticket) -> {
			if (ticket.getReturnCount() >= 2 && !actor.is(Role.SUPERVISOR)) {
				throw new AccessDeniedException("Ticket returned twice: a supervisor rules on its dispatch");
			}
			Instant now = now();
			ticket.dispatch(lead.id(), assists, note,
					this.deadlines.forDispatch(ticket.getLevel(), ticket.getRequestType(), now), actor, now);
		});
		audit(actor, "TICKET_DISPATCH", ticketNo, lead.code());
	}

	public void accept(String ticketNo, Long expectedVersion, Actor actor) {
		change(ticketNo, expectedVersion, actor, (ticket) -> {
			requireLeadUnit(ticket, actor);
			ticket.accept(actor, now());
		});
	}

	public void returnToCentre(String ticketNo, String reason, Long expectedVersion, Actor actor) {
		change(ticketNo, expectedVersion, actor, (ticket) -> {
			requireLeadUnit(ticket, actor);
			ticket.returnToCentre(reason, actor, now());
		});
		audit(actor, "TICKET_RETURN", ticketNo, null);
	}

	/** 下派: a district's staff pass the ticket to one of the district's streets. */
	public void subDispatch(String ticketNo, String streetCode, String note, Long expectedVersion, Actor actor) {
		UnitView street = unit(streetCode);
		change(ticketNo, expectedVersion, actor, (ticket) -> {
			requireLeadUnit(ticket, actor);
			if (!street.code().equals(streetCode) || !this.directory.isWithin(street.id(), actor.unitId())
					|| street.id() == actor.unitId()) {
				throw new IllegalArgumentException("Unit " + streetCode + " is not below the acting unit");
			}
			ticket.subDispatch(street.id(), note, actor, now());
		});
		audit(actor, "TICKET_SUB_DISPATCH", ticketNo, streetCode);
	}

	/**
	 * 办理过程: a note on the timeline. Answers the id of the new timeline entry, so that what belongs to the note
	 * (site photos) can refer to it.
	 */
	public long addProgress(String ticketNo, String note, Actor actor) {
		List<TicketEventRecord> saved = change(ticketNo, null, actor, (ticket) -> {
			requireUnit(ticket, actor);
			ticket.addProgress(note, actor, now());
		});
		return saved.get(saved.size() - 1).getId();
	}

	public void requestExtension(String ticketNo, Instant until, String reason, Actor actor) {
		change(ticketNo, null, actor, (ticket) -> {
			requireLeadUnit(ticket, actor);
			Instant now = now();
			if (ticket.getReplyDueAt() != null && now.isAfter(ticket.getReplyDueAt())) {
				throw new IllegalArgumentException("An extension must be asked before the reply deadline");
			}
			if (ticket.getReplyDueAt() != null && !until.isAfter(ticket.getReplyDueAt())) {
				throw new IllegalArgumentException("The new deadline must be later than the current one");
			}
			ticket.requestExtension(until, reason, actor, now);
		});
	}

	public void decideExtension(String ticketNo, boolean approve, Instant until, String note, Actor actor) {
		requireAny(actor, Role.SUPERVISOR, null);
		change(ticketNo, null, actor, (ticket) -> ticket.decideExtension(approve, until, note, actor, now()));
		audit(actor, approve ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED", ticketNo, null);
	}

	/** 办理回复. A master's reply reaches its merged children, each of which gets its own callback. */
	public void reply(String ticketNo, ReplyOutcome outcome, String answer, Long expectedVersion, Actor actor) {
		change(ticketNo, expectedVersion, actor, (ticket) -> {
			requireLeadUnit(ticket, actor);
			Instant now = now();
			ticket.reply(outcome, answer, this.deadlines.reviewRequired(),
					this.deadlines.callbackDue(ticket.getLevel(), now), actor, now);
			for (Ticket child : this.tickets.findByMasterId(ticket.getId())) {
				if (child.getStatus() == TicketStatus.MERGED) {
					child.takeReplyFromMaster(ticket, this.deadlines.callbackDue(child.getLevel(), now), actor, now);
					save(child);
				}
			}
		});
	}

	public void review(String ticketNo, boolean approve, String note, Actor actor) {
		requireAny(actor, Role.OPERATOR, Role.SUPERVISOR);
		change(ticketNo, null, actor, (ticket) -> {
			Instant now = now();
			ticket.review(approve, note, this.deadlines.callbackDue(ticket.getLevel(), now), actor, now);
		});
	}

	public void recordCallback(String ticketNo, boolean reached, Boolean solved, Satisfaction satisfaction,
			String note, Long expectedVersion, Actor actor) {
		requireAny(actor, Role.OPERATOR, null);
		if (reached && satisfaction == null) {
			throw new IllegalArgumentException("A reached citizen's satisfaction is required");
		}
		change(ticketNo, expectedVersion, actor,
				(ticket) -> ticket.recordCallback(reached, solved, satisfaction, note, actor, now()));
		audit(actor, "TICKET_CALLBACK", ticketNo, reached ? String.valueOf(satisfaction) : "UNREACHED");
	}

	/**
	 * 网上评价: the citizen rates the outcome on the portal before the operator calls. It counts as the callback and
	 * closes the ticket with {@link CloseReason#CITIZEN_RATED}. Only a system actor (no role) such as the portal may.
	 */
	public void recordCitizenRating(String ticketNo, Boolean solved, Satisfaction satisfaction, String note,
			Actor actor) {
		if (actor.role() != null) {
			throw new AccessDeniedException(actor.role() + " may not record a citizen's own rating");
		}
		Objects.requireNonNull(satisfaction, "satisfaction");
		change(ticketNo, null, actor, (ticket) -> ticket.recordCallback(true, solved, satisfaction, note,
				CloseReason.CITIZEN_RATED, actor, now()));
		audit(actor, "TICKET_CITIZEN_RATING", ticketNo, satisfaction.name());
	}

	/**
	 * 跨市转办: a timeline entry (type TRANSFERRED) about the ticket's linkage with another city's platform, in any
	 * status. Only a system actor (no role) records it; the interop module checks who asked.
	 */
	public void noteLinkage(String ticketNo, String note, Actor actor) {
		if (actor.role() != null) {
			throw new AccessDeniedException(actor.role() + " may not record a linkage note");
		}
		change(ticketNo, null, actor, (ticket) -> ticket.noteLinkage(note, actor, now()));
	}

	/** 重办: back to the unit with a new deadline. A closed ticket only a supervisor reopens. */
	public void reopen(String ticketNo, String reason, Actor actor) {
		requireAny(actor, Role.OPERATOR, Role.SUPERVISOR);
		change(ticketNo, null, actor, (ticket) -> {
			if (ticket.getStatus() == TicketStatus.CLOSED && !actor.is(Role.SUPERVISOR)) {
				throw new AccessDeniedException("Only a supervisor reopens a closed ticket");
			}
			Instant now = now();
			ticket.reopen(reason, this.deadlines.reopenReplyDue(ticket.getLevel(), now), actor, now);
		});
		audit(actor, "TICKET_REOPEN", ticketNo, null);
	}

	public void close(String ticketNo, CloseReason reason, String note, Actor actor) {
		requireAny(actor, Role.SUPERVISOR, null);
		change(ticketNo, null, actor, (ticket) -> ticket.close(reason, note, actor, now()));
		audit(actor, "TICKET_CLOSE", ticketNo, reason.name());
	}

	/** 母子工单: {@code childNo} joins {@code masterNo}; the unit acts once, on the master. */
	public void merge(String childNo, String masterNo, Actor actor) {
		requireAny(actor, Role.OPERATOR, Role.SUPERVISOR);
		Ticket master = this.tickets.findByTicketNo(masterNo).orElseThrow(() -> new TicketNotFoundException(masterNo));
		change(childNo, null, actor, (child) -> {
			child.mergeInto(master, actor, now());
			save(master);
		});
		audit(actor, "TICKET_MERGE", childNo, masterNo);
	}

	public void overrideLevel(String ticketNo, TriageLevel level, String reason, Actor actor) {
		requireAny(actor, Role.OPERATOR, Role.SUPERVISOR);
		change(ticketNo, null, actor, (ticket) -> ticket.overrideLevel(level, reason, actor, now()));
	}

	/** 慢转急 by the system: only ever raises, never undoes a person's override. */
	public boolean raiseLevel(String ticketNo, Grade grade) {
		boolean[] raised = new boolean[1];
		change(ticketNo, null, Actor.SYSTEM, (ticket) -> raised[0] = ticket.raiseLevel(grade, Actor.SYSTEM, now()));
		return raised[0];
	}

	/** 集中: the ticket belongs to a cluster; at least {@code floor}. */
	public boolean markCluster(String ticketNo, TriageLevel floor, String note) {
		boolean[] marked = new boolean[1];
		change(ticketNo, null, Actor.SYSTEM,
				(ticket) -> marked[0] = ticket.markCluster(floor, note, Actor.SYSTEM, now()));
		return marked[0];
	}

	public void addFollowUp(String ticketNo, String text, Actor actor) {
		requireAny(actor, Role.OPERATOR, null);
		change(ticketNo, null, actor, (ticket) -> ticket.addFollowUp(text, actor, now()));
	}

	/** 催办 (REMINDER) or 督办 (SUPERVISION_ORDER), on the timeline. */
	public void remind(String ticketNo, String kind, String note, Actor actor) {
		change(ticketNo, null, actor, (ticket) -> ticket.remind(kind, note, actor, now()));
	}

	private List<TicketEventRecord> change(String ticketNo, Long expectedVersion, Actor actor, Consumer<Ticket> step) {
		Ticket ticket = this.tickets.findByTicketNo(ticketNo).orElseThrow(() -> new TicketNotFoundException(ticketNo));
		if (actor.is(Role.UNIT_STAFF) && !mayUnitSee(ticket, actor.unitId())) {
			throw new TicketNotFoundException(ticketNo);
		}
		if (expectedVersion != null && !expectedVersion.equals(ticket.getVersion())) {
			throw new TicketChangedConcurrentlyException(ticketNo);
		}
		step.accept(ticket);
		return save(ticket);
	}

	private List<TicketEventRecord> save(Ticket ticket) {
		List<TicketEventRecord> entries = ticket.drainTimeline();
		this.tickets.save(ticket);
		return this.timeline.saveAll(entries);
	}

	boolean mayUnitSee(Ticket ticket, Long unitId) {
		return unitId != null && (ticket.isHeldBy(unitId) || ticket.isAssistedBy(unitId)
				|| (ticket.getId() != null && this.timeline.unitHasActedOn(ticket, unitId)));
	}

	private static void requireLeadUnit(Ticket ticket, Actor actor) {
		if (!actor.is(Role.UNIT_STAFF)) {
			throw new AccessDeniedException("Only the unit's staff take this step");
		}
		if (!ticket.isHeldBy(actor.unitId())) {
			// Seen by an assisting or former unit, but only the lead unit acts.
			throw new AccessDeniedException("Only the lead unit takes this step on " + ticket.getTicketNo());
		}
	}

	private static void requireUnit(Ticket ticket, Actor actor) {
		if (!actor.is(Role.UNIT_STAFF)
				|| !(ticket.isHeldBy(actor.unitId()) || ticket.isAssistedBy(actor.unitId()))) {
			throw new AccessDeniedException("Only the lead or an assisting unit adds progress");
		}
	}

	private static void requireAny(Actor actor, Role role, Role other) {
		if (actor == Actor.SYSTEM || actor.role() == null) {
			return;
		}
		if (actor.role() != role && actor.role() != other) {
			throw new AccessDeniedException(actor.role() + " may not take this step");
		}
	}

	private UnitView unit(String code) {
		return this.directory.unit(code).orElseThrow(() -> new UnknownCodeException("unit", code));
	}

	private void checkCodes(String categoryCode, String districtCode) {
		if (categoryCode != null && this.directory.category(categoryCode).isEmpty()) {
			throw new UnknownCodeException("category", categoryCode);
		}
		if (districtCode != null && this.directory.unit(districtCode).isEmpty()) {
			throw new UnknownCodeException("district", districtCode);
		}
	}

	/** {@code NT} + the day + six digits: human-friendly to read out, unique, and sortable within a day. */
	private String ticketNo(long id, Instant now) {
		return this.numberPrefix + LocalDate.ofInstant(now, this.clock.getZone()).format(DAY)
				+ String.format("%06d", id % 1_000_000);
	}

	private void audit(Actor actor, String type, String ticketNo, String detail) {
		this.audit.record(new AuditEvent(type, actor.username(), null, "TICKET", ticketNo,
				AuditEvent.Outcome.SUCCESS, detail));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
