package org.hotline12345.ticket;

/** A category, district or unit code that the reference data does not know. */
public class UnknownCodeException extends IllegalArgumentException {

	private final String kind;

	private final String code;

	UnknownCodeException(String kind, String code) {
		super("Unknown " + kind + " code: " + code);
		this.kind = kind;
		this.code = code;
	}

	public String kind() {
		return this.kind;
	}

	public String code() {
		return this.code;
	}

}
