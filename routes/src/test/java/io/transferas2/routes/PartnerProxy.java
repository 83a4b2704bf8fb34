package io.transferas2.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP hop between a station and its partner, on a free loopback port: it forwards AS2 POSTs to the partner,
 * answers the first {@code failures} with HTTP 503 (a partner that is down), or holds them (answers 200 as an ASYNC
 * receiver does, and forwards them later with {@link #releaseHeld}). It records the Message-ID of every request.
 */
final class PartnerProxy implements AutoCloseable {
    private static final Set<String> NOT_COPIED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpServer server;
    private volatile String target;
    private final AtomicInteger failuresLeft;
    private volatile boolean hold;
    private final List<String> messageIds = new CopyOnWriteArrayList<>();
    private final List<Held> held = new CopyOnWriteArrayList<>();

    private record Held(Map<String, List<String>> headers, byte[] body) {
    }

    private PartnerProxy(String target, int failures) throws IOException {
        this.target = target;
        this.failuresLeft = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Forwards to {@code target}, answering the first {@code failures} requests 503. */
    static PartnerProxy failingFirst(String target, int failures) throws IOException {
        return new PartnerProxy(target, failures);
    }

    /** Holds every request until {@link #releaseHeld}. */
    static PartnerProxy holding(String target) throws IOException {
        PartnerProxy proxy = new PartnerProxy(target, 0);
        proxy.hold = true;
        return proxy;
    }

    /** Forwards from now on to another target (a held request goes where the proxy points when released). */
    void retarget(String newTarget) {
        this.target = newTarget;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/as2";
    }

    List<String> messageIds() {
        return new ArrayList<>(messageIds);
    }

    int heldCount() {
        return held.size();
    }

    /** Forwards the held requests to the target now; returns the HTTP status of each. */
    List<Integer> releaseHeld() throws IOException, InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        for (Held h : held) {
            statuses.add(forward(h.headers(), h.body()).statusCode());
        }
        held.clear();
        return statuses;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            String messageId = exchange.getRequestHeaders().getFirst("Message-ID");
            messageIds.add(messageId);
            if (failuresLeft.getAndDecrement() > 0) {
                respond(exchange, 503, "partner down for maintenance".getBytes(), Map.of());
                return;
            }
            if (hold) {
                held.add(new Held(headers, body));
                respond(exchange, 200, new byte[0], Map.of());
                return;
            }
            HttpResponse<byte[]> answer = forward(headers, body);
            respond(exchange, answer.statusCode(), answer.body(), answer.headers().map());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(Map<String, List<String>> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(60));
        headers.forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, Map<String, List<String>> headers)
            throws IOException {
        headers.forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (!n.equals("content-length") && !n.equals("transfer-encoding") && !n.equals("connection")
                    && !n.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
