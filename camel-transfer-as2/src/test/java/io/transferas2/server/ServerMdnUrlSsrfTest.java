package io.transferas2.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Security;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.as2.OutboundMessage;
import io.transferas2.model.As2ConnectorConfig;
import io.transferas2.model.Connector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 8 (and issue 21's two-partner case): a partner's Receipt-Delivery-Option can only send the MDN to
 * that partner's own AS2 endpoint (its connector's host and port, or 80/443 there), never to another partner's
 * endpoint, another port of an allowed host, or the station's own listeners. Two partners, each with a connector to
 * its own loopback address and a real HTTP endpoint collecting MDNs.
 */
class ServerMdnUrlSsrfTest {
    static final byte[] PAYLOAD = "ISA*00*ssrf-test~".getBytes(StandardCharsets.US_ASCII);
    @TempDir
    static Path root;
    static ServerHarness server;
    static RawAs2 raw;
    static Endpoint partnerEndpoint;
    static Endpoint otherEndpoint;

    /** A partner's AS2 endpoint: counts the MDNs POSTed to it. */
    record Endpoint(HttpServer http, AtomicInteger posts, CountDownLatch first) {
        static Endpoint start(String address) throws IOException {
            HttpServer http = HttpServer.create(new InetSocketAddress(address, 0), 0);
            AtomicInteger posts = new AtomicInteger();
            CountDownLatch first = new CountDownLatch(1);
            http.createContext("/", exchange -> {
                exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
                posts.incrementAndGet();
                first.countDown();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            http.start();
            return new Endpoint(http, posts, first);
        }

        String url(String path) {
            return "http://" + http.getAddress().getAddress().getHostAddress() + ":" + http.getAddress().getPort()
                    + path;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        server = new ServerHarness(root);
        partnerEndpoint = Endpoint.start("127.0.0.2");
        otherEndpoint = Endpoint.start("127.0.0.3");
        server.registry.createConnector(connector(partnerEndpoint.url("/as2"), server.partnerProfile));
        server.registry.createConnector(connector(otherEndpoint.url("/as2"), server.otherProfile));
        server.start("");
        raw = new RawAs2(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        partnerEndpoint.http().stop(0);
        otherEndpoint.http().stop(0);
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    static Connector connector(String url, String partnerProfile) {
        Connector c = new Connector();
        c.setUrl(url);
        As2ConnectorConfig config = new As2ConnectorConfig();
        config.setLocalProfileId(server.localProfile);
        config.setPartnerProfileId(partnerProfile);
        c.setAs2Config(config);
        return c;
    }

    private static RawAs2.Reply sendAsync(String receiptUrl) throws Exception {
        Map<String, String> h = RawAs2.as2Headers(ServerHarness.PARTNER, ServerHarness.LOCAL, RawAs2.newMessageId());
        h.put("Receipt-Delivery-Option", receiptUrl);
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
            return raw.post(m, h);
        }
    }

    @Test
    void thePartnersOwnEndpointGetsTheMdn() throws Exception {
        RawAs2.Reply reply = sendAsync(partnerEndpoint.url("/mdn"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(partnerEndpoint.first().await(30, TimeUnit.SECONDS)).as("MDN delivered").isTrue();
    }

    @Test
    void anotherPartnersEndpointIsRefused() throws Exception {
        int before = otherEndpoint.posts().get();
        RawAs2.Reply reply = sendAsync(otherEndpoint.url("/as2"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("127.0.0.3 is not allowed");
        // a message the other partner sends may use it
        Map<String, String> h = RawAs2.as2Headers(ServerHarness.OTHER, ServerHarness.LOCAL, RawAs2.newMessageId());
        h.put("Receipt-Delivery-Option", otherEndpoint.url("/as2"));
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12", io.transferas2.model.SigningAlg.SHA256,
                io.transferas2.model.EncryptionAlg.AES256_CBC, io.transferas2.model.CompressionEnum.DISABLED,
                server.otherKey)) {
            assertThat(raw.post(m, h).status()).isEqualTo(200);
        }
        assertThat(otherEndpoint.first().await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(otherEndpoint.posts().get()).isEqualTo(before + 1);
    }

    @Test
    void anotherPortOfThePartnersHostIsRefused() throws Exception {
        RawAs2.Reply reply = sendAsync("http://127.0.0.2:6399/");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("port 6399");
    }

    @Test
    void theStationsOwnListenerIsRefused() throws Exception {
        // 127.0.0.1 is an allowed host (the harness's connector to PARTNER); its port here is the station's
        RawAs2.Reply reply = sendAsync("http://127.0.0.1:" + server.port + "/transfers");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("own listeners");
    }
}
