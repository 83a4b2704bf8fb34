package io.transferas2.routes;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.TransferJson;

import static io.transferas2.routes.TwoStations.A_AGREEMENT;
import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.A_CUSTOM;
import static io.transferas2.routes.TwoStations.A_DOWN;
import static io.transferas2.routes.TwoStations.A_SERVER;
import static io.transferas2.routes.TwoStations.A_STRANGER;
import static io.transferas2.routes.TwoStations.A_TO_B;
import static io.transferas2.routes.TwoStations.A_WRONG_CERT;
import static io.transferas2.routes.TwoStations.B_AGREEMENT;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static io.transferas2.routes.TwoStations.B_SERVER;
import static io.transferas2.routes.TwoStations.B_TO_A;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route pack end to end: MYCOMPANY and PARTNER, each the shipped YAML routes in Camel Main over the embedded S3,
 * trade files through the HTTP trigger. Every file name and status-file field is checked against AWS's layout (spec
 * §1.2, §1.3, §2.3, §2.4), and the events and counters against §3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutePackTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Set OUTBOUND_COMPLETED_FIELDS = new Set("requester-content-type", "message-subject",
            "requester-file-name", "as2-from", "connector-id", "status-code", "disposition", "transfer-size",
            "mdn-message-id", "mdn-subject", "as2-to", "transfer-id", "file-path", "as2-message-id", "timestamp");
    private static final Set INBOUND_COMPLETED_FIELDS = new Set("agreement-id", "server-id", "as2-from", "as2-to",
            "as2-message-id", "client-ip", "message-subject", "requester-file-name", "requester-content-type",
            "transfer-size", "file-path", "status-code", "disposition", "mdn-subject", "mdn-message-id",
            "timestamp");

    @TempDir
    static Path dir;
    TwoStations stations;
    Station a;
    Station b;

    /** Expected JSON field names. */
    record Set(java.util.Set<String> names) {
        Set(String... names) {
            this(new java.util.TreeSet<>(List.of(names)));
        }

        Set without(String... gone) {
            java.util.Set<String> copy = new java.util.TreeSet<>(names);
            List.of(gone).forEach(copy::remove);
            return new Set(copy);
        }

        Set with(String... more) {
            java.util.Set<String> copy = new java.util.TreeSet<>(names);
            copy.addAll(List.of(more));
            return new Set(copy);
        }
    }

    @BeforeAll
    void start() throws Exception {
        stations = TwoStations.start(dir, Map.of(
                "transferas2.outbox.enabled", "true",
                "transferas2.outbox.prefix", "outbox/",
                "transferas2.outbox.connector-id", A_TO_B,
                "transferas2.outbox.delay", "300"),
                Map.of("transferas2.s3.part-size", Long.toString(5L * 1024 * 1024),
                        "transferas2.trigger.token", Station.TRIGGER_TOKEN));
        a = stations.a;
        b = stations.b;
    }

    @AfterAll
    void stop() throws Exception {
        stations.close();
    }

    @Test
    void mycompanySendsToPartnerSignedEncryptedCompressedWithSignedSyncMdn() throws Exception {
        String edi = "ISA*00*          *00*          *ZZ*MYCOMPANY      *ZZ*PARTNER        *260101*1200*U*00401"
                + "*000000001*0*P*>~GS*PO*MYCOMPANY*PARTNER*20260101*1200*1*X*004010~ST*850*0001~BEG*00*SA*PO-1**"
                + "20260101~SE*3*0001~GE*1*1~IEA*1*000000001~";
        a.put(A_BUCKET, "outbound/partner/po-1.x12", edi);
        String sourceEtag = etag(a, A_BUCKET, "outbound/partner/po-1.x12");
        double sentBefore = a.counter("OutboundMessage", "connectorId", A_TO_B);
        double receivedBefore = b.counter("InboundMessage", "serverId", B_SERVER);

        String transferId = a.startFileTransfer(A_TO_B, "/mycompany-edi/outbound/partner/po-1.x12");
        assertThat(transferId).matches(Json.UUID);

        // MYCOMPANY: <parent>/processed/<name>.<transferId>.<messageId>.<ext>.json and .mdn
        List<String> results = Await.keys(a, A_BUCKET, "outbound/partner/processed/po-1.", 2);
        Matcher m = Pattern.compile("outbound/partner/processed/po-1\\." + transferId + "\\.(" + Json.MESSAGE_ID
                + ")\\.x12\\.(json|mdn)").matcher(results.get(0));
        assertThat(m.matches()).as(results.get(0)).isTrue();
        String messageId = m.group(1);
        String base = "outbound/partner/processed/po-1." + transferId + "." + messageId + ".x12";
        assertThat(results).containsExactlyInAnyOrder(base + ".json", base + ".mdn");
        JsonNode status = Json.parse(a.read(A_BUCKET, base + ".json"));
        assertThat(Json.fields(status)).isEqualTo(OUTBOUND_COMPLETED_FIELDS.names());
        assertThat(status.path("status-code").asText()).isEqualTo("COMPLETED");
        assertThat(status.path("transfer-id").asText()).isEqualTo(transferId);
        assertThat(status.path("as2-message-id").asText()).isEqualTo(messageId);
        assertThat(status.path("connector-id").asText()).isEqualTo(A_TO_B);
        assertThat(status.path("as2-from").asText()).isEqualTo("MYCOMPANY");
        assertThat(status.path("as2-to").asText()).isEqualTo("PARTNER");
        assertThat(status.path("file-path").asText()).isEqualTo("/mycompany-edi/outbound/partner/po-1.x12");
        assertThat(status.path("requester-file-name").asText()).isEqualTo("po-1.x12");
        assertThat(status.path("requester-content-type").asText()).isEqualTo("application/EDI-X12");
        assertThat(status.path("message-subject").asText()).isEqualTo("File po-1.x12 from MYCOMPANY to PARTNER");
        assertThat(status.path("transfer-size").asLong()).isEqualTo(edi.length());
        assertThat(status.path("disposition").asText())
                .isEqualTo("automatic-action/MDN-sent-automatically; processed");
        assertThat(status.path("mdn-message-id").asText()).isNotBlank();
        assertThat(status.path("mdn-subject").asText()).isEqualTo("Message Disposition Notification");
        assertThat(status.path("timestamp").asText()).matches(Json.TIMESTAMP);
        String mdn = a.read(A_BUCKET, base + ".mdn");
        assertThat(mdn).contains("multipart/signed").contains(messageId).contains("Received-Content-MIC");

        // PARTNER: <base>/processed/<name>.<messageId>.<ext>, .json and .mdn beside it
        String landed = "inbound/mycompany/processed/po-1." + messageId + ".x12";
        Await.keys(b, B_BUCKET, landed, 3);
        assertThat(b.list(B_BUCKET, "inbound/mycompany/processed/po-1." + messageId))
                .containsExactlyInAnyOrder(landed, landed + ".json", landed + ".mdn");
        assertThat(b.read(B_BUCKET, landed)).isEqualTo(edi);
        assertThat(Files.readString(stations.s3Data.resolve(B_BUCKET).resolve(landed))).isEqualTo(edi);
        JsonNode received = Json.parse(b.read(B_BUCKET, landed + ".json"));
        assertThat(Json.fields(received)).isEqualTo(INBOUND_COMPLETED_FIELDS.names());
        assertThat(received.path("file-path").asText()).isEqualTo("processed/po-1." + messageId + ".x12");
        assertThat(received.path("agreement-id").asText()).isEqualTo(B_AGREEMENT);
        assertThat(received.path("server-id").asText()).isEqualTo(B_SERVER);
        assertThat(received.path("as2-message-id").asText()).isEqualTo(messageId);
        assertThat(received.path("as2-from").asText()).isEqualTo("MYCOMPANY");
        assertThat(received.path("client-ip").asText()).isEqualTo("127.0.0.1");
        assertThat(received.path("status-code").asText()).isEqualTo("COMPLETED");
        assertThat(received.path("requester-content-type").asText()).isEqualTo("application/EDI-X12");
        assertThat(received.path("transfer-size").asLong()).isEqualTo(edi.length());
        assertThat(received.path("mdn-message-id").asText()).isEqualTo(status.path("mdn-message-id").asText());
        assertThat(b.read(B_BUCKET, landed + ".mdn")).contains(messageId);

        // the source is untouched, processing/ is empty again
        assertThat(a.read(A_BUCKET, "outbound/partner/po-1.x12")).isEqualTo(edi);
        assertThat(etag(a, A_BUCKET, "outbound/partner/po-1.x12")).isEqualTo(sourceEtag);
        assertThat(a.list(A_BUCKET, "outbound/partner/processing/")).isEmpty();

        // events (spec §3.1) and counters (§3.2)
        JsonNode sent = awaitEvent(a, "AS2 Payload Send Completed", messageId);
        assertEnvelope(sent, "arn:aws:transfer:us-east-1:000000000000:connector/" + A_TO_B);
        JsonNode detail = sent.path("detail");
        assertThat(detail.path("s3-attributes").path("file-bucket").asText()).isEqualTo(A_BUCKET);
        assertThat(detail.path("s3-attributes").path("file-key").asText()).isEqualTo("/outbound/partner/po-1.x12");
        assertThat(detail.path("s3-attributes").path("json-key").asText()).isEqualTo("/" + base + ".json");
        assertThat(detail.path("s3-attributes").path("mdn-key").asText()).isEqualTo("/" + base + ".mdn");
        assertThat(detail.path("bytes").asLong()).isEqualTo(edi.length());
        assertThat(detail.path("connector-id").asText()).isEqualTo(A_TO_B);
        assertThat(detail.path("transfer-id").asText()).isEqualTo(transferId);
        assertThat(detail.path("as2-from").asText()).isEqualTo("MYCOMPANY");
        assertThat(detail.path("as2-to").asText()).isEqualTo("PARTNER");
        assertThat(detail.path("requester-file-name").asText()).isEqualTo("po-1.x12");
        assertThat(detail.path("message-subject").asText()).isEqualTo("File po-1.x12 from MYCOMPANY to PARTNER");
        assertThat(detail.path("status-code").asText()).isEqualTo("COMPLETED");
        assertThat(detail.path("start-timestamp").asText()).matches(Json.TIMESTAMP);
        assertThat(detail.path("end-timestamp").asText()).matches(Json.TIMESTAMP);
        JsonNode mdnReceived = awaitEvent(a, "AS2 MDN Receive Completed", messageId).path("detail");
        assertThat(mdnReceived.path("disposition").asText()).endsWith("processed");
        assertThat(mdnReceived.path("mdn-message-id").asText()).isEqualTo(status.path("mdn-message-id").asText());
        JsonNode receivedEvent = awaitEvent(b, "AS2 Payload Receive Completed", messageId);
        assertEnvelope(receivedEvent, "arn:aws:transfer:us-east-1:000000000000:server/" + B_SERVER);
        JsonNode rd = receivedEvent.path("detail");
        assertThat(rd.path("s3-attributes").path("file-bucket").asText()).isEqualTo(B_BUCKET);
        assertThat(rd.path("s3-attributes").path("file-key").asText()).isEqualTo("/" + landed);
        assertThat(rd.path("s3-attributes").path("json-key").asText()).isEqualTo("/" + landed + ".json");
        assertThat(rd.path("agreement-id").asText()).isEqualTo(B_AGREEMENT);
        assertThat(rd.path("server-id").asText()).isEqualTo(B_SERVER);
        assertThat(rd.path("client-ip").asText()).isEqualTo("127.0.0.1");
        assertThat(rd.has("connector-id")).isFalse();
        awaitEvent(b, "AS2 MDN Send Completed", messageId);
        assertThat(a.counter("OutboundMessage", "connectorId", A_TO_B)).isEqualTo(sentBefore + 1);
        assertThat(b.counter("InboundMessage", "serverId", B_SERVER)).isEqualTo(receivedBefore + 1);
    }

    @Test
    void partnerSendsToMycompanyAndTheAsyncMdnCompletesTheTransfer() throws Exception {
        String edi = "UNA:+.? 'UNB+UNOC:3+PARTNER+MYCOMPANY+260101:1200+9'UNH+1+INVOIC:D:96A:UN'UNT+2+1'UNZ+1+9'";
        b.put(B_BUCKET, "outbound/mycompany/inv-9.edi", edi);
        String transferId = b.startFileTransfer(B_TO_A, "/partner-edi/outbound/mycompany/inv-9.edi");

        // the MDN comes back to PARTNER's server; only then is the status file written
        List<String> results = Await.keys(b, B_BUCKET, "outbound/mycompany/processed/inv-9.", 2);
        Matcher m = Pattern.compile(".*/inv-9\\." + transferId + "\\.(" + Json.MESSAGE_ID + ")\\.edi\\.json")
                .matcher(results.stream().filter(k -> k.endsWith(".json")).findFirst().orElseThrow());
        assertThat(m.matches()).isTrue();
        String messageId = m.group(1);
        String base = "outbound/mycompany/processed/inv-9." + transferId + "." + messageId + ".edi";
        assertThat(results).containsExactlyInAnyOrder(base + ".json", base + ".mdn");
        JsonNode status = Json.parse(b.read(B_BUCKET, base + ".json"));
        assertThat(Json.fields(status)).isEqualTo(OUTBOUND_COMPLETED_FIELDS.names());
        assertThat(status.path("status-code").asText()).isEqualTo("COMPLETED");
        assertThat(status.path("as2-from").asText()).isEqualTo("PARTNER");
        assertThat(status.path("requester-content-type").asText()).isEqualTo("application/EDI-X12");
        assertThat(status.path("disposition").asText()).endsWith("processed");

        String landed = "inbound/partner/processed/inv-9." + messageId + ".edi";
        Await.keys(a, A_BUCKET, landed, 3);
        assertThat(a.read(A_BUCKET, landed)).isEqualTo(edi);
        JsonNode received = Json.parse(a.read(A_BUCKET, landed + ".json"));
        assertThat(Json.fields(received)).isEqualTo(INBOUND_COMPLETED_FIELDS.names());
        assertThat(received.path("agreement-id").asText()).isEqualTo(A_AGREEMENT);
        assertThat(received.path("server-id").asText()).isEqualTo(A_SERVER);
        assertThat(a.list(B_BUCKET, "outbound/mycompany/processing/")).isEmpty();

        JsonNode sent = awaitEvent(b, "AS2 Payload Send Completed", messageId).path("detail");
        assertThat(sent.path("status-code").asText()).isEqualTo("PROCESSING");
        assertThat(sent.path("s3-attributes").has("json-key")).isFalse();
        JsonNode completed = awaitEvent(b, "AS2 MDN Receive Completed", messageId).path("detail");
        assertThat(completed.path("status-code").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("s3-attributes").path("json-key").asText()).isEqualTo("/" + base + ".json");
        assertThat(completed.path("transfer-id").asText()).isEqualTo(transferId);
        // MYCOMPANY announces its MDN once it was delivered to PARTNER's server
        JsonNode mdnSent = awaitEvent(a, "AS2 MDN Send Completed", messageId).path("detail");
        assertThat(mdnSent.path("server-id").asText()).isEqualTo(A_SERVER);
        assertThat(mdnSent.path("s3-attributes").path("mdn-key").asText()).isEqualTo("/" + landed + ".mdn");
        assertThat(b.counter("OutboundMessage", "connectorId", B_TO_A)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aWrongPartnerCertificateFailsTheMdnVerification() throws Exception {
        a.put(A_BUCKET, "outbound/wrongcert/po-w.x12", "ISA*wrong-cert~");
        double failedBefore = a.counter("OutboundFailedMessage", "connectorId", A_WRONG_CERT);
        String transferId = a.startFileTransfer(A_WRONG_CERT, "/mycompany-edi/outbound/wrongcert/po-w.x12");

        List<String> results = Await.keys(a, A_BUCKET, "outbound/wrongcert/failed/", 2);
        String json = results.stream().filter(k -> k.endsWith(".json")).findFirst().orElseThrow();
        assertThat(json).matches("outbound/wrongcert/failed/po-w\\." + transferId + "\\." + Json.MESSAGE_ID
                + "\\.x12\\.json");
        assertThat(results).contains(json.replaceAll("\\.json$", ".mdn"));
        JsonNode status = Json.parse(a.read(A_BUCKET, json));
        // the MDN's disposition is not reported: its signature did not verify
        assertThat(Json.fields(status)).isEqualTo(OUTBOUND_COMPLETED_FIELDS.without("disposition")
                .with("failure-code", "failure-message").names());
        assertThat(status.path("status-code").asText()).isEqualTo("FAILED");
        assertThat(status.path("failure-code").asText()).startsWith("VERIFICATION_FAILED");
        assertThat(a.list(A_BUCKET, "outbound/wrongcert/processed/")).isEmpty();
        assertThat(a.list(A_BUCKET, "outbound/wrongcert/processing/")).isEmpty();
        String messageId = status.path("as2-message-id").asText();
        awaitEvent(a, "AS2 Payload Send Completed", messageId);
        JsonNode failed = awaitEvent(a, "AS2 MDN Receive Failed", messageId).path("detail");
        assertThat(failed.path("failure-code").asText()).isEqualTo(status.path("failure-code").asText());
        assertThat(failed.path("s3-attributes").path("json-key").asText()).isEqualTo("/" + json);
        assertThat(a.counter("OutboundFailedMessage", "connectorId", A_WRONG_CERT)).isEqualTo(failedBefore + 1);
    }

    @Test
    void aPartnerThatIsDownGivesTheConnectFailureInFailed() throws Exception {
        a.put(A_BUCKET, "outbound/down/po-d.x12", "ISA*down~");
        String transferId = a.startFileTransfer(A_DOWN, "/mycompany-edi/outbound/down/po-d.x12");

        List<String> results = Await.keys(a, A_BUCKET, "outbound/down/failed/", 1);
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).matches("outbound/down/failed/po-d\\." + transferId + "\\." + Json.MESSAGE_ID
                + "\\.x12\\.json");
        JsonNode status = Json.parse(a.read(A_BUCKET, results.get(0)));
        assertThat(Json.fields(status)).isEqualTo(OUTBOUND_COMPLETED_FIELDS
                .without("disposition", "mdn-message-id", "mdn-subject").with("failure-code", "failure-message")
                .names());
        assertThat(status.path("failure-code").asText()).isEqualTo("UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP");
        assertThat(status.path("status-code").asText()).isEqualTo("FAILED");
        JsonNode event = awaitEvent(a, "AS2 Payload Send Failed", status.path("as2-message-id").asText());
        assertThat(event.path("detail").path("failure-code").asText())
                .isEqualTo("UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP");
        // the marker is removed after the failure's JSON and event (seen once still there right after the event)
        Await.until("the processing/ marker removed", Duration.ofSeconds(30),
                () -> a.list(A_BUCKET, "outbound/down/processing/"), List::isEmpty);
    }

    @Test
    void anUnknownAgreementIsRefusedWithHttp400AndRecordedAsFailed() throws Exception {
        a.put(A_BUCKET, "outbound/stranger/po-s.x12", "ISA*stranger~");
        double refusedBefore = b.counter("InboundFailedMessage", "serverId", B_SERVER);
        String transferId = a.startFileTransfer(A_STRANGER, "/mycompany-edi/outbound/stranger/po-s.x12");

        List<String> results = Await.keys(a, A_BUCKET, "outbound/stranger/failed/", 1);
        JsonNode status = Json.parse(a.read(A_BUCKET, results.get(0)));
        assertThat(results.get(0)).startsWith("outbound/stranger/failed/po-s." + transferId + ".");
        assertThat(status.path("failure-code").asText()).isEqualTo("HTTP_ERROR_RESPONSE_FROM_PARTNER");
        assertThat(status.path("failure-message").asText()).contains("returned status 400");
        assertThat(status.path("as2-from").asText()).isEqualTo("STRANGER");
        String messageId = status.path("as2-message-id").asText();

        // PARTNER: a FAILED record (event and counter), nothing stored
        JsonNode refused = awaitEvent(b, "AS2 Payload Receive Failed", messageId).path("detail");
        assertThat(refused.path("failure-code").asText()).isEqualTo("AGREEMENT_NOT_FOUND");
        assertThat(refused.path("status-code").asText()).isEqualTo("FAILED");
        assertThat(refused.path("as2-from").asText()).isEqualTo("STRANGER");
        assertThat(refused.path("server-id").asText()).isEqualTo(B_SERVER);
        assertThat(refused.has("s3-attributes")).isFalse();
        assertThat(b.counter("InboundFailedMessage", "serverId", B_SERVER)).isEqualTo(refusedBefore + 1);
        assertThat(b.list(B_BUCKET, "").stream().filter(k -> k.contains(messageId))).isEmpty();
    }

    @Test
    void preserveFilenameAndCustomDirectoriesLandWhereTheAgreementSays() throws Exception {
        a.put(A_BUCKET, "outbound/custom/inv-7.edi", "custom directories");
        a.startFileTransfer(A_CUSTOM, "/mycompany-edi/outbound/custom/inv-7.edi");

        Await.keys(b, B_BUCKET, "custom/mdns/inv-7.edi.mdn", 1);
        Await.keys(b, B_BUCKET, "custom/status/inv-7.edi.json", 1);
        // the temporary copy is removed just after the status JSON and the MDN are written
        Await.until("the temporary copy removed", java.time.Duration.ofSeconds(30),
                () -> b.list(B_BUCKET, "custom/tmp/"), List::isEmpty);
        assertThat(b.list(B_BUCKET, "custom/")).containsExactlyInAnyOrder("custom/payloads/inv-7.edi",
                "custom/status/inv-7.edi.json", "custom/mdns/inv-7.edi.mdn");
        assertThat(b.read(B_BUCKET, "custom/payloads/inv-7.edi")).isEqualTo("custom directories");
        JsonNode status = Json.parse(b.read(B_BUCKET, "custom/status/inv-7.edi.json"));
        assertThat(Json.fields(status)).isEqualTo(INBOUND_COMPLETED_FIELDS.names());
        assertThat(status.path("file-path").asText()).isEqualTo("/partner-edi/custom/payloads/inv-7.edi");
        assertThat(status.path("as2-from").asText()).isEqualTo("MYCOMPANY2");
        assertThat(status.path("agreement-id").asText()).isEqualTo(TwoStations.B_CUSTOM_AGREEMENT);
        JsonNode event = awaitEvent(b, "AS2 Payload Receive Completed", status.path("as2-message-id").asText());
        assertThat(event.path("detail").path("s3-attributes").path("file-key").asText())
                .isEqualTo("/custom/payloads/inv-7.edi");
        assertThat(event.path("detail").path("s3-attributes").path("json-key").asText())
                .isEqualTo("/custom/status/inv-7.edi.json");
        assertThat(event.path("detail").path("s3-attributes").path("mdn-key").asText())
                .isEqualTo("/custom/mdns/inv-7.edi.mdn");
    }

    @Test
    void aDuplicateResendIsAcknowledgedButLandsOnce() throws Exception {
        ProducerTemplate template = a.context().createProducerTemplate();
        Exchange first = template.send("transfer-as2:connector/" + A_TO_B, e -> {
            e.getMessage().setBody("resent document");
            e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, "dup.edi");
        });
        assertThat(first.getException()).isNull();
        String transferId = first.getMessage().getHeader(TransferAs2Constants.TRANSFER_ID, String.class);
        String messageId = first.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID, String.class);
        String landed = "inbound/mycompany/processed/dup." + messageId + ".edi";
        Await.keys(b, B_BUCKET, landed, 3);

        // what Camel redelivery of the same exchange does: the same transfer ID and Message-ID again
        Exchange again = template.send("transfer-as2:connector/" + A_TO_B, e -> {
            e.getMessage().setBody("resent document");
            e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, "dup.edi");
            e.setProperty("CamelTransferAs2Resend." + A_TO_B, transferId + " " + messageId);
        });
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID, String.class)).isEqualTo(messageId);
        assertThat(again.getMessage().getHeader(TransferAs2Constants.DISPOSITION, String.class))
                .contains("duplicate-document");
        Thread.sleep(500);
        assertThat(b.list(B_BUCKET, "inbound/mycompany/").stream().filter(k -> k.contains(messageId)))
                .containsExactlyInAnyOrder(landed, landed + ".json", landed + ".mdn");
        assertThat(b.events().stream().filter(e -> e.path("detail-type").asText()
                .equals("AS2 Payload Receive Completed") && e.path("detail").path("as2-message-id").asText()
                .equals(messageId))).hasSize(1);
    }

    @Test
    void oneRequestManyFilesOneTransferIdAndAMissingFileIsSendFileNotFound() throws Exception {
        a.put(A_BUCKET, "outbound/batch/one.x12", "ISA*one~");
        a.put(A_BUCKET, "outbound/batch/two.x12", "ISA*two~");
        String transferId = a.startFileTransfer(A_TO_B, "/mycompany-edi/outbound/batch/one.x12",
                "/mycompany-edi/outbound/batch/missing.x12", "/mycompany-edi/outbound/batch/two.x12");

        List<String> processed = Await.keys(a, A_BUCKET, "outbound/batch/processed/", 4);
        assertThat(processed).allMatch(k -> k.contains("." + transferId + "."));
        assertThat(processed).anyMatch(k -> k.startsWith("outbound/batch/processed/one."))
                .anyMatch(k -> k.startsWith("outbound/batch/processed/two."));
        List<String> failed = Await.keys(a, A_BUCKET, "outbound/batch/failed/", 1);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0)).matches("outbound/batch/failed/missing\\." + transferId + "\\." + Json.MESSAGE_ID
                + "\\.x12\\.json");
        JsonNode status = Json.parse(a.read(A_BUCKET, failed.get(0)));
        assertThat(Json.fields(status)).isEqualTo(OUTBOUND_COMPLETED_FIELDS
                .without("disposition", "mdn-message-id", "mdn-subject", "transfer-size")
                .with("failure-code", "failure-message").names());
        assertThat(status.path("failure-code").asText()).isEqualTo("SEND_FILE_NOT_FOUND");
        assertThat(status.path("failure-message").asText())
                .isEqualTo("File /mycompany-edi/outbound/batch/missing.x12 not found");
        assertThat(status.path("file-path").asText()).isEqualTo("/mycompany-edi/outbound/batch/missing.x12");
        assertThat(status.path("as2-from").asText()).isEqualTo("MYCOMPANY");
        assertThat(status.path("as2-to").asText()).isEqualTo("PARTNER");
        assertThat(status.path("transfer-id").asText()).isEqualTo(transferId);
        Await.until("processing/ empty", WAIT, () -> a.list(A_BUCKET, "outbound/batch/processing/"),
                List::isEmpty);
        assertThat(a.list(A_BUCKET, "outbound/batch/").stream().filter(k -> !k.contains("/processed/")
                && !k.contains("/failed/"))).containsExactlyInAnyOrder("outbound/batch/one.x12",
                "outbound/batch/two.x12");
    }

    @Test
    void theHttpTriggerRefusesWithoutItsTokenWith403() throws Exception {
        HttpResponse<String> noToken = b.trigger("{\"ConnectorId\":\"" + B_TO_A + "\",\"SendFilePaths\":[\"/x/y\"]}",
                null);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(Json.parse(noToken.body()).path("__type").asText()).isEqualTo("AccessDeniedException");
        HttpResponse<String> wrong = b.trigger("{}", "not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(403);
        // with the token the request is served (and checked: an empty request is a 400)
        assertThat(b.trigger("{}").statusCode()).isEqualTo(400);
    }

    @Test
    void theHttpTriggerAnswersAwsErrors() throws Exception {
        HttpResponse<String> notJson = a.trigger("{nope");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Json.parse(notJson.body()).path("__type").asText()).isEqualTo("InvalidRequestException");
        HttpResponse<String> relative = a.trigger("{\"ConnectorId\":\"" + A_TO_B + "\",\"SendFilePaths\":[\"a.x12\"]}");
        assertThat(relative.statusCode()).isEqualTo(400);
        assertThat(relative.body()).contains("/bucket/key");
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("\"/mycompany-edi/f").append(i).append(".x12\"");
        }
        HttpResponse<String> tooMany = a.trigger("{\"ConnectorId\":\"" + A_TO_B + "\",\"SendFilePaths\":[" + eleven
                + "]}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("1-10");
        HttpResponse<String> unknown = a.trigger("{\"ConnectorId\":\"c-0123456789abcdef9\",\"SendFilePaths\":"
                + "[\"/mycompany-edi/a.x12\"]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Json.parse(unknown.body()).path("__type").asText()).isEqualTo("ResourceNotFoundException");
        HttpResponse<String> reserved = a.trigger("{\"ConnectorId\":\"" + A_TO_B + "\",\"SendFilePaths\":"
                + "[\"/mycompany-edi/a.x12\"],\"CustomHttpHeaders\":[{\"Key\":\"AS2-To\",\"Value\":\"x\"}]}");
        assertThat(reserved.statusCode()).isEqualTo(400);
        assertThat(reserved.body()).contains("AS2-To");
    }

    @Test
    void aLargerFileStreamsThroughS3InParts() throws Exception {
        long size = 12L * 1024 * 1024 + 4321;
        Path file = dir.resolve("large.dat");
        String sha = write(file, size);
        a.put(A_BUCKET, "outbound/large/large.dat", file);
        String transferId = a.startFileTransfer(A_TO_B, "/mycompany-edi/outbound/large/large.dat");

        List<String> results = Await.until("the large transfer's results", Duration.ofSeconds(90),
                () -> a.list(A_BUCKET, "outbound/large/processed/"), k -> k.size() >= 2);
        String json = results.stream().filter(k -> k.endsWith(".json")).findFirst().orElseThrow();
        JsonNode status = Json.parse(a.read(A_BUCKET, json));
        assertThat(status.path("status-code").asText()).isEqualTo("COMPLETED");
        assertThat(status.path("transfer-size").asLong()).isEqualTo(size);
        assertThat(status.path("transfer-id").asText()).isEqualTo(transferId);
        String landed = "inbound/mycompany/processed/large." + status.path("as2-message-id").asText() + ".dat";
        Await.keys(b, B_BUCKET, landed + ".json", 1);
        assertThat(sha256(stations.s3Data.resolve(B_BUCKET).resolve(landed))).isEqualTo(sha);
        // PARTNER's part size is 5 MiB: the payload was uploaded in three parts under the temporary directory, then
        // copied server-side to processed/ (a copy has a plain ETag); neither the temporary object nor an incomplete
        // upload is left
        assertThat(etag(b, B_BUCKET, landed)).doesNotContain("-");
        assertThat(b.list(B_BUCKET, "inbound/mycompany/temp/")).isEmpty();
        assertThat(b.s3().listMultipartUploads(r -> r.bucket(B_BUCKET)).uploads()).isEmpty();
    }

    @Test
    void theOutboxSendsEachNewObjectOnceAndLeavesItInPlace() throws Exception {
        a.put(A_BUCKET, "outbox/ob-1.edi", "from the outbox");
        List<String> results = Await.keys(a, A_BUCKET, "outbox/processed/", 2);
        assertThat(results).allMatch(k -> k.startsWith("outbox/processed/ob-1."));
        Thread.sleep(1500); // several more polls
        assertThat(a.list(A_BUCKET, "outbox/processed/")).hasSize(2);
        assertThat(a.list(A_BUCKET, "outbox/failed/")).isEmpty();
        assertThat(a.read(A_BUCKET, "outbox/ob-1.edi")).isEqualTo("from the outbox");
        assertThat(b.list(B_BUCKET, "inbound/mycompany/processed/ob-1.").stream()
                .filter(k -> k.endsWith(".edi"))).hasSize(1);
        JsonNode status = Json.parse(a.read(A_BUCKET, results.stream().filter(k -> k.endsWith(".json"))
                .findFirst().orElseThrow()));
        assertThat(status.path("file-path").asText()).isEqualTo("/mycompany-edi/outbox/ob-1.edi");
        assertThat(a.list(A_BUCKET, "outbox/processing/")).isEmpty();
    }

    private static JsonNode awaitEvent(Station station, String type, String messageId) throws Exception {
        return Await.until(type + " for " + messageId + " at " + station.name, WAIT,
                () -> station.event(type, "as2-message-id", messageId), java.util.Optional::isPresent).orElseThrow();
    }

    private static void assertEnvelope(JsonNode event, String resource) {
        assertThat(Json.fields(event)).containsExactlyInAnyOrder("version", "id", "detail-type", "source",
                "account", "time", "region", "resources", "detail");
        assertThat(event.path("version").asText()).isEqualTo("0");
        assertThat(event.path("id").asText()).matches(Json.UUID);
        assertThat(event.path("source").asText()).isEqualTo("aws.transfer");
        assertThat(event.path("account").asText()).isEqualTo("000000000000");
        assertThat(event.path("region").asText()).isEqualTo("us-east-1");
        assertThat(event.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(event.path("resources")).hasSize(1);
        assertThat(event.path("resources").get(0).asText()).isEqualTo(resource);
    }

    private static String etag(Station station, String bucket, String key) {
        return station.s3().headObject(r -> r.bucket(bucket).key(key)).eTag();
    }

    static String write(Path file, long size) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            SplittableRandom random = new SplittableRandom(size);
            byte[] block = new byte[64 * 1024];
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @SuppressWarnings("unused")
    private static String pretty(String json) throws IOException {
        return TransferJson.json().writerWithDefaultPrettyPrinter().writeValueAsString(Json.parse(json));
    }
}
