package io.transferas2.camel.producer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
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
import io.transferas2.outbound.MdnFailureException;
import io.transferas2.outbound.TransportFailureException;
import io.transferas2.peers.CamelAs2Server;
import io.transferas2.peers.ReceivedMessage;
import io.transferas2.peers.RecordedRequest;
import io.transferas2.peers.ServerBehaviour;

import static org.assertj.core.api.Assertions.assertThat;

/** The connector producer sending to camel-as2 4.17.0's AS2 server on loopback. */
class CamelAs2ReceiverTest {
    private static ProducerFixture fx;
    private static CamelAs2Server server;

    @BeforeAll
    static void start() throws Exception {
        fx = new ProducerFixture();
        // the hang outlasts the 1 s read timeout by far, so the timeout is what ends the send, not a race
        server = CamelAs2Server.start(ProducerFixture.server().hangTime(Duration.ofSeconds(30)).build());
    }

    @AfterAll
    static void stop() {
        server.close();
        fx.close();
    }

    @BeforeEach
    void reset() {
        server.behaviour(ServerBehaviour.NORMAL);
        server.clear();
    }

    private String connector(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression, MdnResponse mdn,
                             MdnSigningAlg mdnSign) {
        return fx.connector(server.url().toString(), c -> {
            c.setSigningAlgorithm(sign);
            c.setEncryptionAlgorithm(enc);
            c.setCompression(compression);
            c.setMdnResponse(mdn);
            c.setMdnSigningAlgorithm(mdnSign);
        });
    }

