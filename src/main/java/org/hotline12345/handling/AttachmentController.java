package org.hotline12345.handling;

import java.nio.charset.StandardCharsets;

import org.hotline12345.handling.TicketAttachments.StoredPhoto;
import org.hotline12345.ticket.TicketDetails;
import org.hotline12345.ticket.TicketNotFoundException;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.user.HotlineUser;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves a ticket's site photo to whoever may see the ticket (the operators and supervisors of the centre, the
 * ticket's units), under the ticket's own address. Anyone else, and any photo of another ticket, is "not found".
 */
@Controller
class AttachmentController {

	private final TicketQueries queries;

	private final TicketAttachments attachments;

	AttachmentController(TicketQueries queries, TicketAttachments attachments) {
		this.queries = queries;
		this.attachments = attachments;
	}

	@GetMapping("/tickets/{ticketNo}/attachments/{id}")
	ResponseEntity<byte[]> photo(@PathVariable String ticketNo, @PathVariable long id,
			@AuthenticationPrincipal HotlineUser user) {
		TicketDetails ticket = this.queries.find(ticketNo, user).orElseThrow(() -> new TicketNotFoundException(ticketNo));
		StoredPhoto photo = this.attachments.load(ticket.id(), id).orElseThrow(() -> new TicketNotFoundException(ticketNo));
		// The type is the one the magic bytes proved at upload, never what the uploader claimed.
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(photo.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.eTag(photo.sha256())
			.body(photo.data());
	}

}
