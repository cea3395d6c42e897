package org.hotline12345.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.hotline12345.api.ApiValidation.Errors;
import org.hotline12345.api.TicketRequests.Callback;
import org.hotline12345.api.TicketRequests.Close;
import org.hotline12345.api.TicketRequests.CreateOutcome;
import org.hotline12345.api.TicketRequests.CreateTicket;
import org.hotline12345.api.TicketRequests.DirectAnswer;
import org.hotline12345.api.TicketRequests.Dispatch;
import org.hotline12345.api.TicketRequests.Extension;
import org.hotline12345.api.TicketRequests.ExtensionDecision;
import org.hotline12345.api.TicketRequests.FollowUp;
import org.hotline12345.api.TicketRequests.Merge;
import org.hotline12345.api.TicketRequests.OverrideLevel;
import org.hotline12345.api.TicketRequests.Progress;
import org.hotline12345.api.TicketRequests.Reopen;
import org.hotline12345.api.TicketRequests.Reply;
import org.hotline12345.api.TicketRequests.Return;
import org.hotline12345.api.TicketRequests.Review;
import org.hotline12345.api.TicketRequests.SubDispatch;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.shared.PhoneNumber;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.CloseReason;
import org.hotline12345.ticket.DuplicateSubmissionException;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.TicketChangedConcurrentlyException;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketNotFoundException;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketQueries.TicketFilter;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TicketSummary;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ticket API: register, read, list, and every step of the closed loop, through the same {@link TicketWorkflow}
 * and {@link TicketQueries} as the screens, as the calling account (same role, same unit). Each step answers the
 * ticket as {@code GET} shows it. An optional {@code If-Match: "<version>"} refuses a step on a ticket that changed
 * since the caller read it (409).
 */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketApiController implements ApiEndpoint {

	private static final Pattern TICKET_NO = Pattern.compile("[A-Za-z0-9-]{1,24}");

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,50}");

	/** Clocks of channels and callers may run a little ahead of ours. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final Set<CloseReason> MANUAL_CLOSE = EnumSet.of(CloseReason.UNREASONABLE, CloseReason.DUPLICATE,
			CloseReason.UNREACHED, CloseReason.CITIZEN_RATED);

	private final TicketWorkflow workflow;

	private final TicketQueries queries;

	private final DepartmentDirectory directory;

	private final ApiValidation validation;

	private final TicketViews views;

	private final ApiTriage triage;

	private final ApiSettings settings;

	private final Clock clock;

	TicketApiController(TicketWorkflow workflow, TicketQueries queries, DepartmentDirectory directory,
			ApiValidation validation, TicketViews views, ApiTriage triage, ApiSettings settings, Clock clock) {
		this.workflow = workflow;
		this.queries = queries;
		this.directory = directory;
		this.validation = validation;
		this.views = views;
		this.triage = triage;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * 受理. With an {@code Idempotency-Key} (per account), a repeated or concurrent request answers the ticket the key
	 * created, 200 instead of 201, and creates nothing.
	 */
	@PostMapping
	ResponseEntity<TicketViews.Created> create(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody(required = false) CreateTicket body, @AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.OPERATOR);
		String scopedKey = null;
		if (key != null) {
			if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
				this.validation.errors().reject("Idempotency-Key", "api.field.idempotencyKey").throwIfAny();
			}
			scopedKey = "api:" + user.getUsername() + ":" + key;
			Optional<String> existing = this.workflow.ticketFor(scopedKey);
			if (existing.isPresent()) {
				return created(existing.get(), false, user);
			}
		}
		Errors errors = this.validation.check(body);
		if (body != null) {
			if (!errors.has("callerPhone") && !PhoneNumber.isValid(body.callerPhone())) {
				errors.reject("callerPhone", "api.field.phone");
			}
			if (body.districtCode() != null && !errors.has("districtCode") && !isTerritory(body.districtCode())) {
				errors.reject("districtCode", "api.field.unknownDistrict");
			}
			if (body.categoryCode() != null && !errors.has("categoryCode") && !isActiveCategory(body.categoryCode())) {
				errors.reject("categoryCode", "api.field.unknownCategory");
			}
			if (body.occurredAt() != null && body.occurredAt().isAfter(now().plus(CLOCK_SKEW))) {
				errors.reject("occurredAt", "api.field.future");
			}
		}
		errors.throwIfAny();
		boolean anonymous = Boolean.TRUE.equals(body.anonymous());
		NewTicket request = new NewTicket(anonymous ? null : trimToNull(body.callerName()),
				PhoneNumber.normalize(body.callerPhone()), anonymous, Boolean.TRUE.equals(body.confidential()),
				trimToNull(body.address()), trimToNull(body.districtCode()), body.occurredAt(),
				body.description().strip(), body.requestType(), trimToNull(body.categoryCode()), body.channel(),
				body.serviceLine(), Boolean.TRUE.equals(body.vulnerable()), scopedKey);
		TicketWorkflow.Outcome outcome = (body.outcome() == CreateOutcome.REGISTER_ONLY)
				? TicketWorkflow.Outcome.REGISTER_ONLY : TicketWorkflow.Outcome.QUEUE;
		try {
			TicketWorkflow.Registration registration = this.workflow.register(request, this.triage.grade(request),
					outcome, null, Actor.of(user));
			if (registration.ticket() != null) {
				return created(registration.ticket(), registration.created());
			}
			return created(registration.ticketNo(), registration.created(), user);
		}
		catch (DuplicateSubmissionException ex) {
			// A concurrent request with the same key won; its ticket is the answer.
			String ticketNo = this.workflow.ticketFor(scopedKey).orElseThrow(() -> ex);
			return created(ticketNo, false, user);
		}
	}

	@GetMapping("/{ticketNo}")
	ResponseEntity<TicketViews.Ticket> ticket(@PathVariable String ticketNo, @AuthenticationPrincipal HotlineUser user) {
		return answer(ticketNo, user);
	}

	/** Tickets newest first, a page at a time; unit staff only ever get their own unit's. */
	@GetMapping
	TicketViews.Page list(@RequestParam(required = false) TicketStatus status,
			@RequestParam(required = false) TriageLevel level, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal HotlineUser user) {
		if (page < 1 || page > 10_000) {
			this.validation.errors().reject("page", "api.field.page").throwIfAny();
		}
		int size = this.settings.pageSize();
		List<TicketSummary> rows = this.queries.search(new TicketFilter(status, level, trimToNull(unit), null), user,
				(page - 1) * size, size + 1);
		boolean hasMore = rows.size() > size;
		List<TicketViews.ListItem> items = rows.stream().limit(size).map(this.views::item).toList();
		return new TicketViews.Page(page, size, hasMore, items);
	}

	@PostMapping("/{ticketNo}/direct-answer")
	ResponseEntity<TicketViews.Ticket> directAnswer(@PathVariable String ticketNo,
			@RequestBody(required = false) DirectAnswer body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.OPERATOR);
		String no = known(ticketNo);
		this.validation.check(body).throwIfAny();
		this.workflow.answerDirectly(no, body.answer().strip(), version(ifMatch), Actor.of(user));
		return answer(no, user);
	}

	/** 登记派单: a ticket registered only goes into the urgent or routine queue. */
	@PostMapping("/{ticketNo}/queue")
	ResponseEntity<TicketViews.Ticket> queue(@PathVariable String ticketNo,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.OPERATOR);
		String no = known(ticketNo);
		checkVersion(no, ifMatch, user);
		this.workflow.queue(no, Actor.of(user));
		return answer(no, user);
	}

	@PostMapping("/{ticketNo}/dispatch")
	ResponseEntity<TicketViews.Ticket> dispatch(@PathVariable String ticketNo,
			@RequestBody(required = false) Dispatch body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.OPERATOR, Role.SUPERVISOR);
		String no = known(ticketNo);
		Errors errors = this.validation.check(body);
		if (body != null) {
			if (!errors.has("leadUnitCode") && !isDispatchable(body.leadUnitCode())) {
				errors.reject("leadUnitCode", "api.field.unknownUnit");
			}
			List<String> assists = (body.assistUnitCodes() != null) ? body.assistUnitCodes() : List.of();
			for (int i = 0; i < assists.size(); i++) {
				String field = "assistUnitCodes[" + i + "]";
				if (!errors.has(field) && !isDispatchable(assists.get(i))) {
					errors.reject(field, "api.field.unknownUnit");
				}
			}
		}
		errors.throwIfAny();
		List<String> assists = (body.assistUnitCodes() != null) ? body.assistUnitCodes() : List.of();
		this.workflow.dispatch(no, body.leadUnitCode(), assists, trimToNull(body.note()), version(ifMatch),
				Actor.of(user));
		return answer(no, user);
	}

	@PostMapping("/{ticketNo}/accept")
	ResponseEntity<TicketViews.Ticket> accept(@PathVariable String ticketNo,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.UNIT_STAFF);
		String no = known(ticketNo);
		this.workflow.accept(no, version(ifMatch), Actor.of(user));
		return answer(no, user);
	}

	@PostMapping("/{ticketNo}/return")
	ResponseEntity<TicketViews.Ticket> returnToCentre(@PathVariable String ticketNo,
			@RequestBody(required = false) Return body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.UNIT_STAFF);
		String no = known(ticketNo);
		this.validation.check(body).throwIfAny();
		this.workflow.returnToCentre(no, body.reason().strip(), version(ifMatch), Actor.of(user));
		return answer(no, user);
	}

	/** 下派: a district's staff pass the ticket to one of its streets. */
	@PostMapping("/{ticketNo}/sub-dispatch")
	ResponseEntity<TicketViews.Ticket> subDispatch(@PathVariable String ticketNo,
			@RequestBody(required = false) SubDispatch body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.UNIT_STAFF);
		String no = known(ticketNo);
		Errors errors = this.validation.check(body);
		if (body != null && !errors.has("streetCode") && !isDispatchable(body.streetCode())) {
			errors.reject("streetCode", "api.field.unknownUnit");
		}
		errors.throwIfAny();
		this.workflow.subDispatch(no, body.streetCode(), trimToNull(body.note()), version(ifMatch), Actor.of(user));
		return answer(no, user);
	}

	@PostMapping("/{ticketNo}/progress")
	ResponseEntity<TicketViews.Ticket> progress(@PathVariable String ticketNo,
			@RequestBody(required = false) Progress body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.UNIT_STAFF);
		String no = known(ticketNo);
		this.validation.check(body).throwIfAny();
		checkVersion(no, ifMatch, user);
		this.workflow.addProgress(no, body.note().strip(), Actor.of(user));
		return answer(no, user);
	}

	/** 延期申请: before the reply deadline, to a later one; a supervisor decides. */
	@PostMapping("/{ticketNo}/extension")
	ResponseEntity<TicketViews.Ticket> extension(@PathVariable String ticketNo,
			@RequestBody(required = false) Extension body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.UNIT_STAFF);
		String no = known(ticketNo);
		Errors errors = this.validation.check(body);
		TicketDetails ticket = visible(no, user);
		if (body != null && body.until() != null) {
			if (!body.until().isAfter(now())) {
				errors.reject("until", "api.field.notFuture");
			}
			else if (ticket.replyDueAt() != null && !body.until().isAfter(ticket.replyDueAt())) {
				errors.reject("until", "api.field.extensionNotLater");
			}
		}
		errors.throwIfAny();
		checkVersion(ticket, ifMatch);
		if (ticket.status() == TicketStatus.IN_PROGRESS) {
			if (ticket.extensionPending()) {
				throw new ApiConflictException("api.conflict.extensionPending", no);
			}
			if (ticket.replyDueAt() != null && now().isAfter(ticket.replyDueAt())) {
				throw new ApiConflictException("api.conflict.extensionTooLate", no);
			}
		}
		this.workflow.requestExtension(no, body.until(), body.reason().strip(), Actor.of(user));
		return answer(no, user);
	}

	/**
	 * 延期审批 by a supervisor. The ticket does not keep the date the unit asked for, so an approval names the new
	 * reply deadline ({@code until}).
	 */
	@PostMapping("/{ticketNo}/extension/decision")
	ResponseEntity<TicketViews.Ticket> decideExtension(@PathVariable String ticketNo,
			@RequestBody(required = false) ExtensionDecision body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.SUPERVISOR);
		String no = known(ticketNo);
		Errors errors = this.validation.check(body);
		if (body != null && Boolean.TRUE.equals(body.approve())) {
			if (body.until() == null) {
				errors.reject("until", "api.field.untilRequired");
			}
			else if (!body.until().isAfter(now())) {
				errors.reject("until", "api.field.notFuture");
			}
		}
		errors.throwIfAny();
		TicketDetails ticket = visible(no, user);
		checkVersion(ticket, ifMatch);
		if (ticket.status() == TicketStatus.IN_PROGRESS && !ticket.extensionPending()) {
			throw new ApiConflictException("api.conflict.noExtensionPending", no);
		}
		this.workflow.decideExtension(no, body.approve(), body.approve() ? body.until() : null, trimToNull(body.note()),
				Actor.of(user));
		return answer(no, user);
	}

	@PostMapping("/{ticketNo}/reply")
	ResponseEntity<TicketViews.Ticket> reply(@PathVariable String ticketNo, @RequestBody(required = false) Reply body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.UNIT_STAFF);
		String no = known(ticketNo);
		this.validation.check(body).throwIfAny();
		this.workflow.reply(no, body.outcome(), body.answer().strip(), version(ifMatch), Actor.of(user));
		return answer(no, user);
	}

	@PostMapping("/{ticketNo}/review")
	ResponseEntity<TicketViews.Ticket> review(@PathVariable String ticketNo, @RequestBody(required = false) Review body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.OPERATOR, Role.SUPERVISOR);
		String no = known(ticketNo);
		this.validation.check(body).throwIfAny();
		checkVersion(no, ifMatch, user);
		this.workflow.review(no, body.approve(), trimToNull(body.note()), Actor.of(user));
		return answer(no, user);
	}

	/** 回访: a reached citizen's satisfaction is required; the third unreached attempt closes the ticket. */
	@PostMapping("/{ticketNo}/callback")
	ResponseEntity<TicketViews.Ticket> callback(@PathVariable String ticketNo,
			@RequestBody(required = false) Callback body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.OPERATOR);
		String no = known(ticketNo);
		Errors errors = this.validation.check(body);
		if (body != null && Boolean.TRUE.equals(body.reached()) && body.satisfaction() == null) {
			errors.reject("satisfaction", "api.field.satisfactionRequired");
		}
		errors.throwIfAny();
		boolean reached = body.reached();
		this.workflow.recordCallback(no, reached, reached ? body.solved() : null, reached ? body.satisfaction() : null,
				trimToNull(body.note()), version(ifMatch), Actor.of(user));
		return answer(no, user);
	}

	@PostMapping("/{ticketNo}/reopen")
	ResponseEntity<TicketViews.Ticket> reopen(@PathVariable String ticketNo, @RequestBody(required = false) Reopen body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.OPERATOR, Role.SUPERVISOR);
		String no = known(ticketNo);
		this.validation.check(body).throwIfAny();
		checkVersion(no, ifMatch, user);
		this.workflow.reopen(no, body.reason().strip(), Actor.of(user));
		return answer(no, user);
	}

	/** Closed by a supervisor's ruling: unreasonable, duplicate, unreached, or rated by the citizen online. */
	@PostMapping("/{ticketNo}/close")
	ResponseEntity<TicketViews.Ticket> close(@PathVariable String ticketNo, @RequestBody(required = false) Close body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.SUPERVISOR);
		String no = known(ticketNo);
		Errors errors = this.validation.check(body);
		if (body != null && body.reason() != null && !MANUAL_CLOSE.contains(body.reason())) {
			errors.reject("reason", "api.field.closeReason");
		}
		errors.throwIfAny();
		checkVersion(no, ifMatch, user);
		this.workflow.close(no, body.reason(), trimToNull(body.note()), Actor.of(user));
		return answer(no, user);
	}

	/** 追加诉求: the caller rang again about this open matter. */
	@PostMapping("/{ticketNo}/follow-up")
	ResponseEntity<TicketViews.Ticket> followUp(@PathVariable String ticketNo,
			@RequestBody(required = false) FollowUp body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.OPERATOR);
		String no = known(ticketNo);
		this.validation.check(body).throwIfAny();
		checkVersion(no, ifMatch, user);
		this.workflow.addFollowUp(no, body.text().strip(), Actor.of(user));
		return answer(no, user);
	}

	@PostMapping("/{ticketNo}/override-level")
	ResponseEntity<TicketViews.Ticket> overrideLevel(@PathVariable String ticketNo,
			@RequestBody(required = false) OverrideLevel body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.OPERATOR, Role.SUPERVISOR);
		String no = known(ticketNo);
		this.validation.check(body).throwIfAny();
		checkVersion(no, ifMatch, user);
		this.workflow.overrideLevel(no, body.level(), body.reason().strip(), Actor.of(user));
		return answer(no, user);
	}

	/** 并案: this ticket becomes a child of {@code masterNo}. */
	@PostMapping("/{ticketNo}/merge")
	ResponseEntity<TicketViews.Ticket> merge(@PathVariable String ticketNo, @RequestBody(required = false) Merge body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal HotlineUser user) {
		requireRole(user, Role.OPERATOR, Role.SUPERVISOR);
		String no = known(ticketNo);
		Errors errors = this.validation.check(body);
		if (body != null && no.equals(body.masterNo())) {
			errors.reject("masterNo", "api.field.masterSelf");
		}
		errors.throwIfAny();
		checkVersion(no, ifMatch, user);
		if (this.queries.find(body.masterNo(), user).isEmpty()) {
			errors.reject("masterNo", "api.field.unknownTicket").throwIfAny();
		}
		this.workflow.merge(no, body.masterNo(), Actor.of(user));
		return answer(no, user);
	}

	private ResponseEntity<TicketViews.Created> created(String ticketNo, boolean created, HotlineUser user) {
		return created(visible(ticketNo, user), created);
	}

	private ResponseEntity<TicketViews.Created> created(TicketDetails details, boolean created) {
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/tickets/" + details.ticketNo()))
			.eTag(etag(details))
			.body(this.views.created(details));
	}

	private ResponseEntity<TicketViews.Ticket> answer(String ticketNo, HotlineUser user) {
		String no = known(ticketNo);
		TicketDetails details = visible(no, user);
		return ResponseEntity.ok().header(HttpHeaders.ETAG, etag(details)).body(this.views.ticket(details));
	}

	private TicketDetails visible(String ticketNo, HotlineUser user) {
		return this.queries.find(ticketNo, user).orElseThrow(() -> new TicketNotFoundException(ticketNo));
	}

	/** A number that cannot be a ticket's is simply not found, without asking the database. */
	private static String known(String ticketNo) {
		if (!TICKET_NO.matcher(ticketNo).matches()) {
			throw new TicketNotFoundException("?");
		}
		return ticketNo;
	}

	private static String etag(TicketDetails details) {
		return "\"" + details.version() + "\"";
	}

	/** {@code If-Match: "7"} (quotes and a weak prefix tolerated); {@code null} when absent. */
	private Long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		String value = ifMatch.strip();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			this.validation.errors().reject("If-Match", "api.field.ifMatch").throwIfAny();
			return null;
		}
	}

	/** For steps whose workflow command takes no version: compared with the ticket just before the step. */
	private void checkVersion(String ticketNo, String ifMatch, HotlineUser user) {
		Long expected = version(ifMatch);
		if (expected != null) {
			checkVersion(visible(ticketNo, user), ifMatch);
		}
	}

	private void checkVersion(TicketDetails ticket, String ifMatch) {
		Long expected = version(ifMatch);
		if (expected != null && expected != ticket.version()) {
			throw new TicketChangedConcurrentlyException(ticket.ticketNo());
		}
	}

	private static void requireRole(HotlineUser user, Role... roles) {
		for (Role role : roles) {
			if (user.hasRole(role)) {
				return;
			}
		}
		throw new AccessDeniedException(user.role() + " may not take this step");
	}

	private boolean isTerritory(String code) {
		return this.directory.units()
			.stream()
			.anyMatch((unit) -> unit.code().equals(code) && unit.districtCode() != null);
	}

	private boolean isActiveCategory(String code) {
		return this.directory.categories().stream().anyMatch((category) -> category.code().equals(code));
	}

	private boolean isDispatchable(String code) {
		return this.directory.units()
			.stream()
			.map(UnitView::code)
			.anyMatch((unitCode) -> unitCode.equals(code) && !"center".equals(unitCode));
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static String trimToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
