package org.hotline12345.interop;

import org.hotline12345.ticket.TicketNotFoundException;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.user.HotlineUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people's side of linkage: the system administrator's peer list (/admin/peers, SYS_ADMIN) and the centre's
 * transfer screen (/queues/transfer/…, OPERATOR or SUPERVISOR).
 */
@Controller
class InteropScreens {

	private final Peers peers;

	private final Transfers transfers;

	private final TicketQueries tickets;

	private final Resubmission resubmission;

	InteropScreens(Peers peers, Transfers transfers, TicketQueries tickets, Resubmission resubmission) {
		this.peers = peers;
		this.transfers = transfers;
		this.tickets = tickets;
		this.resubmission = resubmission;
	}

	@GetMapping("/admin/peers")
	String peers(Model model) {
		model.addAttribute("peers", this.peers.all());
		return "interop/peers";
	}

	@PostMapping("/admin/peers")
	String savePeer(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String baseUrl, @RequestParam(defaultValue = "") String secret,
			@AuthenticationPrincipal HotlineUser user, RedirectAttributes redirect) {
		if (!code.matches("[a-z0-9-]{2,32}") || name.isBlank() || name.length() > 64 || baseUrl.isBlank()
				|| secret.length() < 16) {
			redirect.addFlashAttribute("interopError", "interop.error.peer");
			return "redirect:/admin/peers";
		}
		try {
			this.peers.save(code, name, baseUrl, secret, user.getUsername());
			redirect.addFlashAttribute("message", "interop.peerSaved");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("interopError", "interop.error.peerUrl");
		}
		return "redirect:/admin/peers";
	}

	@PostMapping("/admin/peers/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal HotlineUser user,
			RedirectAttributes redirect) {
		this.peers.enable(id, enabled, user.getUsername());
		redirect.addFlashAttribute("message", "interop.peerSaved");
		return "redirect:/admin/peers";
	}

	@GetMapping("/queues/transfer")
	String recent(Model model) {
		model.addAttribute("transfers", this.transfers.recent(100));
		return "interop/transfers";
	}

	@GetMapping("/queues/transfer/{no}")
	String form(@PathVariable String no, Model model) {
		model.addAttribute("ticket", this.tickets.summary(no).orElseThrow(() -> new TicketNotFoundException(no)));
		model.addAttribute("peers", this.peers.enabled());
		model.addAttribute("transfers", this.transfers.forTicket(no));
		return "interop/transfer";
	}

	@PostMapping("/queues/transfer/{no}")
	String transfer(@PathVariable String no, @RequestParam(required = false) Long peerId,
			@RequestParam(defaultValue = "") String note, @AuthenticationPrincipal HotlineUser user,
			RedirectAttributes redirect) {
		if (peerId == null || note.length() > 2000) {
			redirect.addFlashAttribute("interopError", "interop.error.transfer");
			return "redirect:/queues/transfer/" + no;
		}
		try {
			this.transfers.request(no, peerId, note.isBlank() ? null : note.strip(), user.getUsername());
			redirect.addFlashAttribute("message", "interop.transferred");
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("interopError", "interop.error.already");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("interopError", "interop.error.transfer");
		}
		return "redirect:/queues/transfer/" + no;
	}

	@PostMapping("/queues/transfer/resend")
	String resend(RedirectAttributes redirect) {
		this.resubmission.resubmitAll();
		redirect.addFlashAttribute("message", "interop.resent");
		return "redirect:/queues/transfer";
	}

}
