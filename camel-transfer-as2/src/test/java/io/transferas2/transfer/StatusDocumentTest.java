package io.transferas2.transfer;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.transferas2.model.TransferJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusDocumentTest {

    @Test
    void writesAwsKeysAndTimestampFormat() throws Exception {
        String json = new StatusDocument()
                .requesterContentType("application/octet-stream")
                .messageSubject("File from MyCompany_OID")
                .requesterFileName("TestOutboundSyncMdn.dat")
                .as2From("MyCompany_OID")
                .connectorId("c-c21c63ceaaf34d99b")
                .statusCode(StatusCode.COMPLETED)
                .disposition("automatic-action/MDN-sent-automatically; processed")
                .transferSize(3198L)
                .transferId("dedf4601-4e90-4043-b16b-579af35e0d83")
                .filePath("/DOC-EXAMPLE-BUCKET/openAs2/TestOutboundSyncMdn.dat")
                .as2MessageId("fbe18db8-7361-42ff-8ab6-49ec1e435f34@c9c705f0baaaabaa")
                .failureCode(null)
                .timestamp(Instant.parse("2022-07-11T06:30:10.791274Z"))
                .toJson();
        JsonNode node = TransferJson.json().readTree(json);
        assertThat(node.get("status-code").asText()).isEqualTo("COMPLETED");
        assertThat(node.get("transfer-size").asLong()).isEqualTo(3198);
        assertThat(node.get("timestamp").asText()).isEqualTo("2022-07-11T06:30:10.791274Z");
        assertThat(node.has("failure-code")).isFalse();
        assertThat(node.fieldNames()).toIterable().containsExactly("requester-content-type", "message-subject",
                "requester-file-name", "as2-from", "connector-id", "status-code", "disposition", "transfer-size",
                "transfer-id", "file-path", "as2-message-id", "timestamp");
        assertThat(new StatusDocument().timestamp(Instant.parse("2026-01-01T00:00:00Z")).get("timestamp"))
                .isEqualTo("2026-01-01T00:00:00.000000Z");
    }

    @Test
    void storagePathsSplitAndJoin() {
        StoragePath path = StoragePath.parse("/bucket/outbox/2026/po.edi");
        assertThat(path.bucket()).isEqualTo("bucket");
        assertThat(path.key()).isEqualTo("outbox/2026/po.edi");
        assertThat(path.parentDirectory()).isEqualTo("/bucket/outbox/2026");
        assertThat(path.fileName()).isEqualTo("po.edi");
        assertThat(StoragePath.of("/bucket/outbox/", "processed/po.json")).hasToString("/bucket/outbox/processed/po.json");
        assertThat(StoragePath.parse("bucket/x").parentDirectory()).isEqualTo("/bucket");
        assertThatThrownBy(() -> StoragePath.parse("/bucket")).hasMessageContaining("expected /bucket/key");
        assertThatThrownBy(() -> StoragePath.parse("/bucket/")).hasMessageContaining("expected /bucket/key");
    }
}
