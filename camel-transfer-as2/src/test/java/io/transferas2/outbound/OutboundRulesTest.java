package io.transferas2.outbound;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.as2.As2FailureCode;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.PreserveContentType;
import io.transferas2.transfer.OutboundResult;
import io.transferas2.transfer.StatusCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connector side's small rules: URLs, content types, result paths, Message-IDs, credentials, pending store. */
class OutboundRulesTest {

    @Test
    void urlMustBeHttpOrHttpsAndHttpsWhenUnencrypted() {
        assertThatThrownBy(() -> ConnectorSender.checkUrl("http://127.0.0.1:9/as2", EncryptionAlg.NONE))
                .hasMessageContaining("only over https");
        assertThatThrownBy(() -> ConnectorSender.checkUrl("ftp://partner.example/as2", EncryptionAlg.AES256_CBC))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> ConnectorSender.checkUrl("not a url", EncryptionAlg.AES256_CBC))
                .hasMessageContaining("not a valid URL");
        assertThat(ConnectorSender.checkUrl("https://partner.example/as2", EncryptionAlg.NONE).getHost())
                .isEqualTo("partner.example");
    }

    @Test
    void contentTypeTable() {
        assertThat(ContentTypes.forFilename("po.x12")).isEqualTo("application/EDI-X12");
        assertThat(ContentTypes.forFilename("PO.EDI")).isEqualTo("application/EDI-X12");
        assertThat(ContentTypes.forFilename("invoic.edifact")).isEqualTo("application/EDIFACT");
        assertThat(ContentTypes.forFilename("a.b.xml")).isEqualTo("application/xml");
        assertThat(ContentTypes.forFilename("report.dat")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.forFilename("noext")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.forFilename(null)).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.resolve("text/csv", "application/pdf", PreserveContentType.ENABLED, "x.edi"))
                .isEqualTo("text/csv");
        assertThat(ContentTypes.resolve(null, "application/pdf", PreserveContentType.ENABLED, "x.edi"))
                .isEqualTo("application/pdf");
        assertThat(ContentTypes.resolve(null, "application/pdf", PreserveContentType.DISABLED, "x.edi"))
                .isEqualTo("application/EDI-X12");
        assertThat(ContentTypes.resolve(null, null, PreserveContentType.ENABLED, "x.xml")).isEqualTo("application/xml");
    }

    @Test
    void resultPathsFollowAwsLayout() {
        PendingTransfer t = transfer("/bucket/in/partner/po-7.edi", null);
        OutboundResult ok = OutboundResults.of(t, StatusCode.COMPLETED, null, null,
                new OutboundResults.MdnSummary("automatic-action/MDN-sent-automatically; processed", "m1", "s",
                        new byte[] {1}, "multipart/report"), Instant.EPOCH);
        assertThat(ok.statusTarget().toString()).isEqualTo("/bucket/in/partner/processed/po-7.t-1.m@d.edi.json");
        assertThat(ok.mdnTarget().toString()).isEqualTo("/bucket/in/partner/processed/po-7.t-1.m@d.edi.mdn");
        OutboundResult failed = OutboundResults.of(transfer("/bucket/README", null), StatusCode.FAILED,
                As2FailureCode.HTTP_ERROR_RESPONSE_FROM_PARTNER, "500", Instant.EPOCH);
        assertThat(failed.statusTarget().toString()).isEqualTo("/bucket/failed/README.t-1.m@d.json");
        assertThat(failed.mdnTarget()).isNull();
        assertThat(failed.status().toJson()).contains("\"failure-message\":\"500\"", "\"file-path\":\"/bucket/README\"")
                .doesNotContain("mdn-");
        assertThat(OutboundResults.of(transfer(null, null), StatusCode.COMPLETED, null, null, Instant.EPOCH)
                .statusTarget()).isNull();
        assertThat(OutboundResults.of(transfer("/b/k.edi", null), StatusCode.PROCESSING, null, null, Instant.EPOCH)
                .statusTarget()).isNull();
    }

    @Test
    void messageIdsHaveAwsShape() {
        assertThat(MessageIds.next(null, "c-c21c63ceaaf34d99b")).matches("[0-9a-f-]{36}@c21c63ceaaf34d99");
        assertThat(MessageIds.next("as2.example.com", "c-c21c63ceaaf34d99b")).endsWith("@as2.example.com");
        assertThat(MessageIds.bare(" <a@b> ")).isEqualTo("a@b");
    }

    @Test
    void basicCredentialsParseBothFormsAndHideThePassword() {
        BasicCredentials json = BasicCredentials.parse("{\"Username\":\"acme\",\"Password\":\"p:w\"}");
        assertThat(json.headerValue()).isEqualTo("Basic YWNtZTpwOnc=");
        assertThat(BasicCredentials.parse("acme:p:w").headerValue()).isEqualTo(json.headerValue());
        assertThat(json.toString()).doesNotContain("p:w");
        assertThatThrownBy(() -> BasicCredentials.parse("{\"Username\":\"acme\",\"Password\":\"hunter2\""))
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> BasicCredentials.parse("hunter2")).hasMessageNotContaining("hunter2");
    }

    @Test
    void fileStoreKeepsOneFilePerTransferAndRemovesOnce(@TempDir Path dir) throws Exception {
        FilePendingTransferStore store = new FilePendingTransferStore(dir.resolve("pending"));
        assertThat(store.list()).isEmpty();
        PendingTransfer t = transfer("/b/k.edi", Instant.parse("2030-01-01T00:00:00Z"));
        store.put(t);
        store.put(transfer("/b/other.edi", null));
        assertThat(Files.list(dir.resolve("pending")).toList()).hasSize(1);
        FilePendingTransferStore reopened = new FilePendingTransferStore(dir.resolve("pending"));
        assertThat(reopened.get("<m@d>")).contains(transfer("/b/other.edi", null));
        assertThat(reopened.remove("m@d")).isTrue();
        assertThat(store.remove("m@d")).isFalse();
        assertThat(store.list()).isEmpty();
    }

    private static PendingTransfer transfer(String source, Instant expires) {
        return new PendingTransfer("t-1", "m@d", "c-0123456789abcdef0", "p-1", "p-2", "US", "THEM",
                "http://x/as2", "subject", "k.edi", "application/EDI-X12", source, 12, "AAAA, sha-256", true,
                Instant.parse("2026-01-01T00:00:00Z"), expires);
    }
}
