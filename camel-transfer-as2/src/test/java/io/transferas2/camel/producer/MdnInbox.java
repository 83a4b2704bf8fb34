package io.transferas2.camel.producer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import io.transferas2.transfer.AsyncMdn;

/**
 * Plays our server's async MDN endpoint in tests: a loopback HTTP listener that keeps every MDN POSTed to it, so a
 * test can hand it to the component later (the real server consumer is built separately), e.g. after a restart.
 */
final class MdnInbox implements AutoCloseable {
    private final HttpServer server;
    private final Path dir;
    private final BlockingQueue<AsyncMdn> received = new LinkedBlockingQueue<>();

    MdnInbox(Path dir, String serverId) throws IOException {
        this.dir = dir;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/mdn", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(", ", v)));
            Path body = Files.createTempFile(dir, "mdn-", ".bin");
            try (InputStream in = exchange.getRequestBody()) {
                Files.copy(in, body, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            received.add(new AsyncMdn(serverId, "127.0.0.1", headers, headers.get("Content-type"), body));
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mdn";
    }

    AsyncMdn await(Duration timeout) throws InterruptedException {
        AsyncMdn mdn = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (mdn == null) {
            throw new AssertionError("no async MDN arrived within " + timeout);
        }
        return mdn;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
