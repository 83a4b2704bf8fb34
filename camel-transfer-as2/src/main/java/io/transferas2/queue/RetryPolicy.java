package io.transferas2.queue;

import java.time.Duration;

/**
 * Which transport failures (cannot connect, timeout, HTTP 5xx) are sent again, and when: up to {@code maxAttempts}
 * attempts in all, waiting {@code initialDelay}, then {@code multiplier} times longer each time, at most
 * {@code maxDelay}. A negative MDN is never retried. {@link #NONE} (one attempt) is AWS's behaviour and the default.
 *
 * @param maxAttempts  attempts in all, at least 1
 * @param initialDelay wait before the second attempt
 * @param multiplier   growth of the wait per attempt, at least 1
 * @param maxDelay     the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {
    /** AWS: no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofSeconds(30), 2, Duration.ofMinutes(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /** Whether a file whose attempt number {@code attempt} fails may be tried again. */
    public boolean allowsAnother(int attempt) {
        return attempt < maxAttempts;
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    public Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }
}
