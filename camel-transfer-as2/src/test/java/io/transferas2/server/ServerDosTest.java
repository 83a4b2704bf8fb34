package io.transferas2.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.as2.OutboundMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 items 1-3: malformed and slow clients cannot stall the station. Fifty of them at once (a chunk size of
 * 2^64-1, half-closed connections, slow-loris bodies, silent bodies) from a handful of client addresses; meanwhile
 * another platform-http route on the same Vert.x server (standing in for /observe/health, the API and the trigger)
 * keeps answering, a well-formed message from another address gets its positive MDN, and every hostile connection is
 * ended within a bound set by the (shortened) read limits, not by the 350 s the station used to wait.
 */
class ServerDosTest {
    static final byte[] PAYLOAD = "ISA*00*dos-test~".getBytes(StandardCharsets.US_ASCII);
    static final int CLIENTS = 50;
    @TempDir
    static Path root;
    static ServerHarness server;
    static RawAs2 raw;

    @BeforeAll
    static void start() throws Exception {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        server = new ServerHarness(root).start(System.getProperty("dos.options", "bodyIdleTimeout=3000&bodyMinRateGrace=3000&bodyMinRate=1024"));
        server.context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/ping?httpMethodRestrict=GET").routeId("ping").setBody(constant("pong"));
            }
        });
        raw = new RawAs2(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void fiftyHostileClientsDoNotStallTheStation() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        CountDownLatch headersSent = new CountDownLatch(CLIENTS);
        List<Future<String>> hostile = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                String address = "127.0.0." + (2 + i % 5);
                int kind = i % 4;
                hostile.add(pool.submit(() -> hostileClient(kind, address, headersSent)));
            }
            assertThat(headersSent.await(30, TimeUnit.SECONDS)).as("all hostile clients connected").isTrue();

            // while they hold their connections: other routes answer, and a partner's message is acknowledged
            for (int i = 0; i < 5; i++) {
                assertThat(ping()).isEqualTo("pong");
            }
            assertThat(wellFormedMessageAcknowledged()).isTrue();
            assertThat(ping()).isEqualTo("pong");

            // every hostile connection ends: answered or closed by the station, well before the old 350 s
            for (Future<String> f : hostile) {
                assertThat(f.get(90, TimeUnit.SECONDS)).isNotEqualTo("still open");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.landedFiles()).noneMatch(f -> f.contains("/processed/") && !f.contains("ok-"));
    }

    /**
     * Item 1: a broken chunk header and a half-closed connection end the read at once, not after the idle time-out
     * (set to 10 minutes here, so only the connection's end can finish them within the bound).
     */
    @Test
    void brokenFramingAndHalfCloseEndTheReadAtOnce(@TempDir Path dir) throws Exception {
        try (ServerHarness patient = new ServerHarness(dir)
                .start("bodyIdleTimeout=600000&bodyMinRate=0&maxConcurrentRequestsPerClient=0")) {
            ServerHarness saved = server;
            server = patient;
            ExecutorService pool = Executors.newCachedThreadPool();
            try {
                CountDownLatch headersSent = new CountDownLatch(20);
                List<Future<String>> clients = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    int kind = i % 2;
                    clients.add(pool.submit(() -> hostileClient(kind, "127.0.0.1", headersSent)));
                }
                assertThat(headersSent.await(30, TimeUnit.SECONDS)).isTrue();
                for (Future<String> f : clients) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isNotEqualTo("still open");
                }
                // their requests no longer hold places: with all 20 still reading, this one would get 503
                String id = RawAs2.newMessageId();
                try (OutboundMessage m = new RawAs2(patient).build(PAYLOAD, "ok-after.x12")) {
                    RawAs2.Reply reply = new RawAs2(patient).post(m, RawAs2.as2Headers(ServerHarness.PARTNER,
                            ServerHarness.LOCAL, id));
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(reply.mdn(patient.localKey).disposition().toFieldValue())
                            .isEqualTo("automatic-action/MDN-sent-automatically; processed");
                }
                assertThat(patient.received).noneMatch(r -> "COMPLETED".equals(r.status())
                        && !r.messageId().equals(id));
            } finally {
                pool.shutdownNow();
                server = saved;
            }
        }
    }

    /** A well-formed message from 127.0.0.1; a 503 (station busy) is retried after Retry-After, as partners do. */
    private static boolean wellFormedMessageAcknowledged() throws Exception {
        for (int attempt = 0; attempt < 30; attempt++) {
            String id = RawAs2.newMessageId();
            try (OutboundMessage m = raw.build(PAYLOAD, "ok-" + attempt + ".x12")) {
                RawAs2.Reply reply = raw.post(m, RawAs2.as2Headers(ServerHarness.PARTNER, ServerHarness.LOCAL, id));
                if (reply.status() == 503) {
                    assertThat(reply.header("Retry-After")).isNotNull();
                    Thread.sleep(1000);
                    continue;
                }
                return reply.status() == 200 && reply.mdn(server.localKey).disposition().toFieldValue()
                        .equals("automatic-action/MDN-sent-automatically; processed");
            }
        }
        return false;
    }

    private static String ping() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port), 5000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            RawAs2.Reply reply = RawAs2.read(socket.getInputStream());
            return reply.status() == 200 ? reply.text() : "HTTP " + reply.status();
        }
    }

    /**
     * One hostile client: 0 a chunk size of 2^64-1, 1 half-closed mid-body, 2 slow-loris (a body byte every 2 s), 3
     * silent after the headers. Returns how the connection ended.
     */
    private static String hostileClient(int kind, String address, CountDownLatch headersSent) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.port), 5000);
            OutputStream out = socket.getOutputStream();
            Map<String, String> h = new LinkedHashMap<>(RawAs2.as2Headers(ServerHarness.PARTNER,
                    ServerHarness.LOCAL, RawAs2.newMessageId()));
            h.put("Content-Type", "application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m");
            if (kind == 0) {
                h.put("Transfer-Encoding", "chunked");
            } else {
                h.put("Content-Length", "1000");
            }
            StringBuilder head = new StringBuilder("POST /as2 HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            h.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            headersSent.countDown();
            switch (kind) {
                case 0 -> out.write("ffffffffffffffff\r\n0123456789".getBytes(StandardCharsets.US_ASCII));
                case 1 -> {
                    out.write(new byte[10]);
                    socket.shutdownOutput();
                }
                default -> { }
            }
            out.flush();
            InputStream in = socket.getInputStream();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(80);
            socket.setSoTimeout(kind == 2 ? 2000 : 80_000);
            while (System.nanoTime() < end) {
                try {
                    int b = in.read();
                    return b < 0 ? "closed" : "answered";
                } catch (SocketTimeoutException e) {
                    try {
                        out.write(0x30);   // slow-loris: one more byte
                        out.flush();
                    } catch (IOException closed) {
                        return "closed";
                    }
                } catch (IOException e) {
                    return "reset";
                }
            }
            return "still open";
        }
    }
}
