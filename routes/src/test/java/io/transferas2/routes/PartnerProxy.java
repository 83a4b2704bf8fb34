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

    /**
     * Forwards held request {@code index} (0 for the first held) to all {@code targets} at the same moment (one
     * thread per target, started together), as a partner whose retry the load balancer sends to another node while
     * the first delivery is still under way; returns the HTTP status of each delivery. The request stays held.
     */
    List<Integer> releaseHeldToAll(int index, List<String> targets) throws Exception {
        Held h = held.get(index);
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(
                targets.size());
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> sent = new ArrayList<>();
            for (String t : targets) {
                sent.add(senders.submit(() -> {
                    go.await();
                    return forward(t, h.headers(), h.body()).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : sent) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            senders.shutdownNow();
        }
    }

    /** The Original-Message-ID (without angle brackets) named by held request {@code index}, an MDN. */
    String heldOriginalMessageId(int index) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^original-message-id:\\s*<?([^>\\s]+)>?")
                .matcher(new String(held.get(index).body(), java.nio.charset.StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            throw new AssertionError("held request " + index + " is not an MDN");
        }
        return m.group(1);
    }

    /** Forgets the held requests. */
    void clearHeld() {
        held.clear();
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
        return forward(target, headers, body);
    }

    private static HttpResponse<byte[]> forward(String to, Map<String, List<String>> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(to))
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
