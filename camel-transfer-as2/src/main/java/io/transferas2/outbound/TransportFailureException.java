package io.transferas2.outbound;

import io.transferas2.transfer.OutboundResult;

/**
 * The partner could not be reached, did not answer in time, or answered with an HTTP server error (5xx). Camel
 * redelivery and {@code onException(TransportFailureException.class)} fit here: a resend of the same exchange reuses
 * the Message-ID, so the partner can recognise the duplicate.
 */
public class TransportFailureException extends OutboundTransferException {
    private static final long serialVersionUID = 1L;

    public TransportFailureException(OutboundResult result, Throwable cause) {
        super(result, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
