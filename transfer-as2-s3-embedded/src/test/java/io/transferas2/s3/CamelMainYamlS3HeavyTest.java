package io.transferas2.s3;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 MB through the YAML route, the embedded S3 and back, in a JVM with a 256 MB heap ({@code -Pheavy}): aws2-s3
 * must stream the upload in parts, S3Proxy must stream parts to disk and assemble them without buffering, and the
 * download must stream to the file. Prints the time and the heap high-water marks.
 */
class CamelMainYamlS3HeavyTest {

    /** camel-aws2-s3's default part size. */
    private static final long PART_SIZE = 25L * 1024 * 1024;
    private static final long SIZE = 200L * 1024 * 1024 + 4321;

    @TempDir
    Path dir;

    @Test
    void twoHundredMegabytesRoundTripWithABoundedHeap() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        try (YamlRoundTrip app = new YamlRoundTrip(dir, PART_SIZE)) {
            String sha = app.drop("big.bin", SIZE);
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

            long t0 = System.nanoTime();
            Path stored = app.awaitStored("big.bin", SIZE, Duration.ofMinutes(5));
            long t1 = System.nanoTime();
            Path back = app.download("big.bin");
            long t2 = System.nanoTime();

            long oldGenPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Old Gen"))
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("embedded S3 round trip: %d MiB, upload %.1f s (%.0f MiB/s), download %.1f s"
                              + " (%.0f MiB/s), max heap %d MiB, old gen peak %d MiB%n",
                    SIZE >> 20, seconds(t1 - t0), (SIZE >> 20) / seconds(t1 - t0), seconds(t2 - t1),
                    (SIZE >> 20) / seconds(t2 - t1), maxHeap >> 20, oldGenPeak >> 20);

            assertThat(YamlRoundTrip.sha256Of(stored)).isEqualTo(sha);
            assertThat(YamlRoundTrip.sha256Of(back)).isEqualTo(sha);
            if (Boolean.getBoolean("transferas2.heavy")) {
                assertThat(maxHeap).as("heavy tests run with -Xmx256m").isLessThanOrEqualTo(256L << 20);
            }
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
