package io.transferas2.inbound;

import java.util.HashMap;
import java.util.Map;

/**
 * Bounds the AS2 requests served at once, in total and per client address, so that a flood of slow or hostile
 * requests cannot take every HTTP worker thread: on Vert.x the AS2 server, the control-plane API, the trigger and
 * {@code /observe/health} share one worker pool (20 threads by default), and each AS2 request holds one of them while
 * its body streams in. Requests beyond a bound are answered 503 with {@code Retry-After} before their body is read.
 */
public final class RequestGate {
    /** The seconds a refused client is told to wait. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private final int maxTotal;
    private final int maxPerClient;
    private final Map<String, Integer> perClient = new HashMap<>();
    private int total;

    /**
     * @param maxTotal     requests served at once (0 or less: no bound)
     * @param maxPerClient requests served at once per client address (0 or less: no bound)
     */
    public RequestGate(int maxTotal, int maxPerClient) {
        this.maxTotal = maxTotal;
        this.maxPerClient = maxPerClient;
    }

    /** One admitted request; closing it frees its place. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** A permit, or null when a bound is reached ({@code client} may be null: it then counts only in the total). */
    public synchronized Permit tryEnter(String client) {
        String key = client == null ? "" : client;
        int mine = perClient.getOrDefault(key, 0);
        if (maxTotal > 0 && total >= maxTotal || maxPerClient > 0 && client != null && mine >= maxPerClient) {
            return null;
        }
        total++;
        perClient.put(key, mine + 1);
        return new Permit() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (RequestGate.this) {
                    if (!closed) {
                        closed = true;
                        total--;
                        perClient.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
                    }
                }
            }
        };
    }

    /** Requests being served now (for health and tests). */
    public synchronized int inFlight() {
        return total;
    }
}
