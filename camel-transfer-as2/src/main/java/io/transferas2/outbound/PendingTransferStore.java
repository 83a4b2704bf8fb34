package io.transferas2.outbound;

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
}
