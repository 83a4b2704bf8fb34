package io.transferas2.inbound;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncMdnSenderTest {
    private HttpServer partner;
    private ScheduledExecutorService scheduler;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile int failFirst;
    private volatile int failStatus = 503;

    @BeforeEach
    void start() throws Exception {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/mdn", exchange -> {
            int n = calls.incrementAndGet();
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII)
                    + "|" + exchange.getRequestHeaders().getFirst("AS2-To"));
            exchange.sendResponseHeaders(n <= failFirst ? failStatus : 200, -1);
            exchange.close();
        });
        partner.start();
        scheduler = Executors.newScheduledThreadPool(2);
    }

    @AfterEach
    void stop() {
        partner.stop(0);
        scheduler.shutdownNow();
    }

    private AsyncMdnSender.Delivery send(int attempts) throws Exception {
        AsyncMdnSender sender = new AsyncMdnSender(scheduler, attempts, Duration.ofMillis(20), Duration.ofSeconds(5),
                null);
        URI url = URI.create("http://127.0.0.1:" + partner.getAddress().getPort() + "/mdn");
        return sender.send(new AsyncMdnSender.Outgoing(url, Map.of("AS2-To", "PARTNER"),
                "mdn".getBytes(StandardCharsets.US_ASCII), "multipart/report", "id-1")).get(10, TimeUnit.SECONDS);
    }

    @Test
    void deliversOnce() throws Exception {
        AsyncMdnSender.Delivery d = send(3);
        assertThat(d.delivered()).isTrue();
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(bodies).containsExactly("mdn|PARTNER");
    }

    @Test
    void retriesServerErrorsWithBackOff() throws Exception {
        failFirst = 2;
        AsyncMdnSender.Delivery d = send(3);
        assertThat(d.delivered()).isTrue();
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(calls).hasValue(3);
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        failFirst = 10;
        AsyncMdnSender.Delivery d = send(2);
        assertThat(d.delivered()).isFalse();
        assertThat(d.lastStatus()).isEqualTo(503);
        assertThat(calls).hasValue(2);
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        failFirst = 10;
        failStatus = 400;
        AsyncMdnSender.Delivery d = send(5);
        assertThat(d.delivered()).isFalse();
        assertThat(calls).hasValue(1);
    }

    @Test
    void connectionRefusedIsRetriedThenReported() throws Exception {
        partner.stop(0);
        AsyncMdnSender.Delivery d = send(2);
        assertThat(d.delivered()).isFalse();
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.problem()).isNotBlank();
    }
}
