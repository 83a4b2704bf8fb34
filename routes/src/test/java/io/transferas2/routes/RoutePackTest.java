package io.transferas2.routes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.model.TransferJson;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.A_TO_B;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutePackTest {
    @TempDir
    static Path dir;
    TwoStations stations;

    @BeforeAll
    void start() throws Exception {
        stations = TwoStations.start(dir, Map.of(), Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        stations.close();
    }

    @Test
    void smoke() throws Exception {
        stations.a.put(A_BUCKET, "outbound/partner/po-1.x12", "ISA*00*...~");
        String tid = stations.a.startFileTransfer(A_TO_B, "/mycompany-edi/outbound/partner/po-1.x12");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> keys = List.of();
        while (System.nanoTime() < deadline) {
            keys = stations.a.list(A_BUCKET, "outbound/partner/processed/");
            if (keys.size() >= 2) {
                break;
            }
            Thread.sleep(200);
        }
        System.out.println(keys);
        System.out.println(stations.b.list(B_BUCKET, ""));
        System.out.println(stations.a.list(A_BUCKET, ""));
        for (JsonNode e : stations.a.events()) {
            System.out.println(e);
        }
        for (JsonNode e : stations.b.events()) {
            System.out.println(e);
        }
        assertThat(keys).hasSize(2);
    }
}
