package io.transferas2.as2;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test 5 (limits): each bound of {@link As2Limits} has a default and fails clearly when exceeded. */
class LimitsTest {
    private final As2MessageParser parser = new As2MessageParser();

    @TempDir
    Path tmp;

    @Test
    void maxDecompressedBytes() throws Exception {
        Messages.Built built = Messages.build(new byte[100_000], b -> b.compression(CompressionEnum.ZLIB));
        assertFails(built, As2Limits.defaults().withMaxDecompressedBytes(50_000), As2FailureCode.DECOMPRESSION_FAILED,
                "maxDecompressedBytes");
        assertParses(built, As2Limits.defaults().withMaxDecompressedBytes(200_000));
    }

    @Test
    void maxCompressionRatioRefusesZipBombs() throws Exception {
        // 4 MB of zeros deflates about 1000:1
        Messages.Built bomb = Messages.build(new byte[4 << 20], b -> b.compression(CompressionEnum.ZLIB)
                .compressionLevel(9));
        assertFails(bomb, As2Limits.defaults().withMaxCompressionRatio(100, 64 * 1024),
                As2FailureCode.DECOMPRESSION_FAILED, "maxCompressionRatio");
        // below the grace size the ratio is not checked: small repetitive files are fine
        assertParses(bomb, As2Limits.defaults().withMaxCompressionRatio(100, 8 << 20));
    }

    @Test
    void maxHeaderLineLength() throws Exception {
        Messages.Built built = Messages.build(new byte[10], b -> b.filename("x".repeat(3000) + ".edi"));
        assertFails(built, As2Limits.defaults().withMaxHeaderLineLength(1024), As2FailureCode.INVALID_REQUEST,
                "maxHeaderLineLength");
        assertParses(built, As2Limits.defaults());
    }

    @Test
    void maxHeaderCount() throws Exception {
        Messages.Built built = Messages.build(new byte[10], b -> { });
        assertFails(built, As2Limits.defaults().withMaxHeaderCount(2), As2FailureCode.INVALID_REQUEST,
                "maxHeaderCount");
        assertParses(built, As2Limits.defaults().withMaxHeaderCount(4)); // the signature part has four
    }

    @Test
    void maxNestingDepth() throws Exception {
        // enveloped > compressed > signed > payload: four levels
        Messages.Built built = Messages.build(new byte[10], b -> b.compression(CompressionEnum.ZLIB)
                .compressionOrder(CompressionOrder.AFTER_SIGNING));
        assertFails(built, As2Limits.defaults().withMaxNestingDepth(3), As2FailureCode.INVALID_REQUEST,
                "maxNestingDepth");
        assertParses(built, As2Limits.defaults().withMaxNestingDepth(4));
    }

    @Test
    void maxSignatureBytes() throws Exception {
        Messages.Built built = Messages.build(new byte[10], b -> b.encryptionAlgorithm(EncryptionAlg.NONE));
        assertThatThrownBy(() -> parser.parse(Messages.request(built).requireEncryption(false)
                .limits(As2Limits.defaults().withMaxSignatureBytes(200)).tempDirectory(tmp).build()))
                .isInstanceOfSatisfying(As2Exception.class, e -> {
                    assertThat(e.failureCode()).isEqualTo(As2FailureCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("maxSignatureBytes");
                });
        assertThat(Messages.fileCount(tmp)).isZero();
    }

    @Test
    void defaultsAreDocumentedValues() {
        As2Limits d = As2Limits.defaults();
        assertThat(d.maxDecompressedBytes()).isEqualTo(16L << 30);
        assertThat(d.maxCompressionRatio()).isEqualTo(200);
        assertThat(d.maxHeaderLineLength()).isEqualTo(16 * 1024);
        assertThat(d.maxHeaderCount()).isEqualTo(128);
        assertThat(d.maxNestingDepth()).isEqualTo(8);
        assertThat(d.maxSignatureBytes()).isEqualTo(1 << 20);
        assertThatThrownBy(() -> d.withMaxHeaderCount(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertFails(Messages.Built built, As2Limits limits, As2FailureCode code, String limitName)
            throws Exception {
        assertThatThrownBy(() -> parser.parse(Messages.request(built).limits(limits).tempDirectory(tmp).build()))
                .isInstanceOfSatisfying(As2Exception.class, e -> {
                    assertThat(e.failureCode()).as(e.toString()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(limitName);
                });
        assertThat(Messages.fileCount(tmp)).isZero();
    }

    private void assertParses(Messages.Built built, As2Limits limits) {
        try (InboundMessage m = parser.parse(Messages.request(built).limits(limits).build())) {
            assertThat(m.signingAlg()).isEqualTo(SigningAlg.SHA256);
        }
    }
}
