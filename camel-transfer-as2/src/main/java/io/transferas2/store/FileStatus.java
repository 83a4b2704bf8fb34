package io.transferas2.store;

/**
 * Where one file of a StartFileTransfer stands: {@code QUEUED -> IN_PROGRESS -> (PROCESSING) -> COMPLETED | FAILED}.
 * PROCESSING (sent, waiting for an ASYNC MDN) is reported to AWS clients as IN_PROGRESS, the value AWS's
 * {@code TransferTableStatus} has for it.
 */
public enum FileStatus {
    QUEUED,
    IN_PROGRESS,
    PROCESSING,
    COMPLETED,
    FAILED;

    /** The value ListFileTransferResults answers (AWS's TransferTableStatus). */
    public String awsStatusCode() {
        return this == PROCESSING ? IN_PROGRESS.name() : name();
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}
