package io.transferas2.outbound;

import io.transferas2.transfer.OutboundResult;

/**
 * A business failure: the partner answered, but its MDN is negative, does not verify, or returns another MIC. Thrown
 * by the connector producer when its businessFailurePolicy is THROW (the default); resending the same message rarely
 * helps, so keep it out of blanket redelivery.
 */
public class MdnFailureException extends OutboundTransferException {
    private static final long serialVersionUID = 1L;

    public MdnFailureException(OutboundResult result) {
        super(result, null);
    }
}
