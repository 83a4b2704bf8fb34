package io.transferas2.registry;

/** Too many requests: AWS's {@code ThrottlingException}; the SDKs back off and retry it. */
public class ThrottlingException extends TransferServiceException {
    private final String retryAfterSeconds;

    public ThrottlingException(String message, String retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** AWS's {@code RetryAfterSeconds}, or null. */
    public String retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
