package io.transferas2.bench;

import java.util.Arrays;

/** Nearest-rank percentiles, as the peer baseline computed them. */
final class Percentiles {
    private Percentiles() {
    }

    /** The p-th percentile (0 &lt; p &le; 100) of the values in nanoseconds, in milliseconds; 0 when empty. */
    static double millis(long[] nanos, double p) {
        if (nanos.length == 0) {
            return 0;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }
}
