package io.transferas2.api;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void allowsTheRatePerSecondWithABurstOfTheSameSize() {
        RateLimiter limiter = new RateLimiter(3, nanos::get);
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        assertThat(limiter.secondsUntilNextToken()).isEqualTo(1);
        nanos.addAndGet(340_000_000L); // a third of a second: one token back
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        nanos.addAndGet(10_000_000_000L); // a long pause refills only up to the burst size
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire()).isTrue();
        }
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void slowRatesWaitWholeSeconds() {
        RateLimiter limiter = new RateLimiter(0.2, nanos::get);
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        assertThat(limiter.secondsUntilNextToken()).isEqualTo(5);
        nanos.addAndGet(5_000_000_000L);
        assertThat(limiter.tryAcquire()).isTrue();
    }

    @Test
    void zeroTurnsTheLimitOff() {
        RateLimiter limiter = new RateLimiter(0, nanos::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryAcquire()).isTrue();
        }
    }
}
