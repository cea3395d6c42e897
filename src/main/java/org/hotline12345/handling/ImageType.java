package org.hotline12345.handling;

import java.util.Optional;

/**
 * The image formats a site photo may have, recognised by the file's first bytes (its magic number), never by the name
 * or the Content-Type the browser sends: both are whatever the sender says.
 */
enum ImageType {

	JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final String contentType;

	ImageType(String contentType) {
		this.contentType = contentType;
	}

	String contentType() {
		return this.contentType;
	}

	static Optional<ImageType> sniff(byte[] data) {
		if (startsWith(data, 0, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of(JPEG);
		}
		if (startsWith(data, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (startsWith(data, 0, new byte[] { 'R', 'I', 'F', 'F' }) && startsWith(data, 8, new byte[] { 'W', 'E', 'B', 'P' })) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	static Optional<ImageType> ofContentType(String contentType) {
		for (ImageType type : values()) {
			if (type.contentType.equals(contentType)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
		if (data.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
