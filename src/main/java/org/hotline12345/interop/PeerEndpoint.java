package org.hotline12345.interop;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.shared.PhoneNumber;
import org.hotline12345.ticket.TicketNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a peer calls: hand a ticket over to us, and tell us the status of a ticket we handed to it. */
@RestController
@RequestMapping("/interop/v1")
class PeerEndpoint {

	private final Peers peers;

	private final Receiver receiver;

	private final InteropSettings settings;

	private final AuditLog audit;

	private final Clock clock;

	PeerEndpoint(Peers peers, Receiver receiver, InteropSettings settings, AuditLog audit, Clock clock) {
		this.peers = peers;
		this.receiver = receiver;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	@PostMapping("/transfers")
	ResponseEntity<Map<String, Object>> transfer(@RequestHeader(name = Signature.PEER, required = false) String code,
			@RequestHeader(name = Signature.TIMESTAMP, required = false) String timestamp,
			@RequestHeader(name = Signature.SIGNATURE, required = false) String signature,
			@RequestBody(required = false) String body) {
		Optional<Peer> peer = authenticate(code, timestamp, signature, body);
		if (peer.isEmpty()) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "signature"));
		}
		Map<String, Object> payload;
		try {
			payload = parse(body);
		}
		catch (RuntimeException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", "body"));
		}
		if (!(payload.get("originTicketNo") instanceof String origin) || origin.isBlank()
				|| !(payload.get("description") instanceof String description) || description.isBlank()) {
			return ResponseEntity.badRequest().body(Map.of("error", "originTicketNo and description are required"));
		}
		if (!(payload.get("callerPhone") instanceof String phone) || !PhoneNumber.isValid(phone)) {
			// The unit here must be able to reach the citizen; a hand-over without a number is refused, not guessed.
			return ResponseEntity.badRequest().body(Map.of("error", "callerPhone is required"));
		}
		String ticketNo = this.receiver.receive(peer.get(), payload);
		return ResponseEntity.ok(Map.of("ticketNo", ticketNo));
	}

	@PostMapping("/status")
	ResponseEntity<Map<String, Object>> status(@RequestHeader(name = Signature.PEER, required = false) String code,
			@RequestHeader(name = Signature.TIMESTAMP, required = false) String timestamp,
			@RequestHeader(name = Signature.SIGNATURE, required = false) String signature,
			@RequestBody(required = false) String body) {
		Optional<Peer> peer = authenticate(code, timestamp, signature, body);
		if (peer.isEmpty()) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "signature"));
		}
		try {
			Map<String, Object> payload = parse(body);
			boolean applied = this.receiver.status(peer.get(), (String) payload.get("originTicketNo"),
					(String) payload.get("event"), Instant.parse((String) payload.get("at")),
					String.valueOf(payload.getOrDefault("note", "")));
			return ResponseEntity.ok(Map.of("applied", applied));
		}
		catch (TicketNotFoundException ex) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "unknown ticket"));
		}
		catch (ClassCastException | NullPointerException | DateTimeParseException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", "body"));
		}
	}

	private Optional<Peer> authenticate(String code, String timestamp, String signature, String body) {
		Optional<Peer> peer = (code != null) ? this.peers.byCode(code).filter(Peer::enabled) : Optional.empty();
		if (peer.isPresent() && Signature.verify(peer.get().secret(), timestamp, body, signature,
				this.clock.instant(), this.settings.replayWindow())) {
			return peer;
		}
		this.audit.recordSeparately(new AuditEvent("INTEROP_SIGNATURE", code, null, "INTEROP_PEER", code,
				AuditEvent.Outcome.DENIED, null));
		return Optional.empty();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String body) {
		return PeerClient.JSON.readValue(body, Map.class);
	}

}
