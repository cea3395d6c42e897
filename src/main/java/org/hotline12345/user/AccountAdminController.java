package org.hotline12345.user;

import jakarta.servlet.http.HttpServletRequest;

import org.hotline12345.department.DepartmentDirectory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accounts as the system administrator (who manages them) and the security administrator (who unlocks them) see
 * them. Neither sees citizens' data.
 */
@Controller
class AccountAdminController {

	private final AccountAdministration administration;

	private final DepartmentDirectory directory;

	AccountAdminController(AccountAdministration administration, DepartmentDirectory directory) {
		this.administration = administration;
		this.directory = directory;
	}

	@GetMapping("/admin/users/new")
	String newAccount(Model model) {
		model.addAttribute("form", new AccountAdministration.NewAccount("", "", null, null));
		return form(model);
	}

	@PostMapping("/admin/users/new")
	String create(AccountAdministration.NewAccount form, @AuthenticationPrincipal HotlineUser user,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		AccountAdministration.Created created = this.administration.create(form, user, request.getRemoteAddr());
		if (!created.problems().isEmpty()) {
			model.addAttribute("form", form);
			model.addAttribute("errors", created.problems());
			return form(model);
		}
		redirect.addFlashAttribute("message", "account.created");
		redirect.addFlashAttribute("createdUsername", form.username().strip());
		redirect.addFlashAttribute("initialPassword", created.initialPassword());
		return "redirect:/admin/users";
	}

	private String form(Model model) {
		model.addAttribute("roles", Role.values());
		model.addAttribute("units", this.directory.units());
		return "user/account-new";
	}

	@GetMapping("/admin/users")
	String users(Model model) {
		model.addAttribute("accounts", this.administration.accounts());
		return "user/accounts";
	}

	@PostMapping("/admin/users/{id}/enabled")
	String enable(@PathVariable long id, boolean enabled, @AuthenticationPrincipal HotlineUser user,
			HttpServletRequest request, RedirectAttributes redirect) {
		this.administration.setEnabled(id, enabled, user, request.getRemoteAddr());
		redirect.addFlashAttribute("message", enabled ? "account.enabled" : "account.disabled");
		return "redirect:/admin/users";
	}

	@GetMapping("/security/accounts")
	String security(Model model) {
		model.addAttribute("accounts", this.administration.accounts());
		return "user/security-accounts";
	}

	@PostMapping("/security/accounts/{id}/unlock")
	String unlock(@PathVariable long id, @AuthenticationPrincipal HotlineUser user, HttpServletRequest request,
			RedirectAttributes redirect) {
		this.administration.unlock(id, user, request.getRemoteAddr());
		redirect.addFlashAttribute("message", "account.unlocked");
		return "redirect:/security/accounts";
	}

	@PostMapping("/security/accounts/{id}/mfa-reset")
	String resetSecondFactor(@PathVariable long id, @AuthenticationPrincipal HotlineUser user,
			HttpServletRequest request, RedirectAttributes redirect) {
		this.administration.resetSecondFactor(id, user, request.getRemoteAddr());
		redirect.addFlashAttribute("message", "account.mfaReset");
		return "redirect:/security/accounts";
	}

}
