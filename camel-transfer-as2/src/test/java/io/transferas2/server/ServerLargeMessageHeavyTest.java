package io.transferas2.server;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.as2.As2MessageBuilder;
import io.transferas2.as2.MdnReader;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.as2.OutboundMessage;
import io.transferas2.as2.OutboundMessageRequest;
import io.transferas2.as2.ReceivedMdn;
import io.transferas2.as2.bench.SyntheticEdi;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1 GiB AS2 message (SHA-256 signature, AES-256-CBC) received by the server consumer over real HTTP in a 256 MB
 * JVM (the heavy surefire execution runs with {@code -Xmx256m}; sender, Vert.x, the consumer and the route share it).
 * Buffering the body anywhere would throw OutOfMemoryError. The landed payload's SHA-256 and the MDN's MIC must be
 * right. Throughput and peak heap are printed, not asserted (see BENCHMARKS.md).
 */
class ServerLargeMessageHeavyTest {
    private static final long ONE_GIB = 1L << 30;

    @TempDir
    Path root;

    @Test
    void receivesOneGibInA256MbHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Pheavy (-Xmx256m)").isLessThan(300L << 20);
        try (ServerHarness server = new ServerHarness(root).start("")) {
            MessageDigest payloadDigest = MessageDigest.getInstance("SHA-256");
            OutboundMessageRequest request = OutboundMessageRequest.builder()
                    .payload(new DigestInputStream(new SyntheticEdi(ONE_GIB, 42), payloadDigest))
                    .filename("big.x12").contentType("application/edi-x12")
                    .signingAlgorithm(SigningAlg.SHA256).signingKey(server.partnerKey)
                    .encryptionAlgorithm(EncryptionAlg.AES256_CBC).encryptionCertificate(server.localKey)
                    .compression(CompressionEnum.DISABLED).micAlgorithm(MicAlgorithm.SHA256).tempDirectory(root)
                    .build();
            try (OutboundMessage message = new As2MessageBuilder().build(request)) {
                String payloadSha = HexFormat.of().formatHex(payloadDigest.digest());
                String id = RawAs2.newMessageId();
                HttpRequest.Builder post = HttpRequest.newBuilder(server.url()).expectContinue(true)
                        .timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.ofFile(message.file()));
                RawAs2.as2Headers(ServerHarness.PARTNER, ServerHarness.LOCAL, id).forEach(post::header);
                message.headers().forEach(post::header);
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                resetPeaks();
                long start = System.nanoTime();
                HttpResponse<byte[]> response = client.send(post.build(), HttpResponse.BodyHandlers.ofByteArray());
                double seconds = (System.nanoTime() - start) / 1e9;
                long peak = peakHeap();
                assertThat(response.statusCode()).isEqualTo(200);
                ReceivedMdn mdn = new MdnReader().read(response.headers().firstValue("Content-Type").orElseThrow(),
                        new ByteArrayInputStream(response.body()), List.of(server.localKey.certificate()));
                assertThat(mdn.disposition().toFieldValue())
                        .isEqualTo("automatic-action/MDN-sent-automatically; processed");
                mdn.verify(message.mic(), true);
                ServerHarness.Received r = server.awaitMessage(id);
                assertThat(r.bodySize()).isEqualTo(ONE_GIB);
                assertThat(r.bodySha256()).isEqualTo(payloadSha);
                assertThat(r.header(TransferAs2Constants.TRANSFER_SIZE)).isEqualTo(String.valueOf(ONE_GIB));
                System.out.printf("[ServerLargeMessageHeavyTest] 1 GiB payload, %,d B on the wire: received,"
                        + " stored and acknowledged in %.1f s (%.0f MB/s of payload), peak heap %d MB of %d MB%n",
                        message.length(), seconds, ONE_GIB / 1e6 / seconds, peak >> 20,
                        Runtime.getRuntime().maxMemory() >> 20);
                assertThat(peak).isLessThan(Runtime.getRuntime().maxMemory());
                Files.delete(r.landed());
            }
            try (Stream<Path> files = Files.walk(server.tempDir)) {
                assertThat(files.filter(Files::isRegularFile).toList()).as("temp files left").isEmpty();
            }
        }
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
