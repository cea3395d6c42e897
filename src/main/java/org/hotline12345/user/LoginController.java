package org.hotline12345.user;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(@AuthenticationPrincipal HotlineUser user) {
		return (user != null) ? "redirect:" + user.role().home() : "user/login";
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal HotlineUser user) {
		return "redirect:" + user.role().home();
	}

}
