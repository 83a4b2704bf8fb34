package io.transferas2.camel.producer;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.MdnResponse;
import io.transferas2.model.MdnSigningAlg;
import io.transferas2.model.SigningAlg;
import io.transferas2.model.TransferJson;
import io.transferas2.outbound.MdnFailureException;
import io.transferas2.outbound.OutboundTransferException;
import io.transferas2.outbound.TransportFailureException;
import io.transferas2.peers.As2LibReceiver;
import io.transferas2.peers.CamelAs2Server;
import io.transferas2.peers.ReceivedMessage;
import io.transferas2.peers.ServerBehaviour;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real partner (camel-as2 4.17.0's server) that misbehaves the way real partners do, each answer checked as a route
 * sees it: the exception type, the failure code and message headers, and the status JSON. The route pack turns these
 * into events ({@code MisbehavingPartnerRouteTest} in the routes module).
 */
class MisbehavingPartnerTest {
    private static ProducerFixture fx;
    private static CamelAs2Server server;
    /** Refuses unsigned messages with an error MDN, as camel-as2 does when a verification chain is set. */
    private static CamelAs2Server strict;
    private static String signedSync;

    @BeforeAll
    static void start() throws Exception {
        fx = new ProducerFixture();
        // the hang outlasts any read timeout used here; close() interrupts it
        server = CamelAs2Server.start(ProducerFixture.server().hangTime(Duration.ofSeconds(20)).build());
        strict = CamelAs2Server.start(ProducerFixture.server().requireSigned(true).build());
        signedSync = fx.connector(server.url().toString(), c -> {
            c.setSigningAlgorithm(SigningAlg.SHA256);
            c.setEncryptionAlgorithm(EncryptionAlg.AES256_CBC);
            c.setCompression(CompressionEnum.DISABLED);
            c.setMdnResponse(MdnResponse.SYNC);
            c.setMdnSigningAlgorithm(MdnSigningAlg.SHA256);
        });
    }

    @AfterAll
    static void stop() {
        strict.close();
        server.close();
        fx.close();
    }

    @BeforeEach
    void reset() {
        server.behaviour(ServerBehaviour.NORMAL);
        server.clear();
    }

    /** What the route gets back: the exchange, and the status JSON from the exception or the body. */
    private record Outcome(Exchange exchange, JsonNode status) {
        String header(String name) {
            return exchange.getIn().getHeader(name, String.class);
        }

        String messageId() {
            return header(TransferAs2Constants.MESSAGE_ID);
        }
    }

    private static Outcome send(ServerBehaviour behaviour, String uriOptions) throws Exception {
        server.behaviour(behaviour);
        Exchange done = fx.send("transfer-as2:connector/" + signedSync + uriOptions, ProducerFixture.edi(12),
                Map.of("CamelFileName", "po-" + behaviour + ".edi"));
        String json = done.getException() instanceof OutboundTransferException e ? e.status().toJson()
                : done.getIn().getBody(String.class);
        return new Outcome(done, TransferJson.json().readTree(json));
    }

    private static Outcome send(ServerBehaviour behaviour) throws Exception {
        return send(behaviour, "");
    }

    /** A failed transfer: exception type, failure code in headers and JSON, and the failure message. */
    private static void assertFailed(Outcome o, Class<?> type, String code, String messagePart) {
        assertThat(o.exchange().getException()).isInstanceOf(type);
        assertThat(((OutboundTransferException) o.exchange().getException()).failureCode().name()).isEqualTo(code);
        assertThat(o.header(TransferAs2Constants.STATUS_CODE)).isEqualTo("FAILED");
        assertThat(o.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo(code);
        assertThat(o.header(TransferAs2Constants.FAILURE_MESSAGE)).contains(messagePart);
        assertThat(o.status().path("status-code").asText()).isEqualTo("FAILED");
        assertThat(o.status().path("failure-code").asText()).isEqualTo(code);
        assertThat(o.status().path("failure-message").asText()).contains(messagePart);
        assertThat(o.status().path("as2-message-id").asText()).isEqualTo(o.messageId());
        assertThat(o.status().path("connector-id").asText()).isEqualTo(signedSync);
    }

    /** The partner took the message: the failure is about its answer, not about delivery. */
    private static void assertDelivered() throws InterruptedException {
        ReceivedMessage received = server.awaitReceived(1, Duration.ofSeconds(10)).get(0);
        assertThat(received.accepted()).isTrue();
    }

    @Test
    void normalAnswerCompletes() throws Exception {
        // the control: the same connector and server without a fault
        Outcome o = send(ServerBehaviour.NORMAL);
        assertThat(o.exchange().getException()).isNull();
        assertThat(o.status().path("status-code").asText()).isEqualTo("COMPLETED");
        assertThat(o.status().path("disposition").asText()).endsWith("; processed");
        assertThat(o.status().has("failure-code")).isFalse();
    }

    @Test
    void unsignedMdnWhenASignedOneWasRequestedFails() throws Exception {
        Outcome o = send(ServerBehaviour.UNSIGNED_MDN);
        assertFailed(o, MdnFailureException.class, "VERIFICATION_FAILED",
                "a signed MDN was requested but the partner returned an unsigned one");
        assertDelivered();
        // the MDN itself was readable: its disposition is kept in the status
        assertThat(o.status().path("disposition").asText()).endsWith("; processed");
        assertThat(new String(o.exchange().getIn().getHeader(TransferAs2Constants.MDN, byte[].class),
                java.nio.charset.StandardCharsets.US_ASCII)).doesNotContain("pkcs7-signature");
    }

    @Test
    void mdnForAnotherMessageIdFails() throws Exception {
        Outcome o = send(ServerBehaviour.OTHER_MESSAGE_ID);
        assertFailed(o, MdnFailureException.class, "VERIFICATION_FAILED", "@peers>, not " + o.messageId());
        assertThat(o.header(TransferAs2Constants.FAILURE_MESSAGE)).startsWith("The MDN answers message <another-");
        assertDelivered();
    }

    @Test
    void wrongMicFails() throws Exception {
        Outcome o = send(ServerBehaviour.WRONG_MIC);
        assertFailed(o, MdnFailureException.class, "VERIFICATION_FAILED", "the MIC did not match");
        assertThat(o.status().path("mdn-message-id").asText()).isNotBlank().doesNotStartWith("<")
                .isEqualTo(o.header(TransferAs2Constants.MDN_MESSAGE_ID));
        assertDelivered();
    }

    @Test
    void mdnSignedByAKeyNotInThePartnerProfileFailsWithNoMatchingKey() throws Exception {
        Outcome o = send(ServerBehaviour.STRANGER_MDN_KEY);
        assertFailed(o, MdnFailureException.class, "VERIFICATION_FAILED_NO_MATCHING_KEY_FOUND",
                "No public certificate matching message signature could be found in profile: " + fx.partnerProfile);
        // the signature did not verify: its disposition is not reported
        assertThat(o.status().has("disposition")).isFalse();
        assertDelivered();
    }

    @Test
    void mdnWhoseSignatureDoesNotVerifyFails() throws Exception {
        Outcome o = send(ServerBehaviour.WRONG_MDN_KEY);
        assertFailed(o, MdnFailureException.class, "VERIFICATION_FAILED", "Signature verification failed for the MDN");
        assertThat(o.status().has("disposition")).isFalse();
        assertDelivered();
    }

    @Test
    void processedWarningCompletesAndKeepsTheWarning() throws Exception {
        Outcome o = send(ServerBehaviour.PROCESSED_WARNING);
        assertThat(o.exchange().getException()).isNull();
        assertThat(o.header(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        assertThat(o.status().path("status-code").asText()).isEqualTo("COMPLETED");
        assertThat(o.status().path("disposition").asText()).endsWith("; processed/warning: duplicate-document");
        assertThat(o.header(TransferAs2Constants.DISPOSITION)).endsWith("processed/warning: duplicate-document");
    }

    @Test
    void micOverAnotherAlgorithmFails() throws Exception {
        // we asked for sha-256; the partner digests with sha-512 and signs with it: the MIC cannot be compared
        Outcome o = send(ServerBehaviour.OTHER_MICALG);
        assertFailed(o, MdnFailureException.class, "VERIFICATION_FAILED", "the MIC did not match");
        assertThat(o.header(TransferAs2Constants.FAILURE_MESSAGE)).contains("sha512, we computed").contains(", sha-256");
        assertThat(server.requests().get(0).header("Disposition-Notification-Options")).contains("sha-256");
        assertDelivered();
    }

    @Test
    void http200WithAnEmptyBodyInsteadOfTheMdnFails() throws Exception {
        Outcome o = send(ServerBehaviour.EMPTY_200);
        assertFailed(o, MdnFailureException.class, "VERIFICATION_FAILED", "The partner returned no MDN for message"
                + " with ID " + o.messageId());
        assertThat(o.status().has("disposition")).isFalse();
        assertDelivered();
    }

    @Test
    void mdnSlowerThanTheReadTimeoutIsATransportFailure() throws Exception {
        Outcome o = send(ServerBehaviour.HANG, "?readTimeout=500");
        assertFailed(o, TransportFailureException.class, "UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP",
                "within the read timeout of");
        assertThat(((OutboundTransferException) o.exchange().getException()).isTransient()).isTrue();
        assertThat(o.status().has("disposition")).isFalse();
    }

    @Test
    void negativeDispositionFailsWithThePartnersDisposition() throws Exception {
        String unsigned = fx.connector(strict.url().toString(), c -> {
            c.setSigningAlgorithm(SigningAlg.NONE);
            c.setEncryptionAlgorithm(EncryptionAlg.AES256_CBC);
            c.setMdnResponse(MdnResponse.SYNC);
            c.setMdnSigningAlgorithm(MdnSigningAlg.SHA256);
        });
        Exchange done = fx.send("transfer-as2:connector/" + unsigned, ProducerFixture.edi(3),
                Map.of("CamelFileName", "unsigned.edi"));
        assertThat(done.getException()).isInstanceOf(MdnFailureException.class);
        OutboundTransferException e = (OutboundTransferException) done.getException();
        assertThat(e.failureCode().name()).isEqualTo("HTTP_ERROR_RESPONSE_FROM_PARTNER");
        String messageId = done.getIn().getHeader(TransferAs2Constants.MESSAGE_ID, String.class);
        assertThat(done.getIn().getHeader(TransferAs2Constants.FAILURE_MESSAGE, String.class))
                .startsWith("The partner did not process message with ID " + messageId + ": ")
                .containsPattern("processed/error: insufficient-message-security \\(\\S.*\\)$");
        JsonNode status = TransferJson.json().readTree(e.status().toJson());
        assertThat(status.path("status-code").asText()).isEqualTo("FAILED");
        assertThat(status.path("failure-code").asText()).isEqualTo("HTTP_ERROR_RESPONSE_FROM_PARTNER");
        assertThat(status.path("disposition").asText()).endsWith("processed/error: insufficient-message-security");
    }

    @Test
    void unsignedReceiptWithoutAMicCompletes() throws Exception {
        // RFC 4130 7.4.3: only signed receipts must carry a MIC; camel-as2 leaves it out of unsigned ones
        String unsignedReceipt = fx.connector(server.url().toString(), c -> {
            c.setSigningAlgorithm(SigningAlg.SHA256);
            c.setEncryptionAlgorithm(EncryptionAlg.AES256_CBC);
            c.setMdnResponse(MdnResponse.SYNC);
            c.setMdnSigningAlgorithm(MdnSigningAlg.NONE);
        });
        Exchange done = fx.send("transfer-as2:connector/" + unsignedReceipt, ProducerFixture.edi(3),
                Map.of("CamelFileName", "unsigned-receipt.edi"));
        assertThat(done.getException()).isNull();
        assertThat(done.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        String mdn = new String(done.getIn().getHeader(TransferAs2Constants.MDN, byte[].class),
                java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(mdn).doesNotContainIgnoringCase("Received-Content-MIC").doesNotContain("pkcs7-signature");
    }

    @Test
    void unsignedReceiptWithAWrongMicOverTheSameDigestFails() throws Exception {
        // as2-lib puts a MIC in unsigned receipts too (over the partnership's algorithm, sha-256 here): one over the
        // digest we used must match even though we did not ask for it (RFC 4130 7.4.3)
        try (As2LibReceiver as2lib = As2LibReceiver.start(ProducerFixture.server().build())) {
            String unsignedReceipt = fx.connector(as2lib.url().toString(), c -> {
                c.setSigningAlgorithm(SigningAlg.SHA256);
                c.setEncryptionAlgorithm(EncryptionAlg.AES256_CBC);
                c.setMdnResponse(MdnResponse.SYNC);
                c.setMdnSigningAlgorithm(MdnSigningAlg.NONE);
            });
            Exchange ok = fx.send("transfer-as2:connector/" + unsignedReceipt, ProducerFixture.edi(3),
                    Map.of("CamelFileName", "as2lib-ok.edi"));
            assertThat(ok.getException()).isNull();
            assertThat(new String(ok.getIn().getHeader(TransferAs2Constants.MDN, byte[].class),
                    java.nio.charset.StandardCharsets.US_ASCII)).containsIgnoringCase("Received-Content-MIC");

            as2lib.behaviour(ServerBehaviour.WRONG_MIC);
            Exchange wrong = fx.send("transfer-as2:connector/" + unsignedReceipt, ProducerFixture.edi(3),
                    Map.of("CamelFileName", "as2lib-wrong.edi"));
            assertThat(wrong.getException()).isInstanceOf(MdnFailureException.class);
            assertThat(wrong.getIn().getHeader(TransferAs2Constants.FAILURE_CODE)).isEqualTo("VERIFICATION_FAILED");
            assertThat(wrong.getIn().getHeader(TransferAs2Constants.FAILURE_MESSAGE, String.class))
                    .contains("the MIC did not match");
        }
    }
}
