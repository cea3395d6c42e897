package org.hotline12345.interop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Signed JSON posts to a peer. Any answer but 2xx, and any I/O failure, is an exception: the caller retries. */
@Component
class PeerClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final InteropSettings settings;

	private final Clock clock;

	private final HttpClient http;

	PeerClient(InteropSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	Map<String, Object> post(Peer peer, String path, Map<String, Object> payload) {
		String body = JSON.writeValueAsString(payload);
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(peer.url(path)))
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.header(Signature.PEER, this.settings.selfCode())
			.header(Signature.TIMESTAMP, String.valueOf(timestamp))
			.header(Signature.SIGNATURE, Signature.sign(peer.secret(), timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new PeerUnavailableException(peer.name() + " unreachable: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PeerUnavailableException(peer.name() + ": interrupted", ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new PeerUnavailableException(peer.name() + " answered " + response.statusCode(), null);
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> answer = JSON.readValue(response.body(), Map.class);
		return answer;
	}

	/** The peer could not be reached or refused; the event stays incomplete and is sent again. */
	static class PeerUnavailableException extends RuntimeException {

		PeerUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
