package org.hotline12345.api;

/** No such resource under {@code /api}; answered 404. */
class ApiNotFoundException extends RuntimeException {

	ApiNotFoundException() {
		super("No such API resource", null, false, false);
	}

}
