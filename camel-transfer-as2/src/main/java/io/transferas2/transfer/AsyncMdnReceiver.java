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
     * @return the completed transfer (COMPLETED or FAILED), or empty when no pending transfer has the MDN's
     *         Original-Message-ID
     * @throws io.transferas2.as2.As2Exception when the MDN cannot be read at all
     */
    Optional<OutboundResult> receive(AsyncMdn mdn);
}
