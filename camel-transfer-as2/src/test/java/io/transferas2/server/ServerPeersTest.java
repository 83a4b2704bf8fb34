package io.transferas2.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.TransferJson;
import io.transferas2.peers.As2LibClient;
import io.transferas2.peers.As2PeerClient;
import io.transferas2.peers.CamelAs2Client;
import io.transferas2.peers.Compression;
import io.transferas2.peers.Encryption;
import io.transferas2.peers.MdnCheck;
import io.transferas2.peers.MdnMode;
import io.transferas2.peers.SendRequest;
import io.transferas2.peers.SendResult;
import io.transferas2.peers.Signing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real senders against the server consumer on loopback: camel-as2 4.17.0's and as2-lib 5.1.5's clients, a
 * representative slice (the exhaustive matrix is {@code ServerPeerMatrixHeavyTest}). Each send must get an MDN that
 * passes the harness's own checks (signature against our certificate, disposition, Original-Message-ID, MIC), and the
 * route must land exactly the payload, with AWS's status JSON beside it.
 */
class ServerPeersTest {
    @TempDir
    static Path root;
    static ServerHarness server;
    static Path payload;
    static CamelAs2Client camel;
    static As2LibClient as2lib;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerHarness(root).start("");
        payload = root.resolve("order.x12");
        StringBuilder edi = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            edi.append("ISA*00*          *00*          *ZZ*PARTNER        *ZZ*MYCOMPANY      *").append(i)
                    .append("~\r\n");
        }
        Files.writeString(payload, edi, StandardCharsets.US_ASCII);
        camel = CamelAs2Client.create();
        as2lib = As2LibClient.create();
        server.partnerEndpoint(camel.asyncMdnUrl());
        server.partnerEndpoint(as2lib.asyncMdnUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
        as2lib.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    static Stream<Arguments> slice() {
        return Stream.of("camel", "as2lib").flatMap(peer -> Stream.of(
                Arguments.of(peer, Signing.SHA256, Encryption.AES256_CBC, Compression.DISABLED, MdnMode.SYNC),
                Arguments.of(peer, Signing.SHA256, Encryption.AES256_CBC, Compression.ZLIB, MdnMode.SYNC),
                Arguments.of(peer, Signing.SHA256, Encryption.AES128_CBC, Compression.DISABLED, MdnMode.ASYNC)));
    }

    @ParameterizedTest(name = "{0} {1}/{2}/{3}/{4}")
    @MethodSource("slice")
    void peerSendIsReceivedAndAcknowledged(String peer, Signing signing, Encryption encryption,
                                           Compression compression, MdnMode mdn) throws Exception {
        As2PeerClient client = "camel".equals(peer) ? camel : as2lib;
        SendRequest request = server.request().signing(signing).encryption(encryption).compression(compression)
                .compressBeforeSigning(false).mdn(mdn).fileName("order.x12").build();
        SendResult result = client.send(request, payload);
        assertThat(result.error()).isNull();
        assertThat(result.httpStatus()).isEqualTo(200);
        if (mdn == MdnMode.SYNC) {
            assertThat(result.mdn().verdict(true)).isEqualTo("ok");
        } else {
            MdnCheck check = client.awaitAsyncMdn(result.messageId(), Duration.ofSeconds(20));
            assertThat(check).as("async MDN").isNotNull();
            assertThat(check.verdict(true)).isEqualTo("ok");
        }
        ServerHarness.Received r = server.awaitMessage(result.messageId());
        assertThat(r.status()).isEqualTo("COMPLETED");
        assertThat(r.header(TransferAs2Constants.MESSAGE_TYPE)).isEqualTo("PAYLOAD");
        assertThat(r.header(TransferAs2Constants.SIGNED)).isEqualTo("true");
        assertThat(r.header(TransferAs2Constants.ENCRYPTED)).isEqualTo("true");
        assertThat(r.header(TransferAs2Constants.COMPRESSED)).isEqualTo(String.valueOf(compression.enabled()));
        assertThat(r.header(TransferAs2Constants.FILE_NAME)).isEqualTo("order.x12");
        assertThat(r.bodySha256()).isEqualTo(ServerHarness.sha256(payload));
        String key = "partner/processed/order." + result.messageId() + ".x12";
        assertThat(r.landed()).isEqualTo(server.target("inbox", key));
        assertThat(ServerHarness.sha256(r.landed())).isEqualTo(ServerHarness.sha256(payload));
        JsonNode json = TransferJson.json().readTree(Files.readString(server.target("inbox", key + ".json")));
        assertThat(json.get("status-code").asText()).isEqualTo("COMPLETED");
        assertThat(json.get("file-path").asText()).isEqualTo("processed/order." + result.messageId() + ".x12");
        assertThat(json.get("as2-message-id").asText()).isEqualTo(result.messageId());
        assertThat(json.get("agreement-id").asText()).isEqualTo(server.agreementId);
        assertThat(json.get("server-id").asText()).isEqualTo(server.serverId);
        assertThat(json.get("as2-from").asText()).isEqualTo(ServerHarness.PARTNER);
        assertThat(json.get("as2-to").asText()).isEqualTo(ServerHarness.LOCAL);
        assertThat(json.get("client-ip").asText()).isEqualTo("127.0.0.1");
        assertThat(json.get("transfer-size").asLong()).isEqualTo(Files.size(payload));
        assertThat(json.get("requester-file-name").asText()).isEqualTo("order.x12");
        assertThat(json.get("disposition").asText()).isEqualTo("automatic-action/MDN-sent-automatically; processed");
        assertThat(Files.exists(server.target("inbox", key + ".mdn"))).isTrue();
    }

    @Test
    void expectContinueIsAnsweredAtOnce() throws Exception {
        // the event, not a stopwatch: the server must answer 100 Continue to the head alone. A server that waited
        // for the body would leave this read blocked (camel-as2's client then stalls 3 s per message).
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST /as2 HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            RawAs2.as2Headers(ServerHarness.PARTNER, ServerHarness.LOCAL, RawAs2.newMessageId())
                    .forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("Content-Type: application/pkcs7-mime; smime-type=enveloped-data\r\n")
                    .append("Content-Length: 64\r\nExpect: 100-continue\r\n\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            StringBuilder status = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                status.append((char) c);
            }
            assertThat(status.toString()).startsWith("HTTP/1.1 100 ");
        }
        // and camel-as2's client, which sends Expect, completes against it
        SendRequest request = server.request().expectContinue(true).build();
        SendResult result = camel.send(request, payload);
        assertThat(result.mdn().verdict(true)).isEqualTo("ok");
        System.out.println("[ServerPeersTest] camel-as2 client with Expect: 100-continue: "
                + result.elapsed().toMillis() + " ms (informational)");
    }
}
