package io.transferas2.outbound;

import java.util.Objects;

import io.transferas2.as2.As2FailureCode;
import io.transferas2.transfer.OutboundResult;
import io.transferas2.transfer.StatusDocument;

/**
 * A connector send that ended FAILED. Carries the whole {@link OutboundResult}: AWS's failure code, the status
 * document and where it belongs, so an error handler can write it exactly as a successful route would. Transport
 * failures, which a resend may cure, are the subclass {@link TransportFailureException}.
 */
public class OutboundTransferException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient OutboundResult result;

    public OutboundTransferException(OutboundResult result, Throwable cause) {
        super(Objects.requireNonNull(result, "result").failureCode() + ": " + result.failureMessage(), cause);
        this.result = result;
    }

    /** The FAILED result. */
    public OutboundResult result() {
        return result;
    }

    public As2FailureCode failureCode() {
        return result.failureCode();
    }

    public StatusDocument status() {
        return result.status();
    }

    /** True when the partner could not be reached or answered with a server error: a resend may succeed. */
    public boolean isTransient() {
        return false;
    }
}
