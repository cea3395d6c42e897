package org.hotline12345.triage;

import java.time.Clock;
import java.util.List;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 集中预警 for supervisors: the clusters triage found, newest and unacknowledged first. /triage/** also lets operators
 * in, so the role is checked here.
 */
@Controller
class TriageAlertsController {

	private final TriageAlerts alerts;

	private final DepartmentDirectory directory;

	private final Clock clock;

	TriageAlertsController(TriageAlerts alerts, DepartmentDirectory directory, Clock clock) {
		this.alerts = alerts;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/triage/alerts")
	String alerts(@AuthenticationPrincipal HotlineUser user, Model model) {
		requireSupervisor(user);
		List<AlertRow> rows = this.alerts.recent(100).stream().map(this::row).toList();
		model.addAttribute("alerts", rows);
		return "triage/alerts";
	}

	@PostMapping("/triage/alerts/{id}/acknowledge")
	String acknowledge(@PathVariable long id, @AuthenticationPrincipal HotlineUser user, RedirectAttributes flash) {
		requireSupervisor(user);
		if (this.alerts.acknowledge(id, user.getUsername(), this.clock.instant())) {
			flash.addFlashAttribute("message", "triage.alerts.acknowledged");
		}
		return "redirect:/triage/alerts";
	}

	private AlertRow row(TriageAlerts.Alert alert) {
		String category = (alert.categoryCode() == null) ? "—"
				: this.directory.category(alert.categoryCode()).map(CategoryView::path).orElse(alert.categoryCode());
		String district = (alert.districtCode() == null) ? "—"
				: this.directory.unit(alert.districtCode()).map(UnitView::name).orElse(alert.districtCode());
		return new AlertRow(alert, category, district);
	}

	private static void requireSupervisor(HotlineUser user) {
		if (user == null || !user.hasRole(Role.SUPERVISOR)) {
			throw new AccessDeniedException("Cluster alerts are for supervisors");
		}
	}

	record AlertRow(TriageAlerts.Alert alert, String category, String district) {
	}

}
