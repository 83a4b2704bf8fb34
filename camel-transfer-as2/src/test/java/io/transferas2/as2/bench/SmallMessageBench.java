package io.transferas2.as2.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.transferas2.as2.As2MdnBuilder;
import io.transferas2.as2.As2MessageBuilder;
import io.transferas2.as2.As2MessageParser;
import io.transferas2.as2.DispositionNotificationOptions;
import io.transferas2.as2.InboundMessage;
import io.transferas2.as2.InboundMessageRequest;
import io.transferas2.as2.Mdn;
import io.transferas2.as2.MdnReader;
import io.transferas2.as2.MdnRequest;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.as2.OutboundMessage;
import io.transferas2.as2.OutboundMessageRequest;
import io.transferas2.as2.ReceivedMdn;
import io.transferas2.certs.CertificateGenerator;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

/**
 * The engine's share of one AS2 exchange, in-process on one thread (no HTTP): a 10 KB payload built (SHA256 +
 * AES256-CBC), parsed and verified, a signed MDN built, read and verified with the MIC check; the benchmark the
 * producer/consumer targets (100 msg/s at concurrency 1, p50 under 10 ms) are measured against, minus transport.
 *
 * <pre>java -cp ... io.transferas2.as2.bench.SmallMessageBench [seconds=20] [payloadBytes=10240]</pre>
 */
public final class SmallMessageBench {
    private SmallMessageBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 10 * 1024;
        KeyMaterial sender = CertificateGenerator.selfSigned("bench-sender", Duration.ofDays(2));
        KeyMaterial receiver = CertificateGenerator.selfSigned("bench-receiver", Duration.ofDays(2));
        byte[] payload = new SyntheticEdi(size, 1).readAllBytes();
        // warm-up: a third of the time, then measure
        run(sender, receiver, payload, Math.max(1, seconds / 3) * 1000L, false);
        run(sender, receiver, payload, seconds * 1000L, true);
    }

    private static void run(KeyMaterial sender, KeyMaterial receiver, byte[] payload, long millis, boolean report)
            throws Exception {
        As2MessageBuilder builder = new As2MessageBuilder();
        As2MessageParser parser = new As2MessageParser();
        As2MdnBuilder mdnBuilder = new As2MdnBuilder();
        MdnReader mdnReader = new MdnReader();
        String dno = DispositionNotificationOptions.signedReceipt(MicAlgorithm.SHA256).toHeaderValue();
        long[] latencies = new long[1 << 20];
        int n = 0;
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        while (System.nanoTime() < end && n < latencies.length) {
            long t0 = System.nanoTime();
            try (OutboundMessage out = builder.build(OutboundMessageRequest.builder()
                    .payload(new ByteArrayInputStream(payload)).filename("po.edi").contentType("application/edi-x12")
                    .signingKey(sender).encryptionCertificate(receiver).signingAlgorithm(SigningAlg.SHA256)
                    .encryptionAlgorithm(EncryptionAlg.AES256_CBC).compression(CompressionEnum.DISABLED)
                    .micAlgorithm(MicAlgorithm.SHA256).build());
                 InputStream body = out.openBody();
                 InboundMessage in = parser.parse(InboundMessageRequest.builder().headers(out.headers())
                         .header("Disposition-Notification-Options", dno).body(body)
                         .decryptionKeys(List.of(receiver)).partnerSigningMaterial(List.of(sender)).build())) {
                Mdn mdn = mdnBuilder.build(MdnRequest.builder().originalRecipient("RECEIVER")
                        .originalMessageId("<bench@x>").receivedContentMic(in.mic())
                        .signedWith(receiver, MicAlgorithm.SHA256).build());
                ReceivedMdn read = mdnReader.read(mdn.contentType(), mdn.openBody(), List.of(receiver.certificate()));
                read.verify(out.mic(), true);
            }
            latencies[n++] = System.nanoTime() - t0;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (report) {
            long[] l = Arrays.copyOf(latencies, n);
            Arrays.sort(l);
            System.out.printf(Locale.ROOT, "%d B sign+encrypt, signed MDN, concurrency 1: %d exchanges in %.1f s = "
                            + "%.0f msg/s, p50 %.2f ms, p99 %.2f ms (build + parse + MDN build + MDN verify)%n",
                    payload.length, n, elapsed, n / elapsed, l[n / 2] / 1e6, l[(int) (n * 0.99)] / 1e6);
        }
    }
}
