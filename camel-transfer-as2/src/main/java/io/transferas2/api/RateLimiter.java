package io.transferas2.api;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code ratePerSecond} requests per second on average, bursts up to the same number (at least one).
 * A rate of 0 or less lets everything through.
 */
public final class RateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double ratePerSecond;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public RateLimiter(double ratePerSecond) {
        this(ratePerSecond, System::nanoTime);
    }

    RateLimiter(double ratePerSecond, LongSupplier nanoTime) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = Math.max(1, ratePerSecond);
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.last = nanoTime.getAsLong();
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryAcquire() {
        if (ratePerSecond <= 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * ratePerSecond / NANOS_PER_SECOND);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whole seconds until the next token, at least 1: AWS's RetryAfterSeconds. */
    public synchronized long secondsUntilNextToken() {
        if (ratePerSecond <= 0 || tokens >= 1) {
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerSecond));
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }
}
