package io.transferas2.routes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.A_TO_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 12 (in part): PARTNER's station uses a remote S3 that is down when it starts. It starts anyway (it
 * used to fail: aws2-s3 checks the bucket when its routes start), and a message sent to it meanwhile gets an error
 * MDN at once, so nothing is acknowledged that was not stored. Recovery when S3 returns is left to Camel's route
 * controller and not proven here.
 */
class S3DownAtStartTest {
    @TempDir
    Path dir;

    @Test
    void theStationStartsWhileS3IsDownAndAnswersWithAnErrorMdn() throws Exception {
        int s3Port = Ports.distinct();
        Map<String, String> remote = Map.of(
                "s3.endpoint", "http://127.0.0.1:" + s3Port,
                "s3.path-style", "true",
                "s3.access-key", "remote-access",
                "s3.secret-key", "remote-secret-0123456789",
                "s3.checksums", "when-required");
        try (TwoStations stations = TwoStations.start(dir, Map.of(), remote)) {
            stations.a.put(A_BUCKET, "outbound/partner/while-down.x12", "ISA*down~");
            String down = stations.a.startFileTransfer(A_TO_B, "/mycompany-edi/outbound/partner/while-down.x12");
            List<String> failed = Await.keys(stations.a, A_BUCKET, "outbound/partner/failed/while-down." + down, 2);
            JsonNode status = Json.parse(stations.a.read(A_BUCKET, failed.stream()
                    .filter(k -> k.endsWith(".json")).findFirst().orElseThrow()));
            // PARTNER could not store it, so it did not acknowledge it: an error MDN
            assertThat(status.path("status-code").asText()).isEqualTo("FAILED");
            assertThat(status.path("disposition").asText()).contains("processed/error");
        }
    }
}
