package io.transferas2.as2;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.as2.bench.LargeMessageCheck;
import io.transferas2.model.As2Algorithm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1 GiB built and parsed in a 256 MB JVM (the heavy surefire execution runs with {@code -Xmx256m}): signed +
 * encrypted (AES256-CBC, and the AES-GCM extension in AuthEnvelopedData), with and without compression. Any buffering
 * of the payload would throw OutOfMemoryError; the payload's SHA-256 and the MIC must survive. Timings are printed,
 * not asserted (see BENCHMARKS.md).
 */
class LargeMessageHeavyTest {
    private static final long ONE_GIB = 1L << 30;

    @TempDir
    Path tmp;

    @Test
    void oneGibSignedAndEncrypted() throws Exception {
        check(As2Algorithm.AES256_CBC, false);
    }

    @Test
    void oneGibSignedEncryptedAndCompressed() throws Exception {
        check(As2Algorithm.AES256_CBC, true);
    }

    @Test
    void oneGibSignedAndEncryptedWithAes256Gcm() throws Exception {
        check(As2Algorithm.AES256_GCM, false);
    }

    @Test
    void oneGibSignedEncryptedAndCompressedWithAes128Gcm() throws Exception {
        check(As2Algorithm.AES128_GCM, true);
    }

    private void check(As2Algorithm encryption, boolean compressed) throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Pheavy (-Xmx256m)").isLessThan(300L << 20);
        LargeMessageCheck.Result result = LargeMessageCheck.run(ONE_GIB, compressed, encryption, tmp);
        System.out.println("[LargeMessageHeavyTest] " + result);
        assertThat(result.payloadBytes()).isEqualTo(ONE_GIB);
        assertThat(result.peakHeapBytes()).isLessThan(Runtime.getRuntime().maxMemory());
        try (var files = Files.list(tmp)) {
            assertThat(files.count()).as("temp files deleted").isZero();
        }
    }
}
