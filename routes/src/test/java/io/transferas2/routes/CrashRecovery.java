package io.transferas2.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.transfer.TransferClient;
import software.amazon.awssdk.services.transfer.model.ConnectorFileTransferResult;
import software.amazon.awssdk.services.transfer.model.TransferTableStatus;

import io.transferas2.model.TransferJson;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash recovery with real processes: MYCOMPANY's station runs in a JVM of its own and is killed with SIGKILL (or
 * stopped with SIGTERM) while its accepted files are partly sent, partly sending and partly queued; PARTNER runs in
 * the test JVM. After the restart every accepted file ends COMPLETED with one status JSON, PARTNER stored each
 * payload once (a resend carries the same Message-ID and is answered duplicate-document, which counts as success),
 * {@code processing/} is empty and ListFileTransferResults reports each file once.
 */
final class CrashRecovery implements AutoCloseable {
    static final String KEY_ID = "AKIACRASHTEST0000001";
    static final String SECRET = "crashTestSecret/0123456789+abcdefghijklm";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Path dir;
    private final Path s3Data;
    private final int portA;
    private final Map<String, String> propsA;
    final Station partner;

    CrashRecovery(Path dir) throws Exception {
        this.dir = dir;
        Path keys = dir.resolve("keys");
        for (String name : new String[] {"mycompany", "partner", "stranger"}) {
            StationKeys.write(keys, name, true);
        }
        StationKeys.write(keys, "impostor", false);
        portA = Ports.distinct();
        int portB = Ports.distinct();
        Path registryA = dir.resolve("mycompany.registry.yaml");
        Path registryB = dir.resolve("partner.registry.yaml");
        Files.writeString(registryA, TwoStations.registryA(portB, Ports.distinct()));
        Files.writeString(registryB, TwoStations.registryB(portA, portB));
        s3Data = dir.resolve("s3");
        partner = Station.start("PARTNER", portB, Files.createDirectories(dir.resolve("partner")),
                TwoStations.props(registryB, TwoStations.B_SERVER, B_BUCKET, s3Data, Map.of()));
        propsA = new LinkedHashMap<>(TwoStations.props(registryA, TwoStations.A_SERVER, A_BUCKET, s3Data, Map.of()));
        // one file at a time, so a kill finds files sent, one sending and the rest queued; short leases
        propsA.put("camel.component.transfer-as2.max-concurrent-transfers-per-connector", "1");
        propsA.put("camel.component.transfer-as2.transfer-lease", "3000");
        propsA.put("camel.component.transfer-as2.transfer-poll-interval", "500");
        propsA.put("transferas2.api.enabled", "true");
        propsA.put("camel.component.transfer-as2.access-keys", KEY_ID + ":" + SECRET);
        propsA.put("transferas2.events.endpoint", "log:events?level=DEBUG");
    }

    ChildStation startSender(String run) throws Exception {
        return ChildStation.start("MYCOMPANY", portA, dir.resolve("mycompany"), propsA, run);
    }

    /** Puts {@code count} files under {@code prefix} and accepts them in requests of 10; returns the TransferIds. */
    List<String> acceptFiles(String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            partner.put(A_BUCKET, prefix + "po-" + i + ".x12", payload(prefix, i));
        }
        List<String> transferIds = new ArrayList<>();
        for (int from = 0; from < count; from += 10) {
            StringBuilder json = new StringBuilder("{\"ConnectorId\":\"" + TwoStations.A_TO_B
                    + "\",\"SendFilePaths\":[");
            for (int i = from; i < Math.min(count, from + 10); i++) {
                json.append(i == from ? "" : ",").append("\"/").append(A_BUCKET).append('/').append(prefix)
                        .append("po-").append(i).append(".x12\"");
            }
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portA
                    + "/transfers")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.append("]}").toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            transferIds.add(TransferJson.wire().readTree(response.body()).path("TransferId").asText());
        }
        return transferIds;
    }

    static String payload(String prefix, int i) {
        return "ISA*" + prefix + "*" + i + "~";
    }

    /** Status JSONs written so far under the prefix (processed/ and failed/). */
    int statusFiles(String prefix) {
        return (int) partner.list(A_BUCKET, prefix).stream()
                .filter(k -> k.endsWith(".json") && !k.contains("/processing/")).count();
    }

    /** Payloads PARTNER landed for files of the prefix. */
    List<String> landedAtPartner(String prefix) {
        List<String> landed = new ArrayList<>();
        for (String key : partner.list(B_BUCKET, "inbound/mycompany/processed/")) {
            // payloads only (the embedded S3 may list a write's temporary file for a moment)
            if (key.endsWith(".x12")) {
                String content = partner.read(B_BUCKET, key);
                if (content.startsWith("ISA*" + prefix)) {
                    landed.add(content);
                }
            }
        }
        return landed;
    }

    void awaitPartnerReceived(String prefix, int count) throws Exception {
        Await.until(count + " payloads at PARTNER", Duration.ofSeconds(120), () -> landedAtPartner(prefix).size(),
                n -> n >= count);
    }

    void awaitAllFinished(String prefix, int count, Duration timeout) throws Exception {
        Await.until("status JSON of " + count + " files", timeout, () -> statusFiles(prefix), n -> n >= count);
    }

    /** Everything the issue asks of a recovered run. */
    void assertEachFileCompletedOnce(String prefix, int count, List<String> transferIds) throws Exception {
        assertThat(partner.list(A_BUCKET, prefix + "failed/")).isEmpty();
        List<String> statuses = partner.list(A_BUCKET, prefix + "processed/").stream()
                .filter(k -> k.endsWith(".json")).toList();
        Map<String, Integer> perFile = new HashMap<>();
        for (String key : statuses) {
            JsonNode status = TransferJson.json().readTree(partner.read(A_BUCKET, key));
            assertThat(status.path("status-code").asText()).isEqualTo("COMPLETED");
            perFile.merge(status.path("file-path").asText(), 1, Integer::sum);
        }
        assertThat(perFile).hasSize(count);
        assertThat(perFile.values()).containsOnly(1);
        List<String> landed = landedAtPartner(prefix);
        assertThat(landed).hasSize(count);
        assertThat(landed).doesNotHaveDuplicates();
        assertThat(partner.list(A_BUCKET, prefix + "processing/")).isEmpty();

        try (TransferClient client = TransferClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + portA + "/")).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                .build()) {
            List<ConnectorFileTransferResult> all = new ArrayList<>();
            for (String transferId : transferIds) {
                all.addAll(client.listFileTransferResults(b -> b.connectorId(TwoStations.A_TO_B)
                        .transferId(transferId)).fileTransferResults());
            }
            assertThat(all).hasSize(count);
            assertThat(all).extracting(ConnectorFileTransferResult::statusCode)
                    .containsOnly(TransferTableStatus.COMPLETED);
            assertThat(all.stream().map(ConnectorFileTransferResult::filePath).distinct()).hasSize(count);
        }
    }

    @Override
    public void close() {
        partner.close();
    }
}
