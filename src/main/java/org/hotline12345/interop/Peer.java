package org.hotline12345.interop;

/** Another city's platform, with its shared secret in clear (only in memory). */
record Peer(long id, String code, String name, String baseUrl, String secret, boolean enabled) {

	String url(String path) {
		return this.baseUrl.replaceAll("/+$", "") + path;
	}

}
