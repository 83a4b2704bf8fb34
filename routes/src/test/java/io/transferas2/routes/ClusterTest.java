package io.transferas2.routes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.transfer.TransferClient;

import io.transferas2.model.TransferJson;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, the default slice: two MYCOMPANY station JVMs on one PostgreSQL and one S3 server ({@link Cluster}).
 * A connector created through one node's API is used through the other's within 2 s; an ASYNC MDN for one node's
 * send, delivered to the other node, completes it, and one delivered to both nodes at once completes once (one
 * status JSON, one event); a message received by one node and resent to the other is a
 * duplicate; files accepted across both nodes all complete, each stored once at the partner, when one node is killed
 * with SIGKILL midway, the files it held taken over by the other node when their leases expire. {@link ClusterHeavyTest}
 * runs 500 files, three nodes on one outbox, and a database outage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    static Cluster cluster;

    @BeforeAll
    static void start() throws Exception {
        // under target/, so that the node logs stay for a look after a failure
        Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Files.createDirectories(
                Path.of("target", "cluster-tests")), "cluster-");
        cluster = Cluster.start(dir, 2, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aConnectorCreatedThroughOneNodeIsUsedThroughTheOtherWithinTwoSeconds() throws Exception {
        cluster.partner.put(A_BUCKET, "case4/po.x12", "ISA*case4~");
        String connectorId;
        long created;
        try (TransferClient a = cluster.api(0)) {
            connectorId = a.createConnector(b -> b.url("http://127.0.0.1:" + cluster.partnerPort + "/as2")
                    .accessRole("arn:aws:iam::000000000000:role/as2")
                    .as2Config(c -> c.localProfileId(TwoStations.id("p-", 0xa1))
                            .partnerProfileId(TwoStations.id("p-", 0xa2)).signingAlgorithm("SHA256")
                            .mdnSigningAlgorithm("SHA256").mdnResponse("SYNC"))).connectorId();
            created = System.nanoTime();
        }
        // StartFileTransfer through the other node before 2 s have passed
        Thread.sleep(Math.max(0, 1900 - (System.nanoTime() - created) / 1_000_000));
        String transferId;
        try (TransferClient b = cluster.api(1)) {
            transferId = b.startFileTransfer(r -> r.connectorId(connectorId)
                    .sendFilePaths("/" + A_BUCKET + "/case4/po.x12")).transferId();
        }
        JsonNode status = awaitStatus("case4/");
        assertThat(status.path("status-code").asText()).isEqualTo("COMPLETED");
        assertThat(status.path("transfer-id").asText()).isEqualTo(transferId);
        assertThat(cluster.payloads(B_BUCKET, "inbound/mycompany/processed/", "ISA*case4")).hasSize(1);
    }

    @Test
    @Order(2)
    void anAsyncMdnForOneNodesSendArrivingAtTheOtherCompletesItOnce() throws Exception {
        cluster.partner.put(A_BUCKET, "case2/invoice-1.x12", "ISA*case2*1~");
        cluster.partner.put(A_BUCKET, "case2/invoice-2.x12", "ISA*case2*2~");
        String transferId = cluster.startFileTransfer(0, Cluster.A_ASYNC, List.of("/" + A_BUCKET
                + "/case2/invoice-1.x12", "/" + A_BUCKET + "/case2/invoice-2.x12"));
        Await.until("PARTNER's two ASYNC MDNs at the proxy", Duration.ofSeconds(60), cluster.mdnProxy::heldCount,
                n -> n >= 2);
        // the first MDN goes to the node that did not send its file: that node completes the send
        String sender = cluster.query("SELECT a.node FROM tas2_transfer_attempt a JOIN tas2_transfer_file f"
                + " ON f.file_id = a.file_id WHERE f.message_id = ?", cluster.mdnProxy.heldOriginalMessageId(0))
                .get(0);
        int other = sender.startsWith("node-1/") ? 1 : 0;
        assertThat(cluster.mdnProxy.releaseHeldToAll(0, List.of(cluster.url(other)))).containsOnly(200);
        // the second reaches both nodes at the same moment: exactly one of them completes it
        List<Integer> both = cluster.mdnProxy.releaseHeldToAll(1, List.of(cluster.url(0), cluster.url(1)));
        cluster.mdnProxy.clearHeld();
        assertThat(both).as("HTTP status at each node").allMatch(code -> code < 500);

        Await.until("both files COMPLETED", Duration.ofSeconds(60), () -> cluster.query("SELECT status FROM"
                + " tas2_transfer_file WHERE transfer_id = ?", transferId), s -> s.size() == 2
                && s.stream().allMatch("COMPLETED"::equals));
        assertThat(cluster.query("SELECT message_id FROM tas2_pending_mdn")).isEmpty();
        List<String> statuses = Await.until("both status JSONs", Duration.ofSeconds(30),
                () -> cluster.partner.list(A_BUCKET, "case2/processed/").stream().filter(k -> k.endsWith(".json"))
                        .toList(), k -> k.size() >= 2);
        for (String key : statuses) {
            JsonNode status = TransferJson.json().readTree(cluster.partner.read(A_BUCKET, key));
            assertThat(status.path("status-code").asText()).isEqualTo("COMPLETED");
            assertThat(status.path("transfer-id").asText()).isEqualTo(transferId);
        }
        assertThat(cluster.partner.list(A_BUCKET, "case2/failed/")).isEmpty();
        // one "AS2 Payload Send Completed" event per file, from whichever node completed it; give a second event
        // (were there one) time to be written
        Thread.sleep(2000);
        assertThat(statuses).hasSize(2);
        for (String messageId : cluster.query("SELECT message_id FROM tas2_transfer_file WHERE transfer_id = ?",
                transferId)) {
            assertThat(cluster.eventLines("AS2 Payload Send Completed", messageId.replaceAll("[<>]", "")))
                    .as(messageId).hasSize(1);
        }
    }

    @Test
    @Order(3)
    void aMessageReceivedByOneNodeAndResentToTheOtherIsADuplicate() throws Exception {
        String messageId = "cluster-resend-" + System.nanoTime() + "@partner.example";
        assertThat(cluster.partnerSends(cluster.url(0), messageId, "ISA*case3~")).endsWith("processed");
        assertThat(cluster.partnerSends(cluster.url(1), messageId, "ISA*case3~"))
                .endsWith("processed/warning: duplicate-document");
        assertThat(cluster.payloads(A_BUCKET, "inbound/partner/processed/", "ISA*case3")).hasSize(1);
    }

    @Test
    @Order(4)
    void filesAcceptedAcrossTheNodesAllCompleteWhenOneIsKilled() throws Exception {
        int count = 20;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cluster.partner.put(A_BUCKET, "case1/po-" + i + ".x12", "ISA*case1*" + i + "~");
            paths.add("/" + A_BUCKET + "/case1/po-" + i + ".x12");
        }
        for (int from = 0; from < count; from += 5) {
            cluster.startFileTransfer((from / 5) % 2, TwoStations.A_TO_B, paths.subList(from, from + 5));
        }
        Await.until("a few files at PARTNER", Duration.ofSeconds(120),
                () -> cluster.payloads(B_BUCKET, "inbound/mycompany/processed/", "ISA*case1").size(), n -> n >= 3);
        String leasedByNode1 = "SELECT file_id FROM tas2_transfer_file WHERE file_path LIKE ? AND status ="
                + " 'IN_PROGRESS' AND lease_owner LIKE 'node-1/%'";
        Await.until("node-1 sending", Duration.ofSeconds(60), () -> cluster.query(leasedByNode1, "/" + A_BUCKET
                + "/case1/%"), ids -> !ids.isEmpty());
        cluster.nodes[0].kill();
        // what the dead node still held: nobody but a takeover after the lease can finish these
        List<String> orphaned = cluster.query(leasedByNode1, "/" + A_BUCKET + "/case1/%");

        Await.until("every file finished", Duration.ofSeconds(180), () -> cluster.query("SELECT status FROM"
                + " tas2_transfer_file WHERE file_path LIKE ?", "/" + A_BUCKET + "/case1/%"),
                s -> s.size() == count && s.stream().allMatch(x -> x.equals("COMPLETED") || x.equals("FAILED")));
        assertEachFileOnce(cluster, "case1", count);
        assertThat(orphaned).as("files in flight on node-1 when it was killed").isNotEmpty();
        for (String fileId : orphaned) {
            List<String> attempts = cluster.query("SELECT a.node || ' ' || COALESCE(a.outcome, '') FROM"
                    + " tas2_transfer_attempt a WHERE a.file_id = CAST(? AS BIGINT) ORDER BY a.attempt", fileId);
            assertThat(attempts).as("attempts of file %s", fileId)
                    .anyMatch(a -> a.startsWith("node-1/") && a.endsWith(" LEASE_EXPIRED"));
            assertThat(attempts.get(attempts.size() - 1)).as("attempts of file %s: %s", fileId, attempts)
                    .startsWith("node-2/").endsWith(" COMPLETED");
        }
    }

    /** Every file COMPLETED with one status JSON, its payload stored once at PARTNER. */
    static void assertEachFileOnce(Cluster cluster, String prefix, int count) throws Exception {
        assertThat(cluster.query("SELECT status FROM tas2_transfer_file WHERE file_path LIKE ?",
                "/" + A_BUCKET + "/" + prefix + "/%")).as("%s", cluster.query("SELECT status || ' ' ||"
                + " COALESCE(failure_code, '') || ' ' || COALESCE(failure_message, '') FROM tas2_transfer_file WHERE"
                + " file_path LIKE ?", "/" + A_BUCKET + "/" + prefix + "/%")).hasSize(count)
                .containsOnly("COMPLETED");
        Map<String, Integer> perFile = new HashMap<>();
        List<String> statuses = Await.until("status JSONs", Duration.ofSeconds(30),
                () -> cluster.partner.list(A_BUCKET, prefix + "/processed/").stream()
                        .filter(k -> k.endsWith(".json")).toList(), s -> s.size() >= count);
        for (String key : statuses) {
            JsonNode status = TransferJson.json().readTree(cluster.partner.read(A_BUCKET, key));
            assertThat(status.path("status-code").asText()).isEqualTo("COMPLETED");
            perFile.merge(status.path("file-path").asText(), 1, Integer::sum);
        }
        assertThat(perFile).hasSize(count);
        assertThat(perFile.values()).containsOnly(1);
        List<String> landed = cluster.payloads(B_BUCKET, "inbound/mycompany/processed/", "ISA*" + prefix + "*");
        assertThat(landed).hasSize(count).doesNotHaveDuplicates();
        assertThat(cluster.partner.list(A_BUCKET, prefix + "/processing/")).isEmpty();
    }

    private static JsonNode awaitStatus(String prefix) throws Exception {
        List<String> keys = Await.until("the status JSON under " + prefix, Duration.ofSeconds(90),
                () -> cluster.partner.list(A_BUCKET, prefix).stream()
                        .filter(k -> k.endsWith(".json") && !k.contains("/processing/")).toList(),
                k -> !k.isEmpty());
        return TransferJson.json().readTree(cluster.partner.read(A_BUCKET, keys.get(0)));
    }
}
