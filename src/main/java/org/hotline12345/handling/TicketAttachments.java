package org.hotline12345.handling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Site photos of a ticket, stored in the database with their checksum. Callers check first that the viewer may see
 * the ticket; this class only ever answers photos of the ticket it is given.
 */
@Service
class TicketAttachments {

	/** 10 MB, the same as {@code spring.servlet.multipart.max-file-size}. */
	static final long MAX_BYTES = 10L * 1024 * 1024;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	TicketAttachments(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A photo as the ticket page lists it, without its bytes. */
	record Attachment(long id, Long eventId, String fileName, String contentType, long sizeBytes, String sha256,
			String uploadedBy, Instant uploadedAt) {

		public String sizeText() {
			return (this.sizeBytes >= 1024 * 1024) ? String.format("%.1f MB", this.sizeBytes / 1048576.0)
					: Math.max(1, this.sizeBytes / 1024) + " KB";
		}

	}

	/** A photo's bytes, to serve. */
	record StoredPhoto(String fileName, String contentType, String sha256, byte[] data) {
	}

	/** A photo that passed the checks, ready to store. */
	record Photo(String fileName, ImageType type, byte[] data, String sha256) {
	}

	/** Why a file was refused, as a message key of the handling module. */
	static final class RefusedPhoto extends RuntimeException {

		private final String messageKey;

		private final String fileName;

		RefusedPhoto(String messageKey, String fileName) {
			super(messageKey + ": " + fileName);
			this.messageKey = messageKey;
			this.fileName = fileName;
		}

		String messageKey() {
			return this.messageKey;
		}

		String fileName() {
			return this.fileName;
		}

	}

	/**
	 * Checks an upload: not empty, at most 10 MB, and a JPEG, PNG or WebP by its magic bytes.
	 * @throws RefusedPhoto with the reason
	 */
	static Photo check(MultipartFile file) {
		String name = safeName(file.getOriginalFilename());
		if (file.getSize() > MAX_BYTES) {
			throw new RefusedPhoto("handling.photo.tooLarge", name);
		}
		if (file.isEmpty()) {
			throw new RefusedPhoto("handling.photo.empty", name);
		}
		byte[] data;
		try {
			data = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (data.length > MAX_BYTES) {
			throw new RefusedPhoto("handling.photo.tooLarge", name);
		}
		ImageType type = ImageType.sniff(data).orElseThrow(() -> new RefusedPhoto("handling.photo.notImage", name));
		return new Photo(name, type, data, sha256(data));
	}

	@Transactional
	void store(long ticketId, long eventId, List<Photo> photos, String username) {
		Timestamp now = Timestamp.from(this.clock.instant());
		for (Photo photo : photos) {
			this.jdbc.update("""
					insert into ticket_attachment (ticket_id, event_id, file_name, content_type, size_bytes, sha256, data,
					  uploaded_by, uploaded_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", ticketId, eventId, photo.fileName(), photo.type().contentType(),
					photo.data().length, photo.sha256(), photo.data(), username, now);
		}
	}

	@Transactional(readOnly = true)
	List<Attachment> forTicket(long ticketId) {
		return this.jdbc.query("""
				select id, event_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
				from ticket_attachment where ticket_id = ? order by id""",
				(rs, i) -> new Attachment(rs.getLong("id"), (Long) rs.getObject("event_id", Long.class),
						rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
						rs.getString("sha256"), rs.getString("uploaded_by"),
						rs.getTimestamp("uploaded_at").toInstant()),
				ticketId);
	}

	/** The photo, only if it belongs to the given ticket. */
	@Transactional(readOnly = true)
	Optional<StoredPhoto> load(long ticketId, long attachmentId) {
		return this.jdbc.query("""
				select file_name, content_type, sha256, data from ticket_attachment where id = ? and ticket_id = ?""",
				(rs, i) -> new StoredPhoto(rs.getString("file_name"), rs.getString("content_type"),
						rs.getString("sha256"), rs.getBytes("data")),
				attachmentId, ticketId).stream().findFirst();
	}

	/** The name as shown: no folders, no control characters, at most 100 characters. */
	static String safeName(String original) {
		String name = (original != null) ? original : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"<>]", "").strip();
		if (name.length() > 100) {
			name = name.substring(name.length() - 100);
		}
		return name.isEmpty() ? "photo" : name;
	}

	static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
