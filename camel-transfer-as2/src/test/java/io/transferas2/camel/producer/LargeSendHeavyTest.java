package io.transferas2.camel.producer;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.camel.TransferAs2Constants;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 200 MB file through the producer (signed SHA256, AES256, SYNC signed MDN) to a streaming receiver in the same
 * JVM, run with -Xmx256m by the heavy profile: sender and receiver together must stream. Prints MB/s.
 */
class LargeSendHeavyTest {
    private static final long SIZE = 200L * 1024 * 1024;

    @Test
    void twoHundredMegabytesInA256MegabyteHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.dat");
        String sha256 = write(file);
        try (ProducerFixture fx = new ProducerFixture();
             StreamingReceiver receiver = new StreamingReceiver(dir)) {
            String id = fx.connector(receiver.url(), c -> { });
            long start = System.nanoTime();
            Exchange done = fx.send("transfer-as2:connector/" + id, file.toFile(), Map.of());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(done.getException()).isNull();
            assertThat(receiver.error).isNull();
            assertThat(done.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
            assertThat(done.getIn().getHeader(TransferAs2Constants.TRANSFER_SIZE, Long.class)).isEqualTo(SIZE);
            assertThat(receiver.payloadSize).isEqualTo(SIZE);
            assertThat(receiver.payloadSha256).isEqualTo(sha256);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("200 MB send (sign SHA256 + AES256_CBC + SYNC signed MDN, receiver in the same JVM):"
                    + " %.1f s, %.1f MB/s, max heap %d MB, used after %d MB%n", seconds, SIZE / 1048576.0 / seconds,
                    rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    private static String write(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(42);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            for (long written = 0; written < SIZE; written += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
