package org.hotline12345.shared;

/**
 * A phone number as it is stored: encrypted, with a keyed hash to find it by, and the masked form everyone may see.
 * Never the number itself.
 */
public record ProtectedPhone(String encrypted, String blindIndex, String masked) {

	@Override
	public String toString() {
		return this.masked;
	}

}
