package org.hotline12345.user;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor after the password, for the roles that need it (system, security and audit administrators by
 * default): enrol an authenticator app on first use, then type its 6-digit code at every login.
 */
@Controller
class SecondFactorController {

	/** Session attribute: the secret shown for enrolment, until a code confirms it. */
	static final String PENDING_SECRET = "hotline.mfa.pendingSecret";

	private final Credentials credentials;

	private final LoginSteps steps;

	private final boolean demo;

	SecondFactorController(Credentials credentials, LoginSteps steps, Environment environment) {
		this.credentials = credentials;
		this.steps = steps;
		this.demo = environment.acceptsProfiles(Profiles.of("demo"));
	}

	@GetMapping("/mfa")
	String page(@AuthenticationPrincipal HotlineUser user, HttpSession session, Model model) {
		if (this.credentials.hasSecondFactor(user.id())) {
			model.addAttribute("demoSecret", this.demo ? DemoAccounts.TOTP_SECRET : null);
			return "user/mfa";
		}
		String secret = (session.getAttribute(PENDING_SECRET) instanceof String pending) ? pending : Totp.newSecret();
		session.setAttribute(PENDING_SECRET, secret);
		model.addAttribute("secret", grouped(secret));
		model.addAttribute("uri", Totp.uri("12345热线", user.getUsername(), secret));
		return "user/mfa-enrol";
	}

	@PostMapping("/mfa")
	String verify(@RequestParam(required = false) String code, @AuthenticationPrincipal HotlineUser user,
			Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model)
			throws IOException {
		Credentials.Check check = this.credentials.verify(user.id(), code, request.getRemoteAddr());
		if (check == Credentials.Check.PASSED) {
			LoginSteps.renewSessionId(request);
			this.steps.advance(request, response, authentication, true);
			return null;
		}
		if (check == Credentials.Check.LOCKED) {
			request.getSession().invalidate();
			SecurityContextHolder.clearContext();
			return "redirect:/login?error";
		}
		model.addAttribute("error", "mfa.error.code");
		model.addAttribute("demoSecret", this.demo ? DemoAccounts.TOTP_SECRET : null);
		return "user/mfa";
	}

	@PostMapping("/mfa/enrol")
	String enrol(@RequestParam(required = false) String code, @AuthenticationPrincipal HotlineUser user,
			Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model)
			throws IOException {
		HttpSession session = request.getSession();
		if (!(session.getAttribute(PENDING_SECRET) instanceof String secret)) {
			return "redirect:/mfa";
		}
		if (!this.credentials.enrol(user.id(), secret, code, request.getRemoteAddr())) {
			model.addAttribute("secret", grouped(secret));
			model.addAttribute("uri", Totp.uri("12345热线", user.getUsername(), secret));
			model.addAttribute("error", "mfa.error.code");
			return "user/mfa-enrol";
		}
		session.removeAttribute(PENDING_SECRET);
		LoginSteps.renewSessionId(request);
		this.steps.advance(request, response, authentication, true);
		return null;
	}

	/** {@code ABCD EFGH …}: easier to type into an app. */
	static String grouped(String secret) {
		return String.join(" ", Arrays.stream(secret.split("(?<=\\G.{4})")).toList());
	}

}
