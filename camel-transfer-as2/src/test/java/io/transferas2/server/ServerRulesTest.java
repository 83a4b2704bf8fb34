package io.transferas2.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.transferas2.as2.As2MdnBuilder;
import io.transferas2.as2.Disposition;
import io.transferas2.as2.DispositionModifier;
import io.transferas2.as2.Mdn;
import io.transferas2.as2.MdnRequest;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.as2.OutboundMessage;
import io.transferas2.as2.ReceivedMdn;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.Agreement;
import io.transferas2.model.AgreementStatusType;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.CustomDirectories;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.EnforceMessageSigningType;
import io.transferas2.model.PreserveFilenameType;
import io.transferas2.model.SigningAlg;
import io.transferas2.model.TransferJson;
import io.transferas2.transfer.OutboundResult;
import io.transferas2.transfer.StatusCode;
import io.transferas2.transfer.StatusDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server consumer's rules, one at a time, with hand-made requests: methods, required headers, agreement lookup,
 * server state, the security policy (encryption unless HTTPS from a trusted proxy, EnforceMessageSigning),
 * duplicates, route failures, AWS landing paths and async MDNs for our own connectors.
 */
class ServerRulesTest {
    static final byte[] PAYLOAD = "ISA*00*          *00*~GS*PO*PARTNER*MYCOMPANY~ST*850*0001~SE*2*0001~"
            .getBytes(StandardCharsets.US_ASCII);
    @TempDir
    static Path root;
    static ServerHarness server;
    static RawAs2 raw;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerHarness(root).start("trustedProxies=127.0.0.2");
        raw = new RawAs2(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
        server.component().asyncMdnReceiver(null);
    }

    private static Map<String, String> headers(String messageId) {
        return RawAs2.as2Headers(ServerHarness.PARTNER, ServerHarness.LOCAL, messageId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE"})
    void onlyPostIsServed(String method) throws Exception {
        RawAs2.Reply reply = raw.send(null, method, Map.of(), null, method.equals("PUT") ? 0 : -1);
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("POST");
        // no sleep needed: the consumer answers after the route has run (deliver, then respond)
        assertThat(server.received).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AS2-From", "AS2-To", "Message-ID"})
    void missingAs2HeaderIsInvalidRequest(String missing) throws Exception {
        String id = RawAs2.newMessageId();
        Map<String, String> h = new LinkedHashMap<>(headers(id));
        h.remove(missing);
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
            RawAs2.Reply reply = raw.post(m, h);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.text()).startsWith("INVALID_REQUEST: the " + missing + " header is missing");
        }
        ServerHarness.Received r = server.await(x -> "INVALID_REQUEST".equals(x.header(
                TransferAs2Constants.FAILURE_CODE)));
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.header(TransferAs2Constants.PAYLOAD_BUCKET)).isNull();
        assertThat(r.header(TransferAs2Constants.AGREEMENT_ID)).isNull();
    }

