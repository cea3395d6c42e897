package org.hotline12345.handling;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.handling.TicketAttachments.Photo;
import org.hotline12345.handling.TicketAttachments.RefusedPhoto;
import org.hotline12345.handling.UnitForms.AcceptForm;
import org.hotline12345.handling.UnitForms.ExtensionForm;
import org.hotline12345.handling.UnitForms.ProgressForm;
import org.hotline12345.handling.UnitForms.ReplyForm;
import org.hotline12345.handling.UnitForms.ReturnForm;
import org.hotline12345.handling.UnitForms.SubDispatchForm;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketMessages;
import org.hotline12345.ticket.TicketNotFoundException;
import org.hotline12345.ticket.QueueCursor;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketQueries.QueuePage;
import org.hotline12345.ticket.TicketQueries.UnitQueue;
import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.user.HotlineUser;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The unit staff's screens: their unit's queue, and a ticket's page with the steps its status allows. Every step
 * goes through {@link TicketWorkflow}, which checks the unit again: another unit's ticket is "not found" (404) however
 * its number is tried, by GET or by POST.
 */
@Controller
class UnitTicketController {

	static final int MAX_PHOTOS = 9;

	private final TicketQueries queries;

	private final TicketWorkflow workflow;

	private final UnitHandling handling;

	private final TicketAttachments attachments;

	private final DepartmentDirectory directory;

	private final MessageSource messages;

	private final Clock clock;

	UnitTicketController(TicketQueries queries, TicketWorkflow workflow, UnitHandling handling,
			TicketAttachments attachments, DepartmentDirectory directory, MessageSource messages, Clock clock) {
		this.queries = queries;
		this.workflow = workflow;
		this.handling = handling;
		this.attachments = attachments;
		this.directory = directory;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * A page of one of the unit's lists, {@value TicketQueries#PAGE_SIZE} tickets with the list's total: the first, or
	 * the one after {@code after}. To htmx ({@code HX-Request} with {@code after}) only the next rows and the next
	 * "更多"; a cursor the list cannot have produced gives the first page, or 400 to htmx, which then appends nothing.
	 */
	@GetMapping("/unit/tickets")
	String queue(@RequestParam(defaultValue = "NEW") String tab, @RequestParam(required = false) String after,
			@RequestHeader(name = "HX-Request", required = false) String htmx, @AuthenticationPrincipal HotlineUser user,
			Model model) {
		UnitQueue queue = parse(tab);
		QueueCursor cursor = null;
		if (after != null && !after.isBlank()) {
			cursor = this.queries.cursor(queue, after).orElse(null);
			if (cursor == null && htmx != null) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a cursor of this list: " + after);
			}
		}
		if (htmx != null && cursor != null) {
			fillRows(queue, cursor, user, model);
			return "handling/queue :: rows";
		}
		fillQueue(queue, cursor, user, model);
		return "handling/queue";
	}

	/** The first page's table alone, for the page's own polling (htmx). */
	@GetMapping("/unit/tickets/table")
	String table(@RequestParam(defaultValue = "NEW") String tab, @AuthenticationPrincipal HotlineUser user,
			Model model) {
		fillQueue(parse(tab), null, user, model);
		return "handling/queue :: table";
	}

	@GetMapping("/unit/tickets/{ticketNo}")
	String ticket(@PathVariable String ticketNo, @AuthenticationPrincipal HotlineUser user, Model model) {
		return page(ticketNo, user, model);
	}

