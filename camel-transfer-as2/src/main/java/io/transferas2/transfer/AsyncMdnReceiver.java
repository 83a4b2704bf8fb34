package io.transferas2.transfer;

import java.util.Optional;

/**
 * Completes ASYNC transfers: the server consumer passes every MDN POSTed to it here, and the connector side, which
 * knows the pending transfers, verifies the MDN against the sent MIC and the partner's certificates.
 */
@FunctionalInterface
public interface AsyncMdnReceiver {

    /** Answers no MDN: used when nothing is waiting for async MDNs. */
    AsyncMdnReceiver NONE = mdn -> Optional.empty();

    /**
     * Verifies the MDN against its pending transfer, which stays pending: the caller stores the result (the status
     * JSON) first and then calls {@link #complete}, so a crash in between leaves the transfer pending rather than
     * finished without its status JSON.
     *
     * @return the transfer's result (COMPLETED or FAILED), or empty when no pending transfer has the MDN's
     *         Original-Message-ID
     * @throws io.transferas2.as2.As2Exception when the MDN cannot be read at all
     * @throws AsyncMdnBusyException when another node or request holds the transfer's claim
     */
    Optional<OutboundResult> receive(AsyncMdn mdn);

    /**
     * Finishes the transfer {@link #receive} returned, once its result is stored.
     *
     * @return false when another node (or an earlier copy of the MDN) finished it meanwhile
     */
    default boolean complete(OutboundResult result) {
        return true;
    }

    /** Gives up the claim {@link #receive} took, when the result could not be stored. */
    default void release(OutboundResult result) {
    }
}
