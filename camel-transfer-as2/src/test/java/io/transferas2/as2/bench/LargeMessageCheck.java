package io.transferas2.as2.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

import io.transferas2.as2.As2MessageBuilder;
import io.transferas2.as2.As2MessageParser;
import io.transferas2.as2.DispositionNotificationOptions;
import io.transferas2.as2.InboundMessage;
import io.transferas2.as2.InboundMessageRequest;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.as2.OutboundMessage;
import io.transferas2.as2.OutboundMessageRequest;
import io.transferas2.certs.CertificateGenerator;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.As2Algorithm;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.SigningAlg;

/**
 * Builds and parses one large message (SHA256 signature, AES256-CBC or AES-GCM, optionally ZLIB) through temp files
 * and checks the payload survived bit for bit, printing time, MB/s and peak heap. Run it under {@code -Xmx256m} to
 * prove memory does not grow with the message; see BENCHMARKS.md for the command and results.
 *
 * <pre>java -Xmx256m -cp ... io.transferas2.as2.bench.LargeMessageCheck [sizeMB=1024] [zlib|plain|both] [tmpDir]
 *     [AES256_CBC,AES256_GCM,...]</pre>
 */
public final class LargeMessageCheck {
    private static final KeyMaterial SENDER = CertificateGenerator.selfSigned("bench-sender",
            java.time.Duration.ofDays(2));
    private static final KeyMaterial RECEIVER = CertificateGenerator.selfSigned("bench-receiver",
            java.time.Duration.ofDays(2));

    private LargeMessageCheck() {
    }

    /** What one run measured. */
    public record Result(As2Algorithm encryption, boolean compressed, long payloadBytes, long wireBytes, double buildSeconds,
                         double parseSeconds, long peakHeapBytes, long maxHeapBytes) {
        public double buildMBps() {
            return payloadBytes / 1e6 / buildSeconds;
        }

        public double parseMBps() {
            return payloadBytes / 1e6 / parseSeconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s payload=%,d B wire=%,d B build=%.1f s (%.0f MB/s) "
                            + "parse=%.1f s (%.0f MB/s) total=%.1f s (%.0f MB/s) peakHeap=%d MB of max %d MB",
                    encryption, compressed ? "sign+encrypt+zlib" : "sign+encrypt", payloadBytes, wireBytes, buildSeconds,
                    buildMBps(), parseSeconds, parseMBps(), buildSeconds + parseSeconds,
                    payloadBytes / 1e6 / (buildSeconds + parseSeconds), peakHeapBytes >> 20, maxHeapBytes >> 20);
        }
    }

    public static void main(String[] args) throws Exception {
        long sizeMb = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        String mode = args.length > 1 ? args[1] : "both";
        Path tmp = args.length > 2 ? Path.of(args[2]) : null;
        String[] encryptions = (args.length > 3 ? args[3] : "AES256_CBC").split(",");
        System.out.println("JVM " + System.getProperty("java.vm.version") + ", max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB, " + Runtime.getRuntime().availableProcessors()
                + " cores");
        for (String encryption : encryptions) {
            As2Algorithm enc = As2Algorithm.valueOf(encryption.trim());
            if (!mode.equals("zlib")) {
                System.out.println(run(sizeMb << 20, false, enc, tmp));
            }
            if (!mode.equals("plain")) {
                System.out.println(run(sizeMb << 20, true, enc, tmp));
            }
        }
    }

    public static Result run(long size, boolean compressed, Path tmp) throws Exception {
        return run(size, compressed, As2Algorithm.AES256_CBC, tmp);
    }

    /** One message with the content encryption (AWS's CBC modes or the AES-GCM extension). */
    public static Result run(long size, boolean compressed, As2Algorithm encryption, Path tmp) throws Exception {
        resetPeaks();
        long t0 = System.nanoTime();
        OutboundMessage message;
        try (InputStream payload = new SyntheticEdi(size, 42)) {
            message = new As2MessageBuilder().build(OutboundMessageRequest.builder()
                    .payload(payload).filename("large.edi").contentType("application/edi-x12")
                    .signingKey(SENDER).encryptionCertificate(RECEIVER)
                    .signingAlgorithm(SigningAlg.SHA256).contentEncryption(encryption)
                    .compression(compressed ? CompressionEnum.ZLIB : CompressionEnum.DISABLED)
                    .compressionLevel(1)
                    .micAlgorithm(MicAlgorithm.SHA256).tempDirectory(tmp).build());
        }
        long t1 = System.nanoTime();
        try (OutboundMessage m = message; InputStream body = m.openBody()) {
            InboundMessageRequest request = InboundMessageRequest.builder()
                    .headers(m.headers())
                    .header("Disposition-Notification-Options",
                            DispositionNotificationOptions.signedReceipt(MicAlgorithm.SHA256).toHeaderValue())
                    .body(body).decryptionKeys(List.of(RECEIVER)).partnerSigningMaterial(List.of(SENDER))
                    .requireSignature(true).tempDirectory(tmp).build();
            long t2 = System.nanoTime();
            try (InboundMessage in = new As2MessageParser().parse(request)) {
                long t3 = System.nanoTime();
                if (!in.mic().matches(m.mic())) {
                    throw new AssertionError("MIC mismatch: " + in.mic() + " vs " + m.mic());
                }
                if (!in.contentEncryption().equals(java.util.Optional.of(encryption))) {
                    throw new AssertionError("parsed as " + in.contentEncryption() + ", sent " + encryption);
                }
                if (in.payloadSize() != size) {
                    throw new AssertionError("payload size " + in.payloadSize() + " != " + size);
                }
                // the generator is deterministic: digest what was sent again, outside the timed sections
                if (!MessageDigest.isEqual(sha256(Files.newInputStream(in.payload())),
                        sha256(new SyntheticEdi(size, 42)))) {
                    throw new AssertionError("payload bytes differ");
                }
                return new Result(encryption, compressed, size, m.length(), (t1 - t0) / 1e9, (t3 - t2) / 1e9, peakHeap(),
                        Runtime.getRuntime().maxMemory());
            }
        }
    }

    private static byte[] sha256(InputStream stream) {
        try (InputStream in = stream) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return d.digest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the real peak). */
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
