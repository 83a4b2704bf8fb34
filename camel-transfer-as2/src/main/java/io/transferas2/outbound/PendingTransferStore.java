package io.transferas2.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where ASYNC sends wait for their MDN. Must survive restarts, and may be shared by several nodes: then
 * {@link #remove(String)} is the claim, and only the node whose removal succeeded completes the transfer.
 */
public interface PendingTransferStore {

    /** Records a transfer waiting for its MDN, replacing any record with the same Message-ID. */
    void put(PendingTransfer transfer);

    /** The pending transfer with this Message-ID (without angle brackets). */
    Optional<PendingTransfer> get(String messageId);

    /**
     * Removes the record: true when this call removed it, false when it was already gone (completed elsewhere).
     */
    boolean remove(String messageId);

    /** Every pending transfer (for the timeout sweep). */
    List<PendingTransfer> list();

    /**
     * Claims the pending transfer for {@code lease}, so that of several nodes handling its MDN (or its timeout) at once
     * only one runs the route; an expired claim can be taken again. A store used by one node only may keep the
     * default, which always succeeds.
     *
     * @return false when another claim on it is still running
     */
    default boolean claim(String messageId, Instant now, Duration lease) {
        return true;
    }

    /** Gives up a claim (the route failed), so that the next copy of the MDN or the next sweep can handle it at once. */
    default void release(String messageId) {
    }
}
