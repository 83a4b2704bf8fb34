package io.transferas2.peers;

import java.time.Duration;

/**
 * The outcome of one send.
 *
 * @param messageId   the Message-ID that was sent (without angle brackets), or {@code null} if sending failed early
 * @param httpStatus  the HTTP status of the response, or {@code -1} when there was none
 * @param expectedMic the MIC the sender computed for the MDN comparison, or {@code null}
 * @param mdn         the harness's check of the sync MDN, or {@code null} (no MDN asked for, async, or none came)
 * @param error       what went wrong in transport or in the peer's client, or {@code null}
 * @param elapsed     wall time of the send including the sync MDN
 */
public record SendResult(String messageId, int httpStatus, Mic expectedMic, MdnCheck mdn, String error,
        Duration elapsed) {

    /** Whether the send completed and, for a sync MDN, the MDN passed every check. */
    public boolean ok(SendRequest request) {
        if (error != null || httpStatus < 200 || httpStatus >= 300) {
            return false;
        }
        if (request.mdn() == MdnMode.SYNC) {
            return mdn != null && mdn.passed(request.signedMdnRequested());
        }
        return true;
    }

    /** A one-line summary. */
    public String describe(SendRequest request) {
        if (error != null) {
            return "error: " + error;
        }
        if (request.mdn() == MdnMode.SYNC) {
            return "HTTP " + httpStatus + ", MDN " + (mdn == null ? "missing" : mdn.verdict(request.signedMdnRequested()));
        }
        return "HTTP " + httpStatus;
    }
}
