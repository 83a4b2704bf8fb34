package io.transferas2.store;

import java.time.Instant;

/**
 * How one attempt at a file ended. Build with the factory methods.
 *
 * @param status         COMPLETED, FAILED, PROCESSING (sent, ASYNC MDN awaited) or QUEUED (to be tried again)
 * @param failureCode    AWS's failure code, for FAILED and for a failed attempt that is retried
 * @param failureMessage the failure's text
 * @param mic            the MIC sent, as {@code base64, algorithm}, when the message was built
 * @param statusKey      {@code /bucket/key} of the status JSON, when one was written
 * @param notBefore      for QUEUED: not claimed again before this
 */
public record FileOutcome(FileStatus status, String failureCode, String failureMessage, String mic,
                          String statusKey, Instant notBefore) {

    public static FileOutcome completed(String mic, String statusKey) {
        return new FileOutcome(FileStatus.COMPLETED, null, null, mic, statusKey, null);
    }

    public static FileOutcome processing(String mic) {
        return new FileOutcome(FileStatus.PROCESSING, null, null, mic, null, null);
    }

    public static FileOutcome failed(String failureCode, String failureMessage, String mic, String statusKey) {
        return new FileOutcome(FileStatus.FAILED, failureCode, failureMessage, mic, statusKey, null);
    }

    /** Requeued after a transport failure, to be sent again (same Message-ID) from {@code notBefore}. */
    public static FileOutcome retryAt(Instant notBefore, String failureCode, String failureMessage) {
        return new FileOutcome(FileStatus.QUEUED, failureCode, failureMessage, null, null, notBefore);
    }
}
