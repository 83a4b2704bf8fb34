package io.transferas2.queue;

import io.transferas2.store.ClaimedFile;
import io.transferas2.store.FileOutcome;

/** Sends one claimed file and says how it ended; the transfer-as2:transfers consumer runs its route for it. */
@FunctionalInterface
public interface FileSender {

    /**
     * @param file         the file, with the Message-ID to send it with
     * @param retryAllowed whether a transport failure may be answered with {@link #retry}
     * @return the outcome: COMPLETED, FAILED, PROCESSING, or {@link #retry} (with the failure) after a transport
     *         failure when retryAllowed
     */
    FileOutcome send(ClaimedFile file, boolean retryAllowed);

    /** A transport failure to retry: the queue picks the time from its {@link RetryPolicy}. */
    static FileOutcome retry(String failureCode, String failureMessage) {
        return FileOutcome.retryAt(null, failureCode, failureMessage);
    }
}