    @Test
    void unknownPartnerIsAgreementNotFoundWithoutTargets() throws Exception {
        String id = RawAs2.newMessageId();
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
            RawAs2.Reply reply = raw.post(m, RawAs2.as2Headers("STRANGER", ServerHarness.LOCAL, id));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.text()).startsWith("AGREEMENT_NOT_FOUND: No ACTIVE agreement on server "
                    + server.serverId + " for AS2-From 'STRANGER' and AS2-To 'MYCOMPANY'");
        }
        ServerHarness.Received r = server.awaitMessage(id);
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("AGREEMENT_NOT_FOUND");
        assertThat(r.header(TransferAs2Constants.PAYLOAD_BUCKET)).isNull();
        assertThat(r.bodySize()).isEqualTo(-1);
        JsonNode json = TransferJson.json().readTree(r.header(TransferAs2Constants.STATUS_JSON));
        assertThat(json.get("as2-from").asText()).isEqualTo("STRANGER");
        assertThat(json.has("agreement-id")).isFalse();
    }

    @Test
    void inactiveAgreementIsNotFound() throws Exception {
        setAgreement(a -> a.setStatus(AgreementStatusType.INACTIVE));
        try {
            try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
                RawAs2.Reply reply = raw.post(m, headers(RawAs2.newMessageId()));
                assertThat(reply.status()).isEqualTo(400);
                assertThat(reply.text()).startsWith("AGREEMENT_NOT_FOUND");
            }
        } finally {
            setAgreement(a -> a.setStatus(AgreementStatusType.ACTIVE));
        }
    }

    @Test
    void aLocalProfileWithoutPrivateKeysMakesTheServerNotReady() {
        HealthCheck check = ((HealthCheckAware) server.context.getRoute("as2-server").getConsumer()).getHealthCheck();
        var registry = server.registry;
        // as pasted from describe-certificate: the certificate, never the key
        String keyless = registry.importCertificate(io.transferas2.testsupport.TestKeys.importInput(
                io.transferas2.testsupport.TestKeys.key("server-keyless-local"),
                io.transferas2.model.CertificateUsageType.SIGNING, false));
        String local = registry.createProfile(io.transferas2.testsupport.Fixtures.profile(
                io.transferas2.model.ProfileType.LOCAL, "KEYLESS", java.util.List.of(keyless)));
        String partner = server.partnerProfile("KEYLESS-PARTNER",
                io.transferas2.testsupport.TestKeys.key("server-keyless-partner"));
        Agreement agreement = server.agreement(partner, "/inbox/keyless");
        agreement.setLocalProfileId(local);
        String agreementId = registry.createAgreement(agreement);
        try {
            HealthCheck.Result result = check.call();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains(local)
                    .contains("SIGNING").contains(keyless));
            assertThat(io.transferas2.registry.MissingPrivateKeys.in(registry)).extracting(f -> f.profileId())
                    .containsExactly(local);
        } finally {
            registry.deleteAgreement(agreementId, server.serverId);
        }
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void offlineServerAnswers503AndIsNotReady() throws Exception {
        HealthCheck check = ((HealthCheckAware) server.context.getRoute("as2-server").getConsumer()).getHealthCheck();
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(check.call().getDetails()).containsEntry("agreements.active", 2);
        server.registry.stopServer(server.serverId);
        try {
            try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
                RawAs2.Reply reply = raw.post(m, headers(RawAs2.newMessageId()));
                assertThat(reply.status()).isEqualTo(503);
                assertThat(reply.header("Retry-After")).isEqualTo("60");
                assertThat(reply.text()).contains("OFFLINE");
            }
            assertThat(check.call().getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(check.call().getDetails()).containsEntry("server.state", "OFFLINE");
        } finally {
            server.registry.startServer(server.serverId);
        }
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(server.received).isEmpty();
    }

    @Test
    void unencryptedOverPlainHttpIsRefusedWithErrorMdn() throws Exception {
        String id = RawAs2.newMessageId();
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12", SigningAlg.SHA256, EncryptionAlg.NONE,
                CompressionEnum.DISABLED, server.partnerKey)) {
            RawAs2.Reply reply = raw.post(m, headers(id));
            assertThat(reply.status()).isEqualTo(200);
            ReceivedMdn mdn = reply.mdn(server.localKey);
            assertThat(mdn.signed()).isTrue();
            assertThat(mdn.disposition().toFieldValue()).isEqualTo(
                    "automatic-action/MDN-sent-automatically; processed/error: insufficient-message-security");
        }
        ServerHarness.Received r = server.awaitMessage(id);
        assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("INSUFFICENT_MESSAGE_SECURITY_UNENCRYPTED");
        assertThat(r.header(TransferAs2Constants.PAYLOAD_KEY)).startsWith("partner/failed/").endsWith("." + id);
        JsonNode json = TransferJson.json().readTree(Files.readString(server.target("inbox",
                r.header(TransferAs2Constants.STATUS_KEY))));
        assertThat(json.get("status-code").asText()).isEqualTo("FAILED");
        assertThat(json.get("file-path").asText()).startsWith("failed/");
    }

    @Test
    void unencryptedViaTrustedTlsProxyIsAccepted() throws Exception {
        String id = RawAs2.newMessageId();
        Map<String, String> h = new LinkedHashMap<>(headers(id));
        h.put("X-Forwarded-Proto", "https");
        h.put("X-Forwarded-For", "203.0.113.7, 127.0.0.2");
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12", SigningAlg.SHA256, EncryptionAlg.NONE,
                CompressionEnum.DISABLED, server.partnerKey)) {
            h.putAll(m.headers());
            RawAs2.Reply reply;
            try (var body = m.openBody()) {
                reply = raw.send("127.0.0.2", "POST", h, body, m.length());
            }
            assertThat(reply.mdn(server.localKey).disposition().isSuccess()).isTrue();
            assertThat(reply.mdn(server.localKey).receivedContentMic()).contains(m.mic());
        }
        ServerHarness.Received r = server.awaitMessage(id);
        assertThat(r.status()).isEqualTo("COMPLETED");
        assertThat(r.header(TransferAs2Constants.ENCRYPTED)).isEqualTo("false");
        assertThat(r.header(TransferAs2Constants.CLIENT_IP)).isEqualTo("203.0.113.7");
    }

    @Test
    void forwardedProtoFromAnUntrustedAddressIsIgnored() throws Exception {
        String id = RawAs2.newMessageId();
        Map<String, String> h = new LinkedHashMap<>(headers(id));
        h.put("X-Forwarded-Proto", "https");
        h.put("X-Forwarded-For", "203.0.113.7");
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12", SigningAlg.SHA256, EncryptionAlg.NONE,
                CompressionEnum.DISABLED, server.partnerKey)) {
            RawAs2.Reply reply = raw.post(m, h);
            assertThat(reply.mdn(server.localKey).disposition().modifier()).isEqualTo("insufficient-message-security");
        }
        ServerHarness.Received r = server.awaitMessage(id);
        assertThat(r.header(TransferAs2Constants.CLIENT_IP)).isEqualTo("127.0.0.1");
    }

    @Test
    void enforcedSigningRefusesUnsignedMessages() throws Exception {
        setAgreement(a -> a.setEnforceMessageSigning(EnforceMessageSigningType.ENABLED));
        try {
            String id = RawAs2.newMessageId();
            try (OutboundMessage m = raw.build(PAYLOAD, "po.x12", SigningAlg.NONE, EncryptionAlg.AES256_CBC,
                    CompressionEnum.DISABLED, server.partnerKey)) {
                ReceivedMdn mdn = raw.post(m, headers(id)).mdn(server.localKey);
                assertThat(mdn.disposition().isSuccess()).isFalse();
                assertThat(mdn.disposition().modifierKind()).isEqualTo("error");
            }
            assertThat(server.awaitMessage(id).status()).isEqualTo("FAILED");
            String signed = RawAs2.newMessageId();
            try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
                assertThat(raw.post(m, headers(signed)).mdn(server.localKey).disposition().isSuccess()).isTrue();
            }
        } finally {
            setAgreement(a -> a.setEnforceMessageSigning(EnforceMessageSigningType.DISABLED));
        }
    }

    @Test
    void repeatedMessageIdGetsDuplicateDocumentAndIsNotLandedAgain() throws Exception {
        String id = RawAs2.newMessageId();
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
            assertThat(raw.post(m, headers(id)).mdn(server.localKey).disposition().isWarning()).isFalse();
            server.awaitMessage(id);
            ReceivedMdn again = raw.post(m, headers(id)).mdn(server.localKey);
            assertThat(again.disposition().toFieldValue())
                    .isEqualTo("automatic-action/MDN-sent-automatically; processed/warning: duplicate-document");
            assertThat(again.signed()).isTrue();
            assertThat(again.receivedContentMic()).contains(m.mic());
        }
        // no sleep needed: the consumer answers after the route has run (deliver, then respond)
        assertThat(server.received).hasSize(1);
        assertThat(server.receivedIds.contains(server.agreementId + ":" + id)).isTrue();
    }

    @Test
    void routeFailureGivesErrorMdnAndLeavesTheMessageIdUncommitted() throws Exception {
        String id = RawAs2.newMessageId();
        server.routeHook.set(e -> {
            if ("COMPLETED".equals(e.getMessage().getHeader(TransferAs2Constants.STATUS_CODE))) {
                throw new IllegalStateException("bucket unavailable");
            }
        });
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
            ReceivedMdn mdn = raw.post(m, headers(id)).mdn(server.localKey);
            assertThat(mdn.disposition().modifier()).isEqualTo("unexpected-processing-error");
            ServerHarness.Received failed = server.await(r -> "FAILED".equals(r.status()));
            assertThat(failed.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("ACCESS_DENIED");
            assertThat(failed.header(TransferAs2Constants.FAILURE_MESSAGE)).contains("bucket unavailable");
            assertThat(failed.header(TransferAs2Constants.PAYLOAD_KEY)).isEqualTo("partner/failed/po." + id + ".x12");
            assertThat(failed.bodySize()).isEqualTo(PAYLOAD.length);
            assertThat(server.receivedIds.contains(server.agreementId + ":" + id)).isFalse();

            server.reset();
            assertThat(raw.post(m, headers(id)).mdn(server.localKey).disposition().toFieldValue())
                    .isEqualTo("automatic-action/MDN-sent-automatically; processed");
            assertThat(server.awaitMessage(id).landed()).isEqualTo(server.target("inbox",
                    "partner/processed/po." + id + ".x12"));
        }
    }

    @Test
    void preserveFilenameKeepsThePartnersName() throws Exception {
        setAgreement(a -> a.setPreserveFilename(PreserveFilenameType.ENABLED));
        try {
            String id = RawAs2.newMessageId();
            try (OutboundMessage m = raw.build(PAYLOAD, "invoice-7.edi")) {
                assertThat(raw.post(m, headers(id)).mdn(server.localKey).disposition().isSuccess()).isTrue();
            }
            ServerHarness.Received r = server.awaitMessage(id);
            assertThat(r.landed()).isEqualTo(server.target("inbox", "partner/processed/invoice-7.edi"));
            assertThat(r.header(TransferAs2Constants.STATUS_KEY)).isEqualTo("partner/processed/invoice-7.edi.json");
            assertThat(r.header(TransferAs2Constants.MDN_KEY)).isEqualTo("partner/processed/invoice-7.edi.mdn");
        } finally {
            setAgreement(a -> a.setPreserveFilename(PreserveFilenameType.DISABLED));
        }
    }

    @Test
    void customDirectoriesSeparatePayloadsFromMdnsAndStatus() throws Exception {
        CustomDirectories dirs = new CustomDirectories();
        dirs.setPayloadFilesDirectory("/edi/payloads");
        dirs.setMdnFilesDirectory("/edi-audit/mdn");
        dirs.setStatusFilesDirectory("/edi-audit/status");
        dirs.setFailedFilesDirectory("/edi/failed");
        dirs.setTemporaryFilesDirectory("/edi/tmp");
        setAgreement(a -> a.setCustomDirectories(dirs));
        try {
            String id = RawAs2.newMessageId();
            try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
                assertThat(raw.post(m, headers(id)).mdn(server.localKey).disposition().isSuccess()).isTrue();
            }
            ServerHarness.Received r = server.awaitMessage(id);
            String name = "po." + id + ".x12";
            assertThat(r.landed()).isEqualTo(server.target("edi", "payloads/" + name));
            assertThat(Files.exists(server.target("edi-audit", "mdn/" + name + ".mdn"))).isTrue();
            JsonNode json = TransferJson.json().readTree(Files.readString(server.target("edi-audit",
                    "status/" + name + ".json")));
            assertThat(json.get("file-path").asText()).isEqualTo("/edi/payloads/" + name);

            String bad = RawAs2.newMessageId();
            try (OutboundMessage m = raw.build(PAYLOAD, "po.x12", SigningAlg.SHA256, EncryptionAlg.NONE,
                    CompressionEnum.DISABLED, server.partnerKey)) {
                raw.post(m, headers(bad));
            }
            ServerHarness.Received failed = server.awaitMessage(bad);
            assertThat(failed.header(TransferAs2Constants.PAYLOAD_BUCKET)).isEqualTo("edi");
            assertThat(failed.header(TransferAs2Constants.PAYLOAD_KEY)).startsWith("failed/");
            assertThat(failed.header(TransferAs2Constants.STATUS_KEY)).startsWith("status/");
        } finally {
            setAgreement(a -> a.setBaseDirectory("/inbox/partner"));
        }
    }

    @Test
    void asyncReceiptToAHostThatIsNotAllowedIsRefused() throws Exception {
        String id = RawAs2.newMessageId();
        Map<String, String> h = RawAs2.as2Headers(ServerHarness.OTHER, ServerHarness.LOCAL, id);
        h.put("Receipt-Delivery-Option", "http://169.254.169.254/latest/meta-data");
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12", SigningAlg.SHA256, EncryptionAlg.AES256_CBC,
                CompressionEnum.DISABLED, server.otherKey)) {
            RawAs2.Reply reply = raw.post(m, h);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.text()).startsWith("INVALID_REQUEST: Receipt-Delivery-Option host 169.254.169.254 is"
                    + " not allowed");
        }
        ServerHarness.Received r = server.awaitMessage(id);
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.header(TransferAs2Constants.PAYLOAD_KEY)).startsWith("other/failed/");
    }

    @Test
    void asyncMdnForOurConnectorReachesTheRouteAsMdn() throws Exception {
        StatusDocument status = new StatusDocument().connectorId("c-0123456789abcdef0").transferId("t-1")
                .statusCode(StatusCode.COMPLETED).as2From(ServerHarness.LOCAL).as2To(ServerHarness.PARTNER);
        server.component().asyncMdnReceiver(mdn -> {
            assertThat(mdn.serverId()).isEqualTo(server.serverId);
            assertThat(Files.exists(mdn.body())).isTrue();
            return Optional.of(new OutboundResult("t-1", "c-0123456789abcdef0", "our-1@mycompany", StatusCode.COMPLETED,
                    null, null, "automatic-action/MDN-sent-automatically; processed", "mdn-1@partner", "re: x",
                    null, 42, null, mdn.contentType(), status, null, null));
        });
        Mdn mdn = new As2MdnBuilder().build(MdnRequest.builder().originalRecipient(ServerHarness.PARTNER)
                .originalMessageId("our-1@mycompany").disposition(Disposition.processed())
                .signedWith(server.partnerKey, MicAlgorithm.SHA256).build());
        Map<String, String> h = new LinkedHashMap<>();
        h.put("AS2-From", ServerHarness.PARTNER);
        h.put("AS2-To", ServerHarness.LOCAL);
        h.put("Message-ID", "<mdn-1@partner>");
        h.put("Content-Type", mdn.contentType());
        RawAs2.Reply reply = raw.post(h, mdn.body());
        assertThat(reply.status()).isEqualTo(200);
        ServerHarness.Received r = server.await(x -> "MDN".equals(x.header(TransferAs2Constants.MESSAGE_TYPE)));
        assertThat(r.header(TransferAs2Constants.TRANSFER_ID)).isEqualTo("t-1");
        assertThat(r.header(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        assertThat(r.header(TransferAs2Constants.MESSAGE_ID)).isEqualTo("our-1@mycompany");
        assertThat(r.header(TransferAs2Constants.MDN_MESSAGE_ID)).isEqualTo("mdn-1@partner");
        assertThat(r.bodySize()).isEqualTo(mdn.length());

        server.component().asyncMdnReceiver(m -> Optional.empty());
        RawAs2.Reply unknown = raw.post(h, mdn.body());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("no pending ASYNC transfer");
    }

    @Test
    void unsignedMdnIsRecognisedToo() throws Exception {
        server.component().asyncMdnReceiver(m -> Optional.empty());
        Mdn mdn = new As2MdnBuilder().build(MdnRequest.builder().originalRecipient(ServerHarness.PARTNER)
                .originalMessageId("our-2@mycompany").disposition(Disposition.error(
                        DispositionModifier.DECRYPTION_FAILED)).build());
        Map<String, String> h = new LinkedHashMap<>();
        h.put("AS2-From", ServerHarness.PARTNER);
        h.put("AS2-To", ServerHarness.LOCAL);
        h.put("Content-Type", mdn.contentType());
        RawAs2.Reply reply = raw.post(h, mdn.body());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("no pending ASYNC transfer");
    }

    private static void setAgreement(java.util.function.Consumer<Agreement> change) {
        Agreement update = new Agreement();
        update.setAgreementId(server.agreementId);
        update.setServerId(server.serverId);
        change.accept(update);
        server.registry.updateAgreement(update);
    }
}
