package io.transferas2.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.s3.EmbeddedS3Options;
import io.transferas2.s3.EmbeddedS3Server;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.A_TO_B;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 12: PARTNER's station uses a remote S3 that is down when it starts. It starts anyway (aws2-s3 checks
 * the bucket when its routes start; the supervising route controller retries them), reports readiness DOWN in its
 * S3 health check, and answers a message sent meanwhile with HTTP 503 (no MDN: nothing is acknowledged that was not
 * stored). Then a real S3 API server starts on the configured port: the health check turns UP, the storing route is
 * restarted, and the message sent again lands with its status JSON. When S3 goes away again at run time, the check
 * is DOWN again and messages are refused with 503 again (the S3 client cannot connect: transient).
 */
class S3DownAtStartTest {
    private static final String SECRET = "remote-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void theStationStartsWhileS3IsDownAnswers503AndRecoversWhenS3Returns() throws Exception {
        int s3Port = Ports.distinct();
        Map<String, String> remote = Map.of(
                "s3.endpoint", "http://127.0.0.1:" + s3Port,
                "s3.path-style", "true",
                "s3.access-key", "remote-access",
                "s3.secret-key", SECRET,
                "s3.checksums", "when-required",
                // short periods so the test sees the recovery soon; the shipped values are 10 s and 5 s
                "transferas2.s3.health-cache", "500",
                "camel.routecontroller.backOffDelay", "1000");
        try (TwoStations stations = TwoStations.start(dir, Map.of(), remote)) {
            HealthCheck s3Health = HealthCheckRegistry.get(stations.b.context()).getCheck(S3HealthCheck.ID)
                    .orElseThrow(() -> new AssertionError("the S3 health check is not registered"));
            HealthCheck.Result down = s3Health.call();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m)
                    .contains("S3 is unreachable for bucket '" + B_BUCKET + "'").doesNotContain(SECRET));
            assertThat(s3Health.isReadiness()).isTrue();
            assertThat(s3Health.isLiveness()).isFalse();
            HttpResponse<String> ready = get(stations.b, "/observe/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).doesNotContain(SECRET);

            // a message sent now is refused with 503 and no MDN: MYCOMPANY (no retries) records the failure
            stations.a.put(A_BUCKET, "outbound/partner/while-down.x12", "ISA*down~");
            String refused = stations.a.startFileTransfer(A_TO_B, "/mycompany-edi/outbound/partner/while-down.x12");
            JsonNode failed = status(stations.a, "outbound/partner/failed/while-down." + refused);
            assertThat(failed.path("status-code").asText()).isEqualTo("FAILED");
            assertThat(failed.path("failure-code").asText()).isEqualTo("HTTP_ERROR_RESPONSE_FROM_PARTNER");
            assertThat(failed.path("failure-message").asText()).contains("503");
            assertThat(failed.has("disposition")).as("no MDN was sent").isFalse();

            // S3 returns on the configured port (a real S3 API server, the credentials the station was given)
            EmbeddedS3Options options = EmbeddedS3Options.builder().dataDirectory(dir.resolve("remote-s3"))
                    .port(s3Port).credentials("remote-access", SECRET).bucket(B_BUCKET).build();
            try (EmbeddedS3Server s3 = EmbeddedS3Server.start(options)) {
                Await.until("the S3 health check UP", Duration.ofSeconds(30), s3Health::call,
                        r -> r.getState() == HealthCheck.State.UP);
                Await.until("readiness UP", Duration.ofSeconds(60), () -> get(stations.b, "/observe/health/ready"),
                        r -> r.statusCode() == 200);

                // the partner sends again and this time it is stored, with its status JSON beside it
                String resent = stations.a.startFileTransfer(A_TO_B,
                        "/mycompany-edi/outbound/partner/while-down.x12");
                JsonNode sent = status(stations.a, "outbound/partner/processed/while-down." + resent);
                assertThat(sent.path("status-code").asText()).isEqualTo("COMPLETED");
                String messageId = sent.path("as2-message-id").asText();
                List<String> landed = Await.keys(stations.b, B_BUCKET, "inbound/mycompany/processed/", 2);
                String json = landed.stream().filter(k -> k.endsWith(".json")).findFirst().orElseThrow();
                JsonNode received = Json.parse(stations.b.read(B_BUCKET, json));
                assertThat(received.path("status-code").asText()).isEqualTo("COMPLETED");
                assertThat(received.path("as2-message-id").asText()).isEqualTo(messageId);
                String payload = landed.stream().filter(k -> !k.endsWith(".json") && !k.endsWith(".mdn"))
                        .findFirst().orElseThrow();
                assertThat(stations.b.read(B_BUCKET, payload)).isEqualTo("ISA*down~");
            }

            // S3 goes away again while the station runs: DOWN again, and the next message is refused with 503 too
            Await.until("the S3 health check DOWN again", Duration.ofSeconds(30), s3Health::call,
                    r -> r.getState() == HealthCheck.State.DOWN);
            String later = stations.a.startFileTransfer(A_TO_B, "/mycompany-edi/outbound/partner/while-down.x12");
            JsonNode refusedLater = status(stations.a, "outbound/partner/failed/while-down." + later);
            assertThat(refusedLater.path("failure-message").asText()).contains("503");
            assertThat(refusedLater.has("disposition")).as("no MDN was sent").isFalse();
        }
    }

    private static JsonNode status(Station station, String prefix) throws Exception {
        List<String> keys = Await.until("the status JSON under " + prefix, Duration.ofSeconds(30),
                () -> station.list(A_BUCKET, prefix), k -> k.stream().anyMatch(key -> key.endsWith(".json")));
        return Json.parse(station.read(A_BUCKET, keys.stream().filter(k -> k.endsWith(".json")).findFirst()
                .orElseThrow()));
    }

    private static HttpResponse<String> get(Station station, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + station.port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
