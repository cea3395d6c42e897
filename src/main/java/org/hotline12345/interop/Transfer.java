package org.hotline12345.interop;

import java.time.Instant;

/** One hand-over, out to a peer or in from one. */
record Transfer(long id, String direction, long peerId, String peerName, String localTicketNo, String remoteTicketNo,
		String status, String note, String requestedBy, int attempts, String lastError, String lastRemoteStatus,
		Instant createdAt, Instant deliveredAt) {
}
