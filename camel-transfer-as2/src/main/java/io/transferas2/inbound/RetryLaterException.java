package io.transferas2.inbound;

/**
 * A route failure the route itself calls transient (S3 unreachable, a route being restarted): the partner is answered
 * HTTP 503 with {@code Retry-After} instead of an error MDN, so it sends the message again and nothing is lost.
 */
public final class RetryLaterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int retryAfterSeconds;

    public RetryLaterException(int retryAfterSeconds, Throwable cause) {
        super(cause == null ? "the route asked the partner to retry later" : cause.getMessage(), cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The Retry-After the partner is given, in seconds. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
