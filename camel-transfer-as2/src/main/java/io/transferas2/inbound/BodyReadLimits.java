package io.transferas2.inbound;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a request body may take, so that a client cannot hold a worker thread with a body that trickles in or
 * stops (slow-loris). A read fails when nothing arrived for {@code idleTimeout}, or when, after {@code grace}, fewer
 * than {@code minBytesPerSecond} bytes per second (averaged since the end of the grace period) have arrived. A closed
 * or reset connection ends the read at once.
 *
 * @param idleTimeout       longest silence while the body is read
 * @param minBytesPerSecond slowest average rate accepted after the grace period (0: no rate check)
 * @param grace             time from the first read before the rate is checked
 */
public record BodyReadLimits(Duration idleTimeout, long minBytesPerSecond, Duration grace) {
    /** 60 s of silence, at least 1 KiB/s after the first 30 s. */
    public static final BodyReadLimits DEFAULTS = new BodyReadLimits(Duration.ofSeconds(60), 1024,
            Duration.ofSeconds(30));

    public BodyReadLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(grace, "grace");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        if (minBytesPerSecond < 0) {
            throw new IllegalArgumentException("minBytesPerSecond must not be negative");
        }
    }

    /**
     * Nanoseconds the reader may still wait for more data, given when reading started, how many bytes arrived and
     * when the last of them did; zero or less means the body is too slow.
     */
    public long waitNanos(long startNanos, long received, long lastArrivalNanos, long nowNanos) {
        long idleEnd = lastArrivalNanos + idleTimeout.toNanos();
        long end = idleEnd;
        if (minBytesPerSecond > 0) {
            // the rate is met as long as received >= minRate * (now - start - grace)
            long rateEnd = startNanos + grace.toNanos() + (long) (received * 1e9 / minBytesPerSecond);
            end = Math.min(end, rateEnd);
        }
        return end - nowNanos;
    }

    /** Why a read failed after {@link #waitNanos} ran out. */
    public String describe(long startNanos, long received, long lastArrivalNanos, long nowNanos) {
        if (nowNanos - lastArrivalNanos >= idleTimeout.toNanos()) {
            return "no part of the request body arrived for " + idleTimeout.toSeconds() + " s";
        }
        return "the request body arrives slower than " + minBytesPerSecond + " bytes/s (" + received + " bytes in "
                + Duration.ofNanos(nowNanos - startNanos).toSeconds() + " s)";
    }
}
