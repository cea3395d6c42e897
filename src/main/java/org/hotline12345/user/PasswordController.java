package org.hotline12345.user;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Changing one's own password, for every role: by choice, or because it is due (first login, reset, expired), in
 * which case no other page opens until it is done.
 */
@Controller
class PasswordController {

	record PasswordForm(String current, String next, String repeat) {
	}

	private final Credentials credentials;

	private final LoginSteps steps;

	PasswordController(Credentials credentials, LoginSteps steps) {
		this.credentials = credentials;
		this.steps = steps;
	}

	@GetMapping("/password/change")
	String form(Authentication authentication, Model model) {
		model.addAttribute("required", LoginSteps.has(authentication, LoginSteps.CHANGE_PASSWORD));
		return "user/password";
	}

	@PostMapping("/password/change")
	String change(PasswordForm form, @AuthenticationPrincipal HotlineUser user, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		Credentials.Problems problems = this.credentials.changePassword(user.id(), form.current(), form.next(),
				form.repeat(), request.getRemoteAddr(), request.getSession().getId());
		if (!problems.none()) {
			model.addAttribute("required", LoginSteps.has(authentication, LoginSteps.CHANGE_PASSWORD));
			model.addAttribute("errors", problems.fields());
			return "user/password";
		}
		LoginSteps.renewSessionId(request);
		RequestContextUtils.getOutputFlashMap(request).put("message", "password.changed");
		RequestContextUtils.saveOutputFlashMap(user.role().home(), request, response);
		this.steps.advance(request, response, authentication, false);
		return null;
	}

}
