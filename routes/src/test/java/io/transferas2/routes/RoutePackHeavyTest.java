package io.transferas2.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.A_TO_B;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 MB from MYCOMPANY to PARTNER through S3 with both stations (the shipped routes and defaults, 25 MB parts) in one
 * JVM of 256 MB heap ({@code mvn -B -ntp verify -Pheavy -pl routes -am}): the object is streamed out of S3 into the
 * connector (signed, encrypted, compressed), received, and landed by a multipart upload, so the heap never holds the
 * payload. A payload held in memory anywhere would not fit next to everything else.
 */
class RoutePackHeavyTest {
    private static final long SIZE = 200L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void twoHundredMegabytesThroughS3WithBoundedHeap() throws Exception {
        Path file = dir.resolve("big.dat");
        String sha = RoutePackTest.write(file, SIZE);
        try (TwoStations stations = TwoStations.start(dir, Map.of(), Map.of())) {
            stations.a.put(A_BUCKET, "outbound/big/big.dat", file);
            Files.delete(file);
            long started = System.nanoTime();
            String transferId = stations.a.startFileTransfer(A_TO_B, "/mycompany-edi/outbound/big/big.dat");

            List<String> results = Await.until("the 200 MB transfer's status file", Duration.ofMinutes(5),
                    () -> stations.a.list(A_BUCKET, "outbound/big/processed/"), k -> k.size() >= 2);
            long millis = (System.nanoTime() - started) / 1_000_000;
            String json = results.stream().filter(k -> k.endsWith(".json")).findFirst().orElseThrow();
            JsonNode status = Json.parse(stations.a.read(A_BUCKET, json));
            assertThat(status.path("status-code").asText()).isEqualTo("COMPLETED");
            assertThat(status.path("transfer-size").asLong()).isEqualTo(SIZE);
            assertThat(status.path("transfer-id").asText()).isEqualTo(transferId);
            String landed = "inbound/mycompany/processed/big." + status.path("as2-message-id").asText() + ".dat";
            Await.keys(stations.b, B_BUCKET, landed + ".json", 1);
            Path stored = stations.s3Data.resolve(B_BUCKET).resolve(landed);
            assertThat(Files.size(stored)).isEqualTo(SIZE);
            assertThat(RoutePackTest.sha256(stored)).isEqualTo(sha);
            // 200 MB in 25 MB parts
            assertThat(stations.b.s3().headObject(b -> b.bucket(B_BUCKET).key(landed)).eTag()).endsWith("-8\"");
            assertThat(stations.a.list(A_BUCKET, "outbound/big/processing/")).isEmpty();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("200 MB A->B through S3: %d ms, heap max %d MB%n", millis, rt.maxMemory() >> 20);
        }
    }
}