    @Test
    void syncSignedMdnCompletesAndTheServerGetsTheFileAndHeaders() throws Exception {
        String id = connector(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.DISABLED, MdnResponse.SYNC,
                MdnSigningAlg.DEFAULT);
        String edi = ProducerFixture.edi(200);
        Exchange done = fx.send("transfer-as2:connector/" + id, edi, Map.of("CamelFileName", "in/po-7.edi",
                "CamelAwsS3BucketName", "outbox", "CamelAwsS3Key", "partner-a/po-7.edi"));

        assertThat(done.getException()).isNull();
        var in = done.getIn();
        assertThat(in.getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        assertThat(in.getHeader(TransferAs2Constants.DISPOSITION, String.class)).contains("processed");
        String messageId = in.getHeader(TransferAs2Constants.MESSAGE_ID, String.class);
        String transferId = in.getHeader(TransferAs2Constants.TRANSFER_ID, String.class);
        assertThat(messageId).matches("[0-9a-f-]{36}@[0-9a-f]{16}");
        assertThat(transferId).matches("[0-9a-f-]{36}");
        assertThat(in.getHeader(TransferAs2Constants.STATUS_BUCKET)).isEqualTo("outbox");
        assertThat(in.getHeader(TransferAs2Constants.STATUS_KEY)).isEqualTo("partner-a/processed/po-7." + transferId
                + "." + messageId + ".edi.json");
        assertThat(in.getHeader(TransferAs2Constants.MDN_KEY)).isEqualTo("partner-a/processed/po-7." + transferId
                + "." + messageId + ".edi.mdn");
        assertThat(in.getHeader(TransferAs2Constants.MDN, byte[].class)).isNotEmpty();
        assertThat(in.getHeader(TransferAs2Constants.TRANSFER_SIZE, Long.class)).isEqualTo(edi.length());
        String json = in.getBody(String.class);
        assertThat(json).contains("\"status-code\":\"COMPLETED\"", "\"as2-message-id\":\"" + messageId + "\"",
                "\"file-path\":\"/outbox/partner-a/po-7.edi\"", "\"requester-file-name\":\"po-7.edi\"",
                "\"requester-content-type\":\"application/EDI-X12\"", "\"connector-id\":\"" + id + "\"");

        ReceivedMessage received = server.awaitReceived(1, Duration.ofSeconds(10)).get(0);
        assertThat(received.accepted()).isTrue();
        assertThat(received.signed()).isTrue();
        assertThat(received.encrypted()).isTrue();
        assertThat(received.fileName()).isEqualTo("po-7.edi");
        assertThat(received.payload().sha256()).isEqualTo(sha256(edi));
        assertThat(received.messageId()).isEqualTo(messageId);
        RecordedRequest request = server.requests().get(0);
        assertThat(request.header("AS2-Version")).isEqualTo("1.2");
        assertThat(request.header("AS2-From")).isEqualTo(ProducerFixture.US_ID);
        assertThat(request.header("AS2-To")).isEqualTo(ProducerFixture.PARTNER_ID);
        assertThat(request.header("Subject")).isEqualTo("File po-7.edi from MYCOMPANY to PARTNER-AS2");
        assertThat(request.header("Content-Disposition")).isEqualTo("attachment; filename=\"po-7.edi\"");
        assertThat(request.header("Content-Length")).isNotNull();
        assertThat(request.header("Transfer-Encoding")).isNull();
        assertThat(request.header("Expect")).isNull();
        assertThat(request.header("Date")).isNotNull();
        assertThat(request.header("Disposition-Notification-To")).isEqualTo(ProducerFixture.US_ID);
        assertThat(request.header("Disposition-Notification-Options"))
                .isEqualTo("signed-receipt-protocol=optional, pkcs7-signature;"
                        + " signed-receipt-micalg=optional, sha-256");
        assertThat(request.header("User-Agent")).startsWith("camel-transfer-as2");
    }

    @Test
    void syncUnsignedMdnAndNoneComplete() throws Exception {
        String unsigned = connector(SigningAlg.SHA256, EncryptionAlg.AES128_CBC, CompressionEnum.DISABLED,
                MdnResponse.SYNC, MdnSigningAlg.NONE);
        Exchange done = fx.send(unsigned, ProducerFixture.edi(20));
        assertThat(done.getException()).isNull();
        assertThat(done.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        assertThat(server.requests().get(0).header("Disposition-Notification-Options")).isNull();
        assertThat(server.requests().get(0).header("Disposition-Notification-To")).isNotNull();

        server.clear();
        String none = connector(SigningAlg.SHA512, EncryptionAlg.AES192_CBC, CompressionEnum.DISABLED,
                MdnResponse.NONE, MdnSigningAlg.DEFAULT);
        done = fx.send(none, ProducerFixture.edi(20));
        assertThat(done.getException()).isNull();
        assertThat(done.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        assertThat(done.getIn().getHeader(TransferAs2Constants.MDN)).isNull();
        assertThat(server.awaitReceived(1, Duration.ofSeconds(10)).get(0).accepted()).isTrue();
        assertThat(server.requests().get(0).header("Disposition-Notification-To")).isNull();
    }

    @Test
    void compressedMessagesCompleteWhenCompressedAfterSigning() throws Exception {
        String id = connector(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.ZLIB, MdnResponse.SYNC,
                MdnSigningAlg.DEFAULT);
        Exchange after = fx.send("transfer-as2:connector/" + id + "?compressionOrder=AFTER_SIGNING",
                ProducerFixture.edi(300), Map.of("CamelFileName", "big.edi"));
        assertThat(after.getException()).isNull();
        assertThat(after.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        assertThat(server.awaitReceived(1, Duration.ofSeconds(10)).get(0).compressed()).isTrue();
    }

    @Test
    void camelsMicOverTheUncompressedEntityFailsVerificationUnderCompressBeforeSigning() {
        // camel-as2 4.17 digests the decompressed entity, RFC 5402 the signed (compressed) one: a real MIC mismatch
        String id = connector(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.ZLIB, MdnResponse.SYNC,
                MdnSigningAlg.DEFAULT);
        Exchange done = fx.send(id, ProducerFixture.edi(50));
        assertThat(done.getException()).isInstanceOf(MdnFailureException.class);
        assertThat(done.getIn().getHeader(TransferAs2Constants.FAILURE_CODE)).isEqualTo("VERIFICATION_FAILED");
        assertThat(done.getIn().getHeader(TransferAs2Constants.FAILURE_MESSAGE, String.class))
                .contains("MIC did not match");
    }

    @Test
    void wrongMicFailsWithVerificationFailedAndReturnPolicyKeepsTheExchangeAlive() {
        server.behaviour(ServerBehaviour.WRONG_MIC);
        String id = connector(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.DISABLED, MdnResponse.SYNC,
                MdnSigningAlg.DEFAULT);
        Exchange thrown = fx.send(id, ProducerFixture.edi(10));
        assertThat(thrown.getException()).isInstanceOf(MdnFailureException.class);
        assertThat(((MdnFailureException) thrown.getException()).failureCode().name())
                .isEqualTo("VERIFICATION_FAILED");

        Exchange returned = fx.send("transfer-as2:connector/" + id + "?businessFailurePolicy=RETURN",
                ProducerFixture.edi(10), Map.of("CamelFileName", "x.edi", "CamelAwsS3BucketName", "b",
                        "CamelAwsS3Key", "out/x.edi"));
        assertThat(returned.getException()).isNull();
        assertThat(returned.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("FAILED");
        assertThat(returned.getIn().getHeader(TransferAs2Constants.FAILURE_CODE)).isEqualTo("VERIFICATION_FAILED");
        assertThat(returned.getIn().getHeader(TransferAs2Constants.STATUS_KEY, String.class))
                .startsWith("out/failed/x.").endsWith(".edi.json");
        assertThat(returned.getIn().getBody(String.class)).contains("\"status-code\":\"FAILED\"",
                "\"failure-code\":\"VERIFICATION_FAILED\"", "\"disposition\":");
    }

    @Test
    void mdnSignedWithAnotherKeyFailsVerification() {
        server.behaviour(ServerBehaviour.WRONG_MDN_KEY);
        String id = connector(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.DISABLED, MdnResponse.SYNC,
                MdnSigningAlg.DEFAULT);
        Exchange done = fx.send(id, ProducerFixture.edi(10));
        assertThat(done.getException()).isInstanceOf(MdnFailureException.class);
        assertThat(done.getIn().getHeader(TransferAs2Constants.FAILURE_CODE, String.class))
                .startsWith("VERIFICATION_FAILED");
    }

    @Test
    void http500IsATransportFailureWithAwsMessageAndRedeliveryReusesTheMessageId() throws Exception {
        server.behaviour(ServerBehaviour.HTTP_500);
        String id = connector(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.DISABLED, MdnResponse.SYNC,
                MdnSigningAlg.DEFAULT);
        Exchange done = fx.send(id, ProducerFixture.edi(10));
        assertThat(done.getException()).isInstanceOf(TransportFailureException.class);
        String messageId = done.getIn().getHeader(TransferAs2Constants.MESSAGE_ID, String.class);
        assertThat(done.getIn().getHeader(TransferAs2Constants.FAILURE_CODE))
                .isEqualTo("HTTP_ERROR_RESPONSE_FROM_PARTNER");
        assertThat(done.getIn().getHeader(TransferAs2Constants.FAILURE_MESSAGE)).isEqualTo(server.url()
                + " returned status 500 for message with ID " + messageId);
        assertThat(((TransportFailureException) done.getException()).status().toJson())
                .contains("\"failure-code\":\"HTTP_ERROR_RESPONSE_FROM_PARTNER\"");

        // a route with redelivery: the first attempt gets 500, the second succeeds with the same Message-ID
        server.clear();
        fx.context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(TransportFailureException.class).maximumRedeliveries(2).redeliveryDelay(10)
                        .onRedelivery(e -> server.behaviour(ServerBehaviour.NORMAL));
                from("direct:retry-" + id).to("transfer-as2:connector/" + id);
            }
        });
        server.behaviour(ServerBehaviour.HTTP_500);
        Exchange retried = fx.send("direct:retry-" + id, ProducerFixture.edi(10), Map.of("CamelFileName", "r.edi"));
        assertThat(retried.getException()).isNull();
        assertThat(retried.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        List<RecordedRequest> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("Message-ID")).isEqualTo(requests.get(1).header("Message-ID"));
        assertThat(requests.get(0).header("Message-ID")).isNotEqualTo("<" + messageId + ">");

        Exchange fresh = fx.send(id, ProducerFixture.edi(10));
        assertThat(fresh.getIn().getHeader(TransferAs2Constants.MESSAGE_ID)).isNotEqualTo(
                retried.getIn().getHeader(TransferAs2Constants.MESSAGE_ID));
    }

    @Test
    void readTimeoutIsATransportFailure() {
        server.behaviour(ServerBehaviour.HANG);
        String id = connector(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.DISABLED, MdnResponse.SYNC,
                MdnSigningAlg.DEFAULT);
        Exchange done = fx.send("transfer-as2:connector/" + id + "?readTimeout=1000", ProducerFixture.edi(10),
                Map.of("CamelFileName", "slow.edi"));
        assertThat(done.getException()).isInstanceOf(TransportFailureException.class);
        assertThat(done.getIn().getHeader(TransferAs2Constants.FAILURE_CODE))
                .isEqualTo("UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP");
        assertThat(done.getIn().getHeader(TransferAs2Constants.FAILURE_MESSAGE, String.class))
                .contains("within the read timeout of 1s");
        // issue 15 item 13: the status JSON says it was a timeout and that the partner may have the file
        assertThat(done.getIn().getHeader(TransferAs2Constants.STATUS_JSON, String.class))
                .contains("\"failure-message\":\"Timeout: ").contains("may still have received and stored the file");
    }

    @Test
    void basicAuthAndCustomHeadersReachTheServer() throws Exception {
        System.setProperty("partner-a-basic", "{\"Username\":\"acme\",\"Password\":\"s3cr:et\"}");
        try {
            String id = fx.connector(server.url().toString(), c -> c.setBasicAuthSecretId("partner-a-basic"));
            // camel's server parses only EDI/XML payloads, so send an EDI file
            Exchange done = fx.send("transfer-as2:connector/" + id, ProducerFixture.edi(3), Map.of("CamelFileName",
                    "h.edi",
                    TransferAs2Constants.CUSTOM_HTTP_HEADERS,
                    "[{\"Key\":\"X-Partner-Route\",\"Value\":\"eu-1/edi\"},{\"Key\":\"X-Empty\",\"Value\":\"\"}]"));
            assertThat(done.getException()).isNull();
            RecordedRequest request = server.requests().get(0);
            assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString("acme:s3cr:et".getBytes(StandardCharsets.UTF_8)));
            assertThat(request.header("X-Partner-Route")).isEqualTo("eu-1/edi");
            assertThat(request.headers()).containsKey("X-Empty");

            Exchange reserved = fx.send("transfer-as2:connector/" + id, "hello", Map.of(
                    TransferAs2Constants.CUSTOM_HTTP_HEADERS, Map.of("AS2-To", "someone-else")));
            assertThat(reserved.getException()).hasMessageContaining("cannot be replaced");
        } finally {
            System.clearProperty("partner-a-basic");
        }
    }

    @Test
    void hundredParallelSendsCompleteOverReusedConnections() throws Exception {
        String id = connector(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.DISABLED, MdnResponse.SYNC,
                MdnSigningAlg.DEFAULT);
        String uri = "transfer-as2:connector/" + id;
        String edi = ProducerFixture.edi(30);
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            for (int wave = 0; wave < 2; wave++) {
                List<Callable<Exchange>> sends = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    int n = i;
                    sends.add(() -> fx.send(uri, edi, Map.of("CamelFileName", "p" + n + ".edi")));
                }
                for (Future<Exchange> f : pool.invokeAll(sends)) {
                    Exchange e = f.get();
                    assertThat(e.getException()).isNull();
                    assertThat(e.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        server.awaitReceived(200, Duration.ofSeconds(30));
        // only this test's files: a hung request of another test may still be recorded late
        assertThat(server.received()).filteredOn(m -> m.fileName() != null && m.fileName().matches("p\\d+\\.edi"))
                .hasSize(200).allMatch(ReceivedMessage::accepted);
        var stats = fx.component.connectorStats(id);
        System.out.println("200 sends (2 waves of 100 in parallel) opened " + stats.connectionsOpened()
                + " connections; pool " + stats);
        assertThat(stats.connectionsOpened()).isBetween(1L, 100L);

        // DeleteConnector closes its pool at once
        fx.registry.deleteConnector(id);
        assertThat(fx.component.connectorStats(id)).isNull();
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
