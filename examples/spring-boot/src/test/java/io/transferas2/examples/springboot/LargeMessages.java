package io.transferas2.examples.springboot;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;

import io.transferas2.camel.TransferAs2Constants;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends one message larger than the test JVM's heap from PARTNER's producer (SHA-256 signature, AES-256-CBC,
 * {@code Expect: 100-continue}) to the application, in the same JVM: if anything on the way (Spring MVC, Tomcat,
 * platform-http, the consumer, the route) held the body in the heap, it would throw OutOfMemoryError. The landed
 * payload must be byte-identical and the signed MDN must verify. Time and peak heap are printed, not asserted.
 */
final class LargeMessages {
    private LargeMessages() {
    }

    static void sendLargerThanTheHeap(StationSetup setup, Path dir, long size, String label) throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        assertThat(heap).as("the heap must be smaller than the message for this check to mean anything")
                .isLessThan(size);
        Path payload = StationSetup.binaryFile(dir, "large.bin", size, 42);
        String sha = StationSetup.sha256(payload);
        resetPeaks();
        long start = System.nanoTime();
        Exchange result = setup.partnerContext().createProducerTemplate().request(
                "transfer-as2:connector/" + Stations.PARTNER_CONNECTOR_ID + "?expectContinue=true", e -> {
                    e.getMessage().setBody(payload);
                    e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, "large.bin");
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = peakHeap();
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        String messageId = result.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID, String.class);
        Path landed = setup.landing("partner/processed/large." + messageId + ".bin");
        assertThat(Files.size(landed)).isEqualTo(size);
        assertThat(StationSetup.sha256(landed)).isEqualTo(sha);
        System.out.printf("[%s] %,d B sent by our producer and received by the Spring Boot consumer (signed,"
                + " encrypted, Expect: 100-continue, signed MDN verified) in %.1f s (%.0f MB/s), peak heap %d MB of"
                + " %d MB%n", label, size, seconds, size / 1e6 / seconds, peak >> 20, heap >> 20);
        Files.delete(landed);
        Files.delete(payload);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
