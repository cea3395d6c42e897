package org.hotline12345.interop;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this platform links with its peers.
 *
 * @param selfCode the code this platform signs with; each peer registers us under this code
 * @param selfName our name as peers show it (南通12345)
 * @param replayWindow how far a signed request's timestamp may be from our clock
 * @param resubmitInterval how often undelivered hand-overs and status pushes are looked at
 * @param backoffBase the wait after the first failure; doubled after each further failure
 * @param backoffMax the longest wait between two attempts
 * @param timeout connect and read timeout towards a peer
 */
@ConfigurationProperties("hotline.interop")
record InteropSettings(@DefaultValue("nantong") String selfCode, @DefaultValue("南通12345") String selfName,
		@DefaultValue("PT5M") Duration replayWindow, @DefaultValue("PT30S") Duration resubmitInterval,
		@DefaultValue("PT15S") Duration backoffBase, @DefaultValue("PT30M") Duration backoffMax,
		@DefaultValue("PT10S") Duration timeout) {
}
