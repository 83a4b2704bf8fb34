package io.transferas2.camel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

import io.transferas2.inbound.BodyReadLimits;
import io.transferas2.inbound.InboundHttpRequest;

/**
 * A request served by camel-platform-http-vertx with {@code useBodyHandler=false}: the body is the paused Vert.x
 * request, read here as a back-pressured stream (a few network chunks in flight at most) while the engine parses it.
 * {@code Expect: 100-continue} is answered when the body is opened, since Vert.x leaves that to the handler in this
 * mode. Loaded only when Vert.x is on the classpath.
 */
final class VertxAs2Request implements InboundHttpRequest {
    private static final int CHUNKS_IN_FLIGHT = 8;
    private static final Object END = new Object();

    private final HttpServerRequest request;
    private final BodyReadLimits limits;
    private final Map<String, String> headers;
    private Body body;
    private boolean closeRequested;

    private VertxAs2Request(HttpServerRequest request, BodyReadLimits limits) {
        this.request = request;
        this.limits = limits;
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : request.headers().names()) {
            h.put(name, String.join(", ", request.headers().getAll(name)));
        }
        this.headers = h;
    }

    static boolean accepts(Object body) {
        return body instanceof HttpServerRequest;
    }

    static VertxAs2Request of(Object body, BodyReadLimits limits) {
        return new VertxAs2Request((HttpServerRequest) body, limits);
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String remoteAddress() {
        SocketAddress address = request.remoteAddress();
        return address == null ? null : address.hostAddress();
    }

    @Override
    public int localPort() {
        SocketAddress address = request.localAddress();
        return address == null ? -1 : address.port();
    }

    @Override
    public boolean secure() {
        return request.isSSL();
    }

    @Override
    public InputStream openBody() {
        if (body != null) {
            throw new IllegalStateException("the body was already opened");
        }
        body = new Body();
        if ("100-continue".equalsIgnoreCase(headers.getOrDefault("Expect", "").strip())) {
            request.response().writeContinue();
        }
        request.handler(body.queue::add);
        request.endHandler(v -> body.queue.add(END));
        request.exceptionHandler(body.queue::add);
        // the request's own exception does not always reach us when the peer closes or breaks the framing mid-body
        // (a chunk size of 2^64-1, a half-close); the response's close event does, and ends the read at once
        request.response().closeHandler(v -> body.queue.add(new IOException("the connection was closed")));
        if (request.response().closed()) {
            body.queue.add(new IOException("the connection was closed"));
        }
        request.fetch(CHUNKS_IN_FLIGHT);
        return body;
    }

    @Override
    public boolean bodyConsumed() {
        if (body != null) {
            return body.ended;
        }
        String length = headers.get("Content-Length");
        return !headers.containsKey("Transfer-Encoding") && (length == null || "0".equals(length.strip()));
    }

    @Override
    public void closeConnectionAfterResponse() {
        if (!closeRequested) {
            closeRequested = true;
            request.response().endHandler(v -> request.response().close());
        }
    }

    boolean closeRequested() {
        return closeRequested;
    }

    /** The body as an InputStream fed by the event loop; each consumed chunk asks Vert.x for the next one. */
    private final class Body extends InputStream {
        final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        volatile boolean ended;
        private IOException failure;
        private Buffer current;
        private int position;
        private final long start = System.nanoTime();
        private long lastArrival = start;
        private long received;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (failure != null) {
                // a failed body stays failed: nothing waits a second time (the receiver drains after failures)
                throw new IOException(failure.getMessage(), failure);
            }
            while (current == null || position >= current.length()) {
                if (ended) {
                    return -1;
                }
                Object next = next();
                if (next == END) {
                    ended = true;
                    return -1;
                }
                if (next instanceof Throwable t) {
                    throw fail(new IOException("the request body ended early: " + t, t));
                }
                current = (Buffer) next;
                position = 0;
                received += current.length();
                lastArrival = System.nanoTime();
                request.fetch(1);
            }
            int n = Math.min(len, current.length() - position);
            current.getBytes(position, position + n, b, off);
            position += n;
            return n;
        }

        /** The next event, waiting no longer than the read limits allow. */
        private Object next() throws IOException {
            long now = System.nanoTime();
            long wait = limits.waitNanos(start, received, lastArrival, now);
            Object next;
            try {
                next = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail(new IOException("interrupted while waiting for the request body", e));
            }
            if (next == null) {
                throw fail(new IOException(limits.describe(start, received, lastArrival, System.nanoTime())));
            }
            return next;
        }

        private IOException fail(IOException e) {
            failure = e;
            // stop reading from the connection; the response closes it
            request.pause();
            return e;
        }
    }
}
