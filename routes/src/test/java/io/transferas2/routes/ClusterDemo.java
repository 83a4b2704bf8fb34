package io.transferas2.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.B_BUCKET;

/**
 * {@code examples/cluster/run.sh}: PostgreSQL (embedded binaries), one S3 server, PARTNER, and MYCOMPANY as two nodes
 * in JVMs of their own. Sends files both ways through either node, kills node 1 with SIGKILL while it sends, and shows
 * its files completing on node 2. Prints what happens; exits non-zero when anything does not.
 */
public final class ClusterDemo {
    private ClusterDemo() {
    }

    private static void say(String text) {
        System.out.println("cluster: " + text);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/cluster/data").toAbsolutePath();
        Station.deleteTree(dir);
        Files.createDirectories(dir);
        say("starting PostgreSQL, S3, PARTNER and MYCOMPANY node-1 and node-2 (logs: " + dir + "/node-*/run-*.log)");
        int status = 1;
        try (Cluster cluster = Cluster.start(dir, 2, Map.of())) {
            say("MYCOMPANY nodes at " + cluster.url(0) + " and " + cluster.url(1) + ", sharing "
                    + cluster.postgres.getJdbcUrl("postgres", "postgres"));

            for (int node = 0; node < 2; node++) {
                String id = "demo-in-" + node + "-" + System.nanoTime() + "@partner.example";
                say("PARTNER -> node-" + (node + 1) + ": " + cluster.partnerSends(cluster.url(node), id,
                        "ISA*inbound-via-node-" + (node + 1) + "~"));
            }
            String id = "demo-resend-" + System.nanoTime() + "@partner.example";
            cluster.partnerSends(cluster.url(0), id, "ISA*resend~");
            say("PARTNER resends node-1's message to node-2: " + cluster.partnerSends(cluster.url(1), id,
                    "ISA*resend~"));

            int count = 40;
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                cluster.partner.put(A_BUCKET, "demo/po-" + i + ".x12", "ISA*demo*" + i + "~");
                paths.add("/" + A_BUCKET + "/demo/po-" + i + ".x12");
            }
            for (int from = 0; from < count; from += 10) {
                int node = (from / 10) % 2;
                String transferId = cluster.startFileTransfer(node, TwoStations.A_TO_B, paths.subList(from,
                        from + 10));
                say("StartFileTransfer of 10 files through node-" + (node + 1) + ": " + transferId);
            }
            Await.until("a few files at PARTNER", Duration.ofSeconds(120), () -> cluster.payloads(B_BUCKET,
                    "inbound/mycompany/processed/", "ISA*demo").size(), n -> n >= 5);
            say("kill -9 node-1 while " + cluster.query("SELECT COUNT(*) FROM tas2_transfer_file WHERE status"
                    + " IN ('QUEUED', 'IN_PROGRESS')").get(0) + " files are still queued or in flight");
            cluster.nodes[0].kill();
            Await.until("every file finished", Duration.ofSeconds(300), () -> cluster.query("SELECT status FROM"
                    + " tas2_transfer_file WHERE file_path LIKE ? AND status IN ('COMPLETED', 'FAILED')",
                    "/" + A_BUCKET + "/demo/%").size(), n -> n == count);
            List<String> byNode = cluster.query("SELECT f.status || ' (last attempt by ' || a.node || ')' FROM"
                    + " tas2_transfer_file f JOIN tas2_transfer_attempt a ON a.file_id = f.file_id AND a.attempt ="
                    + " f.attempts WHERE f.file_path LIKE ?", "/" + A_BUCKET + "/demo/%");
            java.util.Map<String, Long> summary = new java.util.TreeMap<>();
            byNode.forEach(s -> summary.merge(s.replaceAll("/[0-9a-f]{8}\\)", ")"), 1L, Long::sum));
            summary.forEach((what, n) -> say(n + " files " + what));
            int landed = cluster.payloads(B_BUCKET, "inbound/mycompany/processed/", "ISA*demo").size();
            say(landed + " of " + count + " payloads stored at PARTNER, each once: "
                    + (cluster.payloads(B_BUCKET, "inbound/mycompany/processed/", "ISA*demo").stream().distinct()
                    .count() == landed));
            status = landed == count && summary.keySet().stream().allMatch(k -> k.startsWith("COMPLETED")) ? 0 : 1;
            say(status == 0 ? "OK: every file completed, node-2 finished node-1's work" : "FAILED: see above");
        }
        System.exit(status);
    }
}
