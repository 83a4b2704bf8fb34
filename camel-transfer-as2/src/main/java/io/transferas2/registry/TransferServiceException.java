package io.transferas2.registry;

/**
 * Base of the errors the AWS Transfer API defines. {@link #errorType()} is the AWS exception name (the JSON
 * {@code __type}) and {@link #httpStatus()} the status AWS answers with, so the control-plane API maps them 1:1.
 */
public abstract class TransferServiceException extends RuntimeException {

    protected TransferServiceException(String message) {
        super(message);
    }

    protected TransferServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** AWS exception name, e.g. {@code ResourceNotFoundException}. */
    public String errorType() {
        return getClass().getSimpleName();
    }

    /** The HTTP status AWS Transfer answers with for this error. */
    public abstract int httpStatus();
}
