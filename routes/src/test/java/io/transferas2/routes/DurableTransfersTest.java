package io.transferas2.routes;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.transfer.TransferClient;
import software.amazon.awssdk.services.transfer.model.ConnectorFileTransferResult;
import software.amazon.awssdk.services.transfer.model.MdnResponse;
import software.amazon.awssdk.services.transfer.model.ResourceNotFoundException;
import software.amazon.awssdk.services.transfer.model.TransferTableStatus;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.store.FileAttempt;
import io.transferas2.store.FileStatus;
import io.transferas2.store.FileTransferResult;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The durable StartFileTransfer queue through the route pack, observed with the real AWS SDK: ListFileTransferResults
 * follows a file from QUEUED (the sending route is stopped, the request is still accepted and kept) to COMPLETED, and
 * to FAILED when the partner cannot be reached; the retry policy (3 attempts, back-off from 300 ms) sends a file
 * again with the same Message-ID through a partner that answers 503 twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurableTransfersTest {
    private static final String KEY_ID = "AKIADURABLETEST00001";
    private static final String SECRET = "durableTestSecret/0123456789+abcdefghijk";

    @TempDir
    static Path dir;
    private TwoStations stations;
    private TransferClient transfer;

    @BeforeAll
    void start() throws Exception {
        stations = TwoStations.start(dir, Map.of("transferas2.api.enabled", "true",
                "camel.component.transfer-as2.access-keys", KEY_ID + ":" + SECRET,
                "camel.component.transfer-as2.retry-max-attempts", "3",
                "camel.component.transfer-as2.retry-initial-delay", "300",
                "camel.component.transfer-as2.retry-multiplier", "2"), Map.of());
        transfer = TransferClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + stations.a.port + "/"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                .build();
    }

    @AfterAll
    void stop() throws Exception {
        transfer.close();
        stations.close();
    }

    private List<ConnectorFileTransferResult> results(String connectorId, String transferId) {
        return transfer.listFileTransferResults(b -> b.connectorId(connectorId).transferId(transferId))
                .fileTransferResults();
    }

    private List<ConnectorFileTransferResult> awaitFinished(String connectorId, String transferId) throws Exception {
        return Await.until("transfer " + transferId + " finished", Duration.ofSeconds(60),
                () -> results(connectorId, transferId),
                list -> list.stream().allMatch(r -> r.statusCode() == TransferTableStatus.COMPLETED
                        || r.statusCode() == TransferTableStatus.FAILED));
    }

    private TransferAs2Component componentA() {
        return stations.a.context().getComponent("transfer-as2", TransferAs2Component.class);
    }

    @Test
    void aFileIsQueuedWhileNothingSendsAndCompletedOnceSent() throws Exception {
        stations.a.put(A_BUCKET, "durable/queued/po-1.x12", "ISA*queued-1~");
        stations.a.put(A_BUCKET, "durable/queued/po-2.x12", "ISA*queued-2~");
        stations.a.context().getRouteController().stopRoute("transfer-as2-send-file");
        String transferId;
        try {
            transferId = transfer.startFileTransfer(b -> b.connectorId(TwoStations.A_TO_B)
                    .sendFilePaths("/mycompany-edi/durable/queued/po-1.x12", "/mycompany-edi/durable/queued/po-2.x12"))
                    .transferId();
            List<ConnectorFileTransferResult> queued = results(TwoStations.A_TO_B, transferId);
            assertThat(queued).extracting(ConnectorFileTransferResult::filePath).containsExactly(
                    "/mycompany-edi/durable/queued/po-1.x12", "/mycompany-edi/durable/queued/po-2.x12");
            assertThat(queued).extracting(ConnectorFileTransferResult::statusCode)
                    .containsOnly(TransferTableStatus.QUEUED);
            // paging: one file per page, in request order
            var first = transfer.listFileTransferResults(b -> b.connectorId(TwoStations.A_TO_B)
                    .transferId(transferId).maxResults(1));
            assertThat(first.fileTransferResults()).hasSize(1);
            assertThat(first.nextToken()).isNotNull();
            assertThat(transfer.listFileTransferResults(b -> b.connectorId(TwoStations.A_TO_B)
                    .transferId(transferId).maxResults(1).nextToken(first.nextToken())).fileTransferResults().get(0)
                    .filePath()).endsWith("po-2.x12");
        } finally {
            stations.a.context().getRouteController().startRoute("transfer-as2-send-file");
        }
        List<ConnectorFileTransferResult> done = awaitFinished(TwoStations.A_TO_B, transferId);
        assertThat(done).extracting(ConnectorFileTransferResult::statusCode)
                .containsOnly(TransferTableStatus.COMPLETED);
        assertThat(done).allSatisfy(r -> assertThat(r.failureCode()).isNull());
        assertThat(stations.a.list(A_BUCKET, "durable/queued/processed/")).filteredOn(k -> k.endsWith(".json"))
                .hasSize(2);
        assertThat(stations.a.list(A_BUCKET, "durable/queued/processing/")).isEmpty();

        assertThatThrownBy(() -> results(TwoStations.A_TO_B, "no-such-transfer"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anUnreachablePartnerIsFailedWithAwsFailureCodeAfterTheRetries() throws Exception {
        stations.a.put(A_BUCKET, "durable/down/po-d.x12", "ISA*down~");
        String transferId = transfer.startFileTransfer(b -> b.connectorId(TwoStations.A_DOWN)
                .sendFilePaths("/mycompany-edi/durable/down/po-d.x12")).transferId();
        ConnectorFileTransferResult failed = awaitFinished(TwoStations.A_DOWN, transferId).get(0);
        assertThat(failed.statusCode()).isEqualTo(TransferTableStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP");
        assertThat(failed.failureMessage()).contains("Unable to connect");
        // only the last attempt wrote a status JSON
        Await.keys(stations.a, A_BUCKET, "durable/down/failed/", 1);
        String json = stations.a.list(A_BUCKET, "durable/down/failed/").get(0);
        String messageId = json.substring(json.lastIndexOf('/') + 1).split("\\.")[2];
        FileTransferResult file = componentA().transferQueue().file(messageId).orElseThrow();
        assertThat(file.status()).isEqualTo(FileStatus.FAILED);
        assertThat(file.statusKey()).isEqualTo("/mycompany-edi/" + json);
        assertThat(file.attempts()).extracting(FileAttempt::outcome).containsExactly("RETRY", "RETRY", "FAILED");
    }

    @Test
    void aPartnerDownForTwoAttemptsGetsTheFileOnTheThirdWithOneMessageId() throws Exception {
        try (PartnerProxy proxy = PartnerProxy.failingFirst("http://127.0.0.1:" + stations.b.port + "/as2", 2)) {
            String connectorId = transfer.createConnector(b -> b.url(proxy.url())
                    .accessRole("arn:aws:iam::000000000000:role/as2")
                    .as2Config(c -> c.localProfileId(TwoStations.id("p-", 0xa1))
                            .partnerProfileId(TwoStations.id("p-", 0xa2)).mdnSigningAlgorithm("SHA256")
                            .mdnResponse(MdnResponse.SYNC))).connectorId();
            stations.a.put(A_BUCKET, "durable/retry/po-r.x12", "ISA*retry~");
            String transferId = transfer.startFileTransfer(b -> b.connectorId(connectorId)
                    .sendFilePaths("/mycompany-edi/durable/retry/po-r.x12")).transferId();

            ConnectorFileTransferResult done = awaitFinished(connectorId, transferId).get(0);
            assertThat(done.statusCode()).isEqualTo(TransferTableStatus.COMPLETED);
            assertThat(proxy.messageIds()).hasSize(3);
            assertThat(proxy.messageIds().stream().distinct()).hasSize(1);
            String messageId = proxy.messageIds().get(0).replaceAll("[<>]", "");
            FileTransferResult file = componentA().transferQueue().file(messageId).orElseThrow();
            assertThat(file.status()).isEqualTo(FileStatus.COMPLETED);
            assertThat(file.attempts()).extracting(FileAttempt::outcome).containsExactly("RETRY", "RETRY",
                    "COMPLETED");
            assertThat(file.attempts().get(0).failureCode()).isEqualTo("HTTP_ERROR_RESPONSE_FROM_PARTNER");
            assertThat(file.attempts()).allSatisfy(a -> assertThat(a.node()).isEqualTo(componentA().nodeId()));
            // one status JSON (COMPLETED), the payload landed once at the partner
            assertThat(stations.a.list(A_BUCKET, "durable/retry/failed/")).isEmpty();
            assertThat(stations.a.list(A_BUCKET, "durable/retry/processed/")).filteredOn(k -> k.endsWith(".json"))
                    .hasSize(1);
            assertThat(stations.b.list(B_BUCKET, "inbound/mycompany/processed/po-r." + messageId)).isNotEmpty();
        }
    }
}
