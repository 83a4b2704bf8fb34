package io.transferas2.as2;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.transferas2.as2.bench.SyntheticEdi;
import io.transferas2.model.As2Algorithm;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.SigningAlg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default build's slice of the GCM streaming proof (the 1 GiB run at {@code -Xmx256m} is
 * {@link LargeMessageHeavyTest}): AES-GCM decryption releases plaintext while the ciphertext is still arriving. With
 * three quarters of an 8 MiB message read from the wire, at least half of the payload must already sit in the
 * parser's payload temp file; a decryptor that holds the ciphertext until the tag (the JDK's GCM cipher does) would
 * show nothing there. AES256-CBC runs the same check as the reference. A message whose tag was altered is refused
 * at its end with decryption-failed, and the plaintext already written is deleted, never handed on.
 */
class GcmStreamingTest {
    private static final long SIZE = 8L << 20;

    @TempDir
    Path outDir;
    @TempDir
    Path inDir;

    @ParameterizedTest
    @EnumSource(value = As2Algorithm.class, names = { "AES128_GCM", "AES256_GCM", "AES256_CBC" })
    void plaintextReachesThePayloadFileBeforeTheCiphertextEnds(As2Algorithm encryption) throws Exception {
        try (OutboundMessage message = build(encryption)) {
            Probe probe = new Probe(message.openBody(), message.length() * 3 / 4);
            try (InboundMessage received = new As2MessageParser().parse(request(message, probe))) {
                assertThat(received.contentEncryption()).contains(encryption);
                assertThat(received.payloadSize()).isEqualTo(SIZE);
                assertThat(received.mic().matches(message.mic())).isTrue();
            }
            assertThat(probe.payloadBytesSeen).as("payload bytes on disk with 3/4 of the wire read")
                    .isGreaterThan(SIZE / 2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = As2Algorithm.class, names = { "AES128_GCM", "AES256_GCM" })
    void anAlteredTagFailsAtTheEndAndTheStreamedPlaintextIsDeleted(As2Algorithm encryption) throws Exception {
        try (OutboundMessage message = build(encryption)) {
            // the structure ends with the 16-byte mac and 4 end-of-contents octets (AuthEnvelopedData, ContentInfo)
            try (FileChannel ch = FileChannel.open(message.file(), StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                long at = ch.size() - 4 - 8;
                ByteBuffer one = ByteBuffer.allocate(1);
                ch.read(one, at);
                one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
                ch.write(one, at);
            }
            Probe probe = new Probe(message.openBody(), message.length() * 3 / 4);
            assertThatThrownBy(() -> new As2MessageParser().parse(request(message, probe)))
                    .isInstanceOfSatisfying(As2Exception.class, e -> {
                        assertThat(e.modifier()).isEqualTo(DispositionModifier.DECRYPTION_FAILED);
                        assertThat(e.failureCode()).isEqualTo(As2FailureCode.DECRYPT_FAILED);
                        assertThat(e.getMessage()).contains("AES-GCM authentication failed");
                    });
            assertThat(probe.payloadBytesSeen).as("streamed before the tag was checked").isGreaterThan(SIZE / 2);
            assertThat(payloadFileBytes(inDir)).as("payload temp files left").isEqualTo(-1);
        }
    }

    private OutboundMessage build(As2Algorithm encryption) throws IOException {
        return new As2MessageBuilder().build(OutboundMessageRequest.builder()
                .payload(new SyntheticEdi(SIZE, 17)).filename("large.edi").contentType("application/edi-x12")
                .signingKey(RoundTrip.SENDER).signingAlgorithm(SigningAlg.SHA256)
                .signatureScheme(As2Algorithm.RSASSA_PSS)
                .encryptionCertificate(RoundTrip.RECEIVER).contentEncryption(encryption)
                .keyTransport(As2Algorithm.RSAES_OAEP)
                .compression(CompressionEnum.DISABLED).micAlgorithm(MicAlgorithm.SHA256).tempDirectory(outDir)
                .build());
    }

    private InboundMessageRequest request(OutboundMessage message, InputStream body) {
        return InboundMessageRequest.builder().headers(message.headers()).header("Message-ID", "<stream@test>")
                .body(body).decryptionKeys(List.of(RoundTrip.RECEIVER))
                .partnerSigningMaterial(List.of(RoundTrip.SENDER)).requireSignature(true).tempDirectory(inDir)
                .build();
    }

    /** Size of the parser's payload temp files ({@code as2-in-*}) in the directory; -1 when there is none. */
    private static long payloadFileBytes(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("as2-in-"))
                    .mapToLong(f -> f.toFile().length()).reduce(Long::sum).orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The wire, which looks at the payload temp file once a given number of bytes went to the parser. */
    private final class Probe extends FilterInputStream {
        private final long probeAt;
        private long delivered;
        long payloadBytesSeen = -2;

        Probe(InputStream wire, long probeAt) {
            super(wire);
            this.probeAt = probeAt;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(n);
            return n;
        }

        private void count(int n) {
            if (n > 0) {
                delivered += n;
                if (delivered >= probeAt && payloadBytesSeen == -2) {
                    payloadBytesSeen = payloadFileBytes(inDir);
                }
            }
        }
    }
}
