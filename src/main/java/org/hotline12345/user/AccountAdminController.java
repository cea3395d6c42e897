package org.hotline12345.user;

import jakarta.servlet.http.HttpServletRequest;

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

	AccountAdminController(AccountAdministration administration) {
		this.administration = administration;
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

}
