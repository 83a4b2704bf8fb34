package io.transferas2.routes;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

import io.transferas2.camel.TransferAs2Constants;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 items 10 and 11 with a real crash: PARTNER's station runs in a JVM of its own and is killed with SIGKILL
 * while it uploads a received 40 MB payload to S3 in parts. The sender gets no MDN, nothing of the message is in
 * processed/, and once PARTNER is restarted its sweep removes the temporary object and the incomplete multipart upload;
 * the resend with the same Message-ID is then received normally (not as a duplicate) and lands with its status JSON.
 * About 3.5 minutes on 2 shared cores (two station JVM starts, 40 MB through AS2), so it runs under -Pheavy; the
 * default build's slice is TemporaryLandingTest.
 */
class LandingCrashHeavyTest {
    private static final String TEMP = "inbound/mycompany/temp/";
    private static final String PROCESSED = "inbound/mycompany/processed/";

    @TempDir
    Path dir;

    @Test
    void kill9MidUploadLeavesNothingBehindAfterRestartAndTheResendLands() throws Exception {
        Path keys = dir.resolve("keys");
        for (String name : new String[] {"mycompany", "partner", "stranger"}) {
            StationKeys.write(keys, name, true);
        }
        StationKeys.write(keys, "impostor", false);
        int portA = Ports.distinct();
        int portB = Ports.distinct();
        Path s3Data = dir.resolve("s3");
        Path registryA = dir.resolve("mycompany.registry.yaml");
        Path registryB = dir.resolve("partner.registry.yaml");
        Files.writeString(registryA, TwoStations.registryA(portB, Ports.distinct()));
        Files.writeString(registryB, TwoStations.registryB(portA, portB));
        Path payload = dir.resolve("big.dat");
        writeRandom(payload, 40L * 1024 * 1024);
        Map<String, String> propsB = TwoStations.props(registryB, TwoStations.B_SERVER, B_BUCKET, s3Data, Map.of(
                "transferas2.s3.part-size", Long.toString(5L * 1024 * 1024),
                "transferas2.s3.temporary-max-age", "8000",
                "transferas2.s3.temporary-sweep-delay", "3000",
                "transferas2.s3.temporary-sweep-period", "1000"));
        Path workB = dir.resolve("partner");
        String messageId = "crash-" + System.nanoTime() + "@mycompany.example";
        try (Station mycompany = Station.start("MYCOMPANY", portA, Files.createDirectories(dir.resolve("mycompany")),
                TwoStations.props(registryA, TwoStations.A_SERVER, A_BUCKET, s3Data, Map.of()))) {
            S3Client s3 = mycompany.s3();
            try (ChildStation partner = ChildStation.start("PARTNER", portB, workB, propsB, "run-1")) {
                CompletableFuture<Exchange> first = CompletableFuture.supplyAsync(
                        () -> send(mycompany, messageId, payload.toFile()));
                // the upload of the received payload has begun: kill -9
                Await.until("PARTNER's multipart upload", Duration.ofSeconds(180),
                        () -> uploadsUnder(s3, TEMP).size() + mycompany.list(B_BUCKET, TEMP).size(), n -> n > 0);
                partner.kill();
                Exchange failed = first.get(120, TimeUnit.SECONDS);
                // no MDN at all, so certainly no positive one
                assertThat(failed.getException()).isNotNull();
                assertThat(failed.getMessage().getHeader(TransferAs2Constants.DISPOSITION)).isNull();
            }
            assertThat(mycompany.list(B_BUCKET, PROCESSED)).noneMatch(k -> k.contains(messageId));

            try (ChildStation partner = ChildStation.start("PARTNER", portB, workB, propsB, "run-2")) {
                Await.until("the sweep of the interrupted receipt", Duration.ofSeconds(90),
                        () -> uploadsUnder(s3, TEMP).size() + mycompany.list(B_BUCKET, TEMP).size(), n -> n == 0);
                // it was the restarted station's sweep that removed them
                Await.until("the sweep's report", Duration.ofSeconds(30), partner::log,
                        log -> log.contains("left by interrupted receipts"));

                // the resend is smaller than the sweep's (test-sized) bound takes, so the sweep cannot take it for
                // the leftover of an interrupted receipt
                Path again = dir.resolve("again/big.dat");
                Files.createDirectories(again.getParent());
                writeRandom(again, 1024 * 1024);
                Exchange resent = send(mycompany, messageId, again.toFile());
                assertThat(resent.getException()).isNull();
                assertThat(resent.getMessage().getHeader(TransferAs2Constants.DISPOSITION, String.class))
                        .endsWith("; processed");
                String landed = PROCESSED + "big." + messageId + ".dat";
                assertThat(Await.keys(mycompany, B_BUCKET, landed, 3))
                        .containsExactlyInAnyOrder(landed, landed + ".json", landed + ".mdn");
                assertThat(s3.headObject(b -> b.bucket(B_BUCKET).key(landed)).contentLength())
                        .isEqualTo(Files.size(again));
                assertThat(mycompany.list(B_BUCKET, TEMP)).isEmpty();
                assertThat(uploadsUnder(s3, "")).isEmpty();
            }
        }
    }

    /** Sends the file with a fixed Message-ID, as a partner resending it would. */
    private static Exchange send(Station mycompany, String messageId, java.io.File file) {
        ProducerTemplate template = mycompany.context().createProducerTemplate();
        return template.send("transfer-as2:connector/" + TwoStations.A_TO_B, e -> {
            e.setProperty("CamelTransferAs2Resend." + TwoStations.A_TO_B, "t-crash " + messageId);
            e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, "big.dat");
            e.getMessage().setBody(file);
        });
    }

    private static List<MultipartUpload> uploadsUnder(S3Client s3, String prefix) {
        return s3.listMultipartUploads(b -> b.bucket(B_BUCKET).prefix(prefix)).uploads();
    }

    private static void writeRandom(Path file, long size) throws Exception {
        Random random = new Random(15);
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buf.length) {
                random.nextBytes(buf);
                out.write(buf, 0, (int) Math.min(buf.length, left));
            }
        }
    }
}
