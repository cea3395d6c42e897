package org.hotline12345.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system administrator keeps the working-day calendar: each year's public holidays and 调休 make-up working days
 * as the State Council announces them. Every change is audited.
 */
@Controller
class CalendarAdminController {

	/** One date to record. */
	record DayForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @NotNull DayKind kind,
			@NotBlank @Size(max = 50) String name) {
	}

	private final WorkingCalendar calendar;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	CalendarAdminController(WorkingCalendar calendar, AuditLog audit, MessageSource messages, Clock clock) {
		this.calendar = calendar;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/calendar")
	String days(@RequestParam(required = false) Integer year, Model model) {
		int shown = (year != null) ? year : LocalDate.now(this.clock).getYear();
		model.addAttribute("year", shown);
		model.addAttribute("days", this.calendar.days(shown));
		if (!model.containsAttribute("dayForm")) {
			model.addAttribute("dayForm", new DayForm(null, DayKind.HOLIDAY, ""));
		}
		return "calendar/days";
	}

	@PostMapping("/admin/calendar")
	@Transactional
	String record(@Valid @ModelAttribute DayForm dayForm, BindingResult errors,
			@AuthenticationPrincipal UserDetails user, HttpServletRequest request, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.calendar.setDay(dayForm.day(), dayForm.kind(), dayForm.name(), user.getUsername());
				this.audit.record(AuditEvent.success("CALENDAR_DAY_SET", user.getUsername(), request.getRemoteAddr(),
						"CALENDAR_DAY", dayForm.day().toString(), dayForm.kind() + " " + dayForm.name()));
				redirect.addFlashAttribute("message", "calendar.saved");
				return "redirect:/admin/calendar?year=" + dayForm.day().getYear();
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("kind", "calendar.workdayOnWeekend",
						this.messages.getMessage("calendar.workdayOnWeekend", null, locale));
			}
		}
		return days((dayForm.day() != null) ? dayForm.day().getYear() : null, model);
	}

	@PostMapping("/admin/calendar/{day}/delete")
	@Transactional
	String remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@AuthenticationPrincipal UserDetails user, HttpServletRequest request, RedirectAttributes redirect) {
		this.calendar.removeDay(day);
		this.audit.record(AuditEvent.success("CALENDAR_DAY_REMOVED", user.getUsername(), request.getRemoteAddr(),
				"CALENDAR_DAY", day.toString(), null));
		redirect.addFlashAttribute("message", "calendar.removed");
		return "redirect:/admin/calendar?year=" + day.getYear();
	}

}
