package io.transferas2.routes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls until a condition holds, for asynchronous outcomes (sends run in the background). */
final class Await {
    private Await() {
    }

    static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.call();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last: " + last);
            }
            Thread.sleep(100);
            last = probe.call();
        }
        return last;
    }

    /** The keys under a prefix once there are {@code count} of them. */
    static List<String> keys(Station station, String bucket, String prefix, int count) throws Exception {
        return until(count + " objects under s3://" + bucket + "/" + prefix, Duration.ofSeconds(30),
                () -> station.list(bucket, prefix), keys -> keys.size() >= count);
    }
}
