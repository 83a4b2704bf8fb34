package io.transferas2.transfer;

/** The {@code status-code} of a transfer, as AWS writes it in status files and events. */
public enum StatusCode {
    /** Sent, waiting for an asynchronous MDN (events only; status files carry COMPLETED or FAILED). */
    PROCESSING,
    COMPLETED,
    FAILED
}
