package io.transferas2.s3;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code routes/s3-roundtrip.camel.yaml} in Camel Main against the embedded S3: drops a generated file into the
 * inbox, waits until the object is on disk under the data directory, downloads it through the route and returns what
 * happened. Files are generated and hashed as streams, so the test itself holds no payload in memory.
 */
final class YamlRoundTrip implements AutoCloseable {

    static final String BUCKET = "transfers";

    private final Path base;
    private final Main main;

    YamlRoundTrip(Path base, long partSize) throws Exception {
        this.base = base;
        main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/s3-roundtrip.camel.yaml");
        for (Map.Entry<String, String> e : Map.of(
                "inbox.dir", base.resolve("inbox").toString(),
                "outbox.dir", base.resolve("outbox").toString(),
                "s3.bucket", BUCKET,
                "s3.part-size", Long.toString(partSize),
                "s3.embedded.data-dir", dataDir().toString(),
                "s3.embedded.buckets", BUCKET).entrySet()) {
            main.addInitialProperty(e.getKey(), e.getValue());
        }
        main.start();
    }

    Path dataDir() {
        return base.resolve("data");
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    /** Generates {@code size} pseudo-random bytes into the inbox (atomically) and returns their SHA-256. */
    String drop(String name, long size) throws IOException {
        Path staging = Files.createDirectories(base.resolve("staging")).resolve(name);
        MessageDigest sha = sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(staging), sha)) {
            SplittableRandom random = new SplittableRandom(size);
            byte[] block = new byte[64 * 1024];
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        Files.createDirectories(base.resolve("inbox"));
        Files.move(staging, base.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Waits until the upload route has stored the object and deleted the inbox file. */
    Path awaitStored(String name, long size, Duration timeout) throws InterruptedException, IOException {
        Path stored = dataDir().resolve(BUCKET).resolve("incoming").resolve(name);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.notExists(base.resolve("inbox").resolve(name)) && Files.isRegularFile(stored)
                && Files.size(stored) == size) {
                return stored;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("object " + name + " not stored under " + dataDir() + " within " + timeout);
    }

    /** Downloads the object through the YAML route into the outbox. */
    Path download(String name) {
        ProducerTemplate template = context().createProducerTemplate();
        template.sendBodyAndHeaders("direct:download", null,
                Map.of("CamelAwsS3Key", "incoming/" + name, "CamelFileName", name));
        Path out = base.resolve("outbox").resolve(name);
        assertThat(out).isRegularFile();
        return out;
    }

    static String sha256Of(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        main.stop();
    }
}
