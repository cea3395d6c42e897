package org.hotline12345.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.user.HotlineUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 热点 and 未诉先办: what is rising fastest this week, and the tasks opened from it. */
@Controller
class HotspotController {

	private final Hotspots hotspots;

	private final ProactiveTasks tasks;

	private final DashboardStatistics statistics;

	private final DepartmentDirectory directory;

	private final Names names;

	private final Clock clock;

	HotspotController(Hotspots hotspots, ProactiveTasks tasks, DashboardStatistics statistics,
			DepartmentDirectory directory, Names names, Clock clock) {
		this.hotspots = hotspots;
		this.tasks = tasks;
		this.statistics = statistics;
		this.directory = directory;
		this.names = names;
		this.clock = clock;
	}

	/** A proactive task: which matter, where, for which unit, by when. */
	record TaskForm(@NotBlank @Size(max = 32) String categoryCode, @Size(max = 40) String districtCode,
			@NotBlank String unitCode, @NotBlank @Size(max = 1000) String note,
			@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate) {
	}

	@GetMapping("/supervision/hotspots")
	String hotspots(@RequestParam(required = false) String category, @RequestParam(required = false) String district,
			@RequestParam(required = false) String unit, Model model) {
		model.addAttribute("form",
				new TaskForm(category, district, unit, null, LocalDate.now(this.clock).plusDays(7)));
		return page(model);
	}

	private String page(Model model) {
		Period week = this.statistics.week();
		model.addAttribute("week", week);
		model.addAttribute("hotspots", this.hotspots.rising(week, 20));
		model.addAttribute("topics", this.statistics.hotTopics(week, null, 26));
		model.addAttribute("tasks", this.tasks.list(this.names));
		model.addAttribute("units", this.directory.units());
		return "supervision/hotspots";
	}

	@PostMapping("/supervision/hotspots/tasks")
	String open(@Valid @ModelAttribute("form") TaskForm form, BindingResult errors,
			@AuthenticationPrincipal HotlineUser user, Model model, RedirectAttributes redirect) {
		Optional<UnitView> unit = this.directory.unit(form.unitCode());
		if (form.unitCode() != null && !form.unitCode().isBlank() && unit.isEmpty()) {
			errors.rejectValue("unitCode", "supervision.task.unknownUnit");
		}
		if (form.categoryCode() != null && !form.categoryCode().isBlank()
				&& this.directory.category(form.categoryCode()).isEmpty()) {
			errors.rejectValue("categoryCode", "supervision.task.unknownCategory");
		}
		if (form.dueDate() != null && !form.dueDate().isAfter(LocalDate.now(this.clock))) {
			errors.rejectValue("dueDate", "supervision.task.dueInPast");
		}
		if (errors.hasErrors()) {
			return page(model);
		}
		String district = (form.districtCode() != null && !form.districtCode().isBlank()) ? form.districtCode() : null;
		this.tasks.open(form.categoryCode(), district, unit.orElseThrow(), form.note().strip(),
				form.dueDate().plusDays(1).atStartOfDay(this.clock.getZone()).toInstant(), user);
		redirect.addFlashAttribute("message", "supervision.task.opened");
		return "redirect:/supervision/hotspots";
	}

	@PostMapping("/supervision/hotspots/tasks/{id}/done")
	String done(@PathVariable long id, @AuthenticationPrincipal HotlineUser user, RedirectAttributes redirect) {
		if (this.tasks.complete(id, user)) {
			redirect.addFlashAttribute("message", "supervision.task.done");
		}
		return "redirect:/supervision/hotspots";
	}

}
