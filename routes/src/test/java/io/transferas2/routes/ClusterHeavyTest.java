package io.transferas2.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.transferas2.camel.TransferAs2Constants;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, the full set (-Pheavy): 500 files across two nodes with one killed midway; three nodes polling one S3
 * outbox sending 100 objects once each; PostgreSQL stopped mid-run and started again.
 */
class ClusterHeavyTest {

    private static Path newDir() throws Exception {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "cluster-tests")), "heavy-");
    }

    @Test
    void fiveHundredFilesAcrossTwoNodesOneKilledMidway() throws Exception {
        try (Cluster cluster = Cluster.start(newDir(), 2, Map.of())) {
            int count = 500;
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                cluster.partner.put(A_BUCKET, "big/po-" + i + ".x12", "ISA*big*" + i + "~");
                paths.add("/" + A_BUCKET + "/big/po-" + i + ".x12");
            }
            for (int from = 0; from < count; from += 10) {
                cluster.startFileTransfer((from / 10) % 2, TwoStations.A_TO_B, paths.subList(from, from + 10));
            }
            Await.until("a quarter at PARTNER", Duration.ofSeconds(300),
                    () -> cluster.payloads(B_BUCKET, "inbound/mycompany/processed/", "ISA*big").size(),
                    n -> n >= count / 4);
            cluster.nodes[0].kill();
            Await.until("every file finished", Duration.ofSeconds(900), () -> cluster.query("SELECT status FROM"
                    + " tas2_transfer_file WHERE file_path LIKE ? AND status IN ('COMPLETED', 'FAILED')",
                    "/" + A_BUCKET + "/big/%").size(), n -> n == count);
            ClusterTest.assertEachFileOnce(cluster, "big", count);
        }
    }

    @Test
    void threeNodesPollOneOutboxAndSendEachObjectOnce() throws Exception {
        Map<String, String> outbox = Map.of("transferas2.outbox.enabled", "true",
                "transferas2.outbox.bucket", A_BUCKET, "transferas2.outbox.prefix", "outbox/",
                "transferas2.outbox.connector-id", TwoStations.A_TO_B, "transferas2.outbox.delay", "1000");
        try (Cluster cluster = Cluster.start(newDir(), 3, outbox)) {
            int count = 100;
            for (int i = 0; i < count; i++) {
                cluster.partner.put(A_BUCKET, "outbox/o-" + i + ".x12", "ISA*outbox*" + i + "~");
            }
            Await.until("every object sent", Duration.ofSeconds(600), () -> cluster.query("SELECT status FROM"
                    + " tas2_transfer_file WHERE file_path LIKE ? AND status IN ('COMPLETED', 'FAILED')",
                    "/" + A_BUCKET + "/outbox/%").size(), n -> n >= count);
            // a few more polls by every node: still nothing sent twice
            Thread.sleep(5000);
            assertThat(cluster.query("SELECT file_path FROM tas2_transfer_file WHERE file_path LIKE ?",
                    "/" + A_BUCKET + "/outbox/%")).hasSize(count).doesNotHaveDuplicates();
            assertThat(cluster.query("SELECT DISTINCT accepted_by FROM tas2_transfer")).hasSizeGreaterThan(1);
            ClusterTest.assertEachFileOnce(cluster, "outbox", count);
        }
    }

    @Test
    void postgresStoppedAndStartedAgainNoPositiveMdnWithoutStoredDataAndTheNodesRecover() throws Exception {
        try (Cluster cluster = Cluster.start(newDir(), 2, Map.of())) {
            assertThat(cluster.partnerSends(cluster.url(0), "before-" + System.nanoTime() + "@partner.example",
                    "ISA*outage-before~")).endsWith("processed");
            cluster.stopDatabase();

            String messageId = "during-" + System.nanoTime() + "@partner.example";
            for (int node = 0; node < 2; node++) {
                Exchange refused = cluster.partnerExchange(cluster.url(node), messageId, "ISA*outage-during~");
                String disposition = refused.getMessage().getHeader(TransferAs2Constants.DISPOSITION, String.class);
                assertThat(disposition == null || !disposition.endsWith("processed")).as("disposition %s",
                        disposition).isTrue();
                assertThat(cluster.trigger(node, TwoStations.A_TO_B, List.of("/" + A_BUCKET + "/x.x12")).body())
                        .contains("ServiceUnavailableException");
                int n = node;
                Await.until("node " + node + " DOWN", Duration.ofSeconds(30), () -> cluster.get(n, "/observe/health")
                        .body(), b -> b.contains("DOWN"));
            }

            cluster.restartDatabase();
            for (int node = 0; node < 2; node++) {
                int n = node;
                Await.until("node " + node + " UP", Duration.ofSeconds(60), () -> cluster.get(n, "/observe/health")
                        .body(), b -> !b.contains("DOWN"));
            }
            assertThat(cluster.partnerSends(cluster.url(1), messageId, "ISA*outage-during~")).endsWith("processed");
            assertThat(cluster.payloads(A_BUCKET, "inbound/partner/processed/", "ISA*outage-during")).hasSize(1);
            cluster.partner.put(A_BUCKET, "after/po.x12", "ISA*after*0~");
            cluster.startFileTransfer(0, TwoStations.A_TO_B, List.of("/" + A_BUCKET + "/after/po.x12"));
            Await.until("the file sent after the outage", Duration.ofSeconds(90), () -> cluster.query("SELECT status"
                    + " FROM tas2_transfer_file WHERE file_path LIKE ?", "/" + A_BUCKET + "/after/%"),
                    s -> s.contains("COMPLETED"));
        }
    }
}
