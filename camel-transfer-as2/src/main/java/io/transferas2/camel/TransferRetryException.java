package io.transferas2.camel;

import org.apache.camel.RuntimeCamelException;

import io.transferas2.outbound.TransportFailureException;
import io.transferas2.transfer.OutboundResult;

/**
 * A transport failure of a file from {@code transfer-as2:transfers} that its retry policy sends again: the connector
 * producer throws it instead of the {@link TransportFailureException}, so the route's failure handling (FAILED status
 * JSON, events) does not run for an attempt that is not the last. The consumer requeues the file.
 */
public class TransferRetryException extends RuntimeCamelException {
    private static final long serialVersionUID = 1L;

    private final transient OutboundResult result;

    public TransferRetryException(TransportFailureException cause) {
        // no cause on purpose: Camel's doCatch matches causes too, and the route's catch of the transport failure
        // must not run for an attempt that is retried
        super("Transport failure, sent again later with the same Message-ID: " + cause.getMessage());
        this.result = cause.result();
    }

    /** The failed attempt's result (failure code and message). */
    public OutboundResult result() {
        return result;
    }
}
