package org.hotline12345.ticket;

import java.time.Instant;

/** The accept and reply deadlines a dispatch starts. */
record Deadlines(Instant acceptDue, Instant replyDue) {
}
