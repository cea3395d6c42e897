package org.hotline12345.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hotline12345.user.HotlineUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system administrator's screen for API tokens: issue one for an account (its value shown once, right after),
 * see which exist and when they were last used, revoke one. The page never shows a token again.
 */
@Controller
class ApiTokenAdminController {

	/** The issue form: which account the token acts as, and what it is for (微信渠道, 人社局业务系统 …). */
	record IssueForm(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 100) String label) {
	}

	private final ApiTokens tokens;

	private final UserDetailsService accounts;

	ApiTokenAdminController(ApiTokens tokens, UserDetailsService accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
	}

	@GetMapping("/admin/api-tokens")
	String tokens(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new IssueForm("", ""));
		}
		model.addAttribute("tokens", this.tokens.tokens());
		return "api/tokens";
	}

	@PostMapping("/admin/api-tokens")
	String issue(@Valid @ModelAttribute("form") IssueForm form, BindingResult result,
			@AuthenticationPrincipal HotlineUser admin, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		HotlineUser account = null;
		if (!result.hasFieldErrors("username")) {
			account = account(form.username().strip());
			if (account == null) {
				result.rejectValue("username", "api.tokens.unknownAccount");
			}
			else if (!account.isEnabled()) {
				result.rejectValue("username", "api.tokens.disabledAccount");
			}
		}
		if (result.hasErrors()) {
			model.addAttribute("tokens", this.tokens.tokens());
			return "api/tokens";
		}
		ApiTokens.IssuedToken issued = this.tokens.issue(account, form.label().strip(), admin, request.getRemoteAddr());
		redirect.addFlashAttribute("issued", issued);
		redirect.addFlashAttribute("message", "api.tokens.issued");
		return "redirect:/admin/api-tokens";
	}

	@PostMapping("/admin/api-tokens/{id}/revoke")
	String revoke(@PathVariable long id, @AuthenticationPrincipal HotlineUser admin, HttpServletRequest request,
			RedirectAttributes redirect) {
		boolean revoked = this.tokens.revoke(id, admin, request.getRemoteAddr());
		redirect.addFlashAttribute("message", revoked ? "api.tokens.revoked" : "api.tokens.alreadyRevoked");
		return "redirect:/admin/api-tokens";
	}

	private HotlineUser account(String username) {
		try {
			UserDetails user = this.accounts.loadUserByUsername(username);
			return (user instanceof HotlineUser hotlineUser) ? hotlineUser : null;
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

}