	@PostMapping("/unit/tickets/{ticketNo}/accept")
	String accept(@PathVariable String ticketNo, @Valid AcceptForm acceptForm, BindingResult errors,
			@AuthenticationPrincipal HotlineUser user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return missingVersion(ticketNo, user, model, locale, response);
		}
		return attempt(ticketNo, user, model, locale, response,
				() -> this.workflow.accept(ticketNo, acceptForm.version(), Actor.of(user)), () -> {
					redirect.addFlashAttribute("message", "handling.accepted");
					return "redirect:/unit/tickets/" + ticketNo;
				});
	}

	@PostMapping("/unit/tickets/{ticketNo}/return")
	String returnToCentre(@PathVariable String ticketNo, @Valid ReturnForm returnForm, BindingResult errors,
			@AuthenticationPrincipal HotlineUser user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return page(ticketNo, user, model);
		}
		return attempt(ticketNo, user, model, locale, response, () -> this.workflow.returnToCentre(ticketNo,
				returnForm.reason().strip(), returnForm.version(), Actor.of(user)), () -> {
					redirect.addFlashAttribute("message", "handling.returned");
					return "redirect:/unit/tickets";
				});
	}

	/**
	 * 办理过程 with photos. A note only appends to the timeline and overwrites nothing, so it is not refused because a
	 * colleague changed the ticket meanwhile (the photos would be lost for nothing); the status check still applies.
	 */
	@PostMapping("/unit/tickets/{ticketNo}/progress")
	String progress(@PathVariable String ticketNo, @Valid ProgressForm progressForm, BindingResult errors,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@AuthenticationPrincipal HotlineUser user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		List<Photo> checked = new ArrayList<>();
		List<MultipartFile> chosen = (photos != null) ? photos.stream()
			.filter((file) -> !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())))
			.toList() : List.of();
		if (chosen.size() > MAX_PHOTOS) {
			model.addAttribute("photoError", this.messages.getMessage("handling.photo.tooMany",
					new Object[] { MAX_PHOTOS }, locale));
		}
		else {
			for (MultipartFile file : chosen) {
				try {
					checked.add(TicketAttachments.check(file));
				}
				catch (RefusedPhoto ex) {
					model.addAttribute("photoError",
							this.messages.getMessage(ex.messageKey(), new Object[] { ex.fileName() }, locale));
					break;
				}
			}
		}
		if (errors.hasErrors() || model.containsAttribute("photoError")) {
			return page(ticketNo, user, model);
		}
		return attempt(ticketNo, user, model, locale, response,
				() -> this.handling.addProgress(ticketNo, progressForm.note().strip(), checked, user), () -> {
					redirect.addFlashAttribute("message", "handling.progressSaved");
					return "redirect:/unit/tickets/" + ticketNo;
				});
	}

	@PostMapping("/unit/tickets/{ticketNo}/extension")
	String extension(@PathVariable String ticketNo, @Valid ExtensionForm extensionForm, BindingResult errors,
			@AuthenticationPrincipal HotlineUser user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		TicketDetails ticket = find(ticketNo, user);
		Instant until = null;
		if (!errors.hasErrors()) {
			until = extensionForm.until().atZone(this.clock.getZone()).toInstant();
			Instant now = this.clock.instant();
			if (extensionForm.version() != ticket.version()) {
				return conflict(ticketNo, user, model, locale, response);
			}
			if (ticket.status() == TicketStatus.IN_PROGRESS && ticket.extensionPending()) {
				errors.reject("handling.extension.pending");
			}
			else if (ticket.replyDueAt() != null && !now.isBefore(ticket.replyDueAt())) {
				errors.reject("handling.extension.tooLate");
			}
			else if (ticket.replyDueAt() != null && !until.isAfter(ticket.replyDueAt())) {
				errors.rejectValue("until", "handling.extension.until.notLater");
			}
		}
		if (errors.hasErrors()) {
			return page(ticketNo, user, model);
		}
		Instant newDeadline = until;
		return attempt(ticketNo, user, model, locale, response, () -> this.workflow.requestExtension(ticketNo,
				newDeadline, extensionForm.reason().strip(), Actor.of(user)), () -> {
					redirect.addFlashAttribute("message", "handling.extensionRequested");
					return "redirect:/unit/tickets/" + ticketNo;
				});
	}

	@PostMapping("/unit/tickets/{ticketNo}/reply")
	String reply(@PathVariable String ticketNo, @Valid ReplyForm replyForm, BindingResult errors,
			@AuthenticationPrincipal HotlineUser user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return page(ticketNo, user, model);
		}
		return attempt(ticketNo, user, model, locale, response, () -> this.workflow.reply(ticketNo,
				replyForm.outcome(), replyForm.answer().strip(), replyForm.version(), Actor.of(user)), () -> {
					redirect.addFlashAttribute("message", "handling.replied");
					return "redirect:/unit/tickets?tab=DONE";
				});
	}

	@PostMapping("/unit/tickets/{ticketNo}/sub-dispatch")
	String subDispatch(@PathVariable String ticketNo, @Valid SubDispatchForm subDispatchForm, BindingResult errors,
			@AuthenticationPrincipal HotlineUser user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		find(ticketNo, user);
		if (!errors.hasErrors() && streets(user).stream().noneMatch((s) -> s.code().equals(subDispatchForm.streetCode()))) {
			errors.rejectValue("streetCode", "handling.subDispatch.street.unknown");
		}
		if (errors.hasErrors()) {
			return page(ticketNo, user, model);
		}
		String note = (subDispatchForm.note() != null && !subDispatchForm.note().isBlank())
				? subDispatchForm.note().strip() : null;
		return attempt(ticketNo, user, model, locale, response, () -> this.workflow.subDispatch(ticketNo,
				subDispatchForm.streetCode(), note, subDispatchForm.version(), Actor.of(user)), () -> {
					redirect.addFlashAttribute("message", "handling.subDispatched");
					return "redirect:/unit/tickets/" + ticketNo;
				});
	}

	private void fillQueue(UnitQueue queue, QueueCursor after, HotlineUser user, Model model) {
		Map<UnitQueue, Integer> counts = this.queries.unitCounts(user.unitId());
		model.addAttribute("tabs", UnitQueue.values());
		model.addAttribute("counts", counts);
		model.addAttribute("firstPage", after == null);
		fillRows(queue, after, user, model);
	}

	/** The page's rows, always of the viewer's own unit. */
	private void fillRows(UnitQueue queue, QueueCursor after, HotlineUser user, Model model) {
		QueuePage page = this.queries.unitQueuePage(user.unitId(), queue, after, TicketQueries.PAGE_SIZE);
		model.addAttribute("tab", queue);
		model.addAttribute("rows", page.rows());
		model.addAttribute("next", page.hasMore() ? page.next().token() : null);
	}

	private static UnitQueue parse(String tab) {
		for (UnitQueue queue : UnitQueue.values()) {
			if (queue.name().equalsIgnoreCase(tab)) {
				return queue;
			}
		}
		return UnitQueue.NEW;
	}

	/** Takes a step; a refusal shows the ticket as it now is, with the reason, and keeps what was typed. */
	private String attempt(String ticketNo, HotlineUser user, Model model, Locale locale,
			HttpServletResponse response, Runnable step, java.util.function.Supplier<String> done) {
		java.util.Optional<String> refusal = TicketMessages.attempt(this.messages, locale, "handling.refused", step);
		if (refusal.isPresent()) {
			response.setStatus(409);
			model.addAttribute("error", refusal.get());
			return page(ticketNo, user, model);
		}
		return done.get();
	}

	private String conflict(String ticketNo, HotlineUser user, Model model, Locale locale,
			HttpServletResponse response) {
		response.setStatus(409);
		model.addAttribute("error",
				this.messages.getMessage("ticket.changedConcurrently", new Object[] { ticketNo }, locale));
		return page(ticketNo, user, model);
	}

	private String missingVersion(String ticketNo, HotlineUser user, Model model, Locale locale,
			HttpServletResponse response) {
		response.setStatus(400);
		model.addAttribute("error", this.messages.getMessage("handling.reload", null, locale));
		return page(ticketNo, user, model);
	}

	private TicketDetails find(String ticketNo, HotlineUser user) {
		return this.queries.find(ticketNo, user).orElseThrow(() -> new TicketNotFoundException(ticketNo));
	}

	/** The ticket page, fresh from the database; forms already in the model (with errors) keep what was typed. */
	private String page(String ticketNo, HotlineUser user, Model model) {
		TicketDetails ticket = find(ticketNo, user);
		boolean lead = user.unitCode() != null && user.unitCode().equals(ticket.leadUnitCode());
		Instant now = this.clock.instant();
		model.addAttribute("ticket", ticket);
		model.addAttribute("lead", lead);
		model.addAttribute("attachments", this.attachments.forTicket(ticket.id()));
		model.addAttribute("streets", lead ? streets(user) : List.of());
		model.addAttribute("outcomes", ReplyOutcome.values());
		model.addAttribute("extensionOpen", lead && ticket.status() == TicketStatus.IN_PROGRESS
				&& !ticket.extensionPending() && ticket.replyDueAt() != null && now.isBefore(ticket.replyDueAt()));
		model.addAttribute("maxPhotos", MAX_PHOTOS);
		addIfAbsent(model, "returnForm", new ReturnForm(ticket.version(), null));
		addIfAbsent(model, "progressForm", new ProgressForm(ticket.version(), null));
		addIfAbsent(model, "extensionForm", new ExtensionForm(ticket.version(), null, null));
		addIfAbsent(model, "replyForm", new ReplyForm(ticket.version(), null, null));
		addIfAbsent(model, "subDispatchForm", new SubDispatchForm(ticket.version(), null, null));
		return "handling/ticket";
	}

	private List<UnitView> streets(HotlineUser user) {
		return this.directory.unit(user.unitCode())
			.filter(UnitView::isDistrict)
			.map((unit) -> this.directory.children(unit.code()))
			.orElse(List.of());
	}

	private static void addIfAbsent(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

}
