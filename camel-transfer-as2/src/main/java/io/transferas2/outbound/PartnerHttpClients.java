package io.transferas2.outbound;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One pooled keep-alive HTTP client per connector (Apache HttpClient 5 classic). The pool holds up to
 * {@link SendOptions#maxInFlight()} connections; TLS is 1.2 or 1.3 with default host name verification and the
 * connector's {@link PartnerTrust}. A connector's client is rebuilt when its trusted certificates or send options
 * change; the old one closes once its last send finishes. Thread-safe.
 */
public final class PartnerHttpClients implements AutoCloseable {
    private final Map<String, Holder> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Leases the client for a connector; close the lease when the send is over.
     *
     * @param connectorId the connector
     * @param trust       what its HTTPS connections trust
     * @param options     timeouts, pool size, Expect
     */
    public Lease lease(String connectorId, PartnerTrust trust, SendOptions options) {
        if (closed) {
            throw new IllegalStateException("the HTTP clients are closed");
        }
        String key = trust.fingerprint() + "|" + options.connectTimeout() + "|" + options.readTimeout() + "|"
                + options.maxInFlight() + "|" + options.userAgent();
        Holder[] leased = new Holder[1];
        clients.compute(connectorId, (id, current) -> {
            Holder h = current;
            if (h == null || !h.key.equals(key)) {
                if (h != null) {
                    h.retire();
                }
                h = new Holder(key, trust, options);
            }
            h.inFlight.incrementAndGet();
            leased[0] = h;
            return h;
        });
        return new Lease(leased[0], options);
    }

    /** Pool statistics of a connector's current client, or null when it has none. */
    public Stats stats(String connectorId) {
        Holder h = clients.get(connectorId);
        if (h == null) {
            return null;
        }
        PoolStats s = h.pool.getTotalStats();
        return new Stats(h.opened.get(), s.getLeased(), s.getAvailable(), s.getMax());
    }

    /** Drops a connector's client, e.g. when the connector was deleted. */
    public void evict(String connectorId) {
        clients.computeIfPresent(connectorId, (id, h) -> {
            h.retire();
            return null;
        });
    }

    @Override
    public void close() {
        closed = true;
        clients.values().forEach(Holder::retire);
        clients.clear();
    }

    /**
     * Connection pool figures.
     *
     * @param connectionsOpened TCP connections opened since the client was built (lower than the sends: reuse)
     * @param leased            connections in use now
     * @param available         idle keep-alive connections
     * @param max               the pool's limit
     */
    public record Stats(long connectionsOpened, int leased, int available, int max) {
    }

    /** A client in use by one send. */
    public static final class Lease implements AutoCloseable {
        private final Holder holder;
        private final RequestConfig requestConfig;
        private boolean released;

        private Lease(Holder holder, SendOptions options) {
            this.holder = holder;
            this.requestConfig = RequestConfig.custom()
                    .setExpectContinueEnabled(options.expectContinue())
                    .setResponseTimeout(Timeout.of(options.readTimeout()))
                    // the in-flight limit is enforced before the message is built; waiting here is for the pool
                    .setConnectionRequestTimeout(Timeout.DISABLED)
                    .setRedirectsEnabled(false)
                    .setAuthenticationEnabled(false)
                    .setContentCompressionEnabled(false)
                    .build();
        }

        public CloseableHttpClient client() {
            return holder.client;
        }

        public RequestConfig requestConfig() {
            return requestConfig;
        }

        /**
         * True when the request should say {@code Connection: close}: the partner closed kept-alive connections
         * lately, so reusing one would race with its close.
         */
        public boolean closeConnection() {
            return holder.closeConnections();
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                holder.release();
            }
        }
    }

    private static final class Holder {
        static final long CLOSE_MINUTES = 10;
        final String key;
        final PoolingHttpClientConnectionManager pool;
        final CloseableHttpClient client;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicLong opened = new AtomicLong();
        /** Until when (System.nanoTime) connections to this partner are not kept: it closed kept-alive ones. */
        private volatile long closeConnectionsUntil = System.nanoTime();
        private volatile boolean retired;
        private boolean shut;

        Holder(String key, PartnerTrust trust, SendOptions options) {
            this.key = key;
            HttpConnectionFactory<ManagedHttpClientConnection> counting = new CountingFactory(opened);
            this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                    .setConnectionFactory(counting)
                    .setMaxConnTotal(options.maxInFlight())
                    .setMaxConnPerRoute(options.maxInFlight())
                    .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                            .setSslContext(trust.sslContext())
                            .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                            .buildClassic())
                    .setDefaultSocketConfig(SocketConfig.custom()
                            .setTcpNoDelay(true)
                            .setSoTimeout(Timeout.of(options.readTimeout()))
                            .build())
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(options.connectTimeout()))
                            .setSocketTimeout(Timeout.of(options.readTimeout()))
                            // partners (as2-lib) close after each MDN: check an idle connection before reuse
                            .setValidateAfterInactivity(TimeValue.ofMilliseconds(100))
                            .setTimeToLive(TimeValue.ofMinutes(5))
                            .build())
                    .build();
            this.client = HttpClients.custom()
                    .setConnectionManager(pool)
                    .setUserAgent(options.userAgent())
                    // a POST is repeated only when a kept-alive connection turned out dead before any answer
                    .setRetryStrategy(new StaleConnectionRetry(this::partnerClosedAConnection))
                    .disableRedirectHandling()
                    .disableCookieManagement()
                    .disableAuthCaching()
                    .disableContentCompression()
                    .evictIdleConnections(TimeValue.ofSeconds(60))
                    .build();
        }

        /**
         * A kept-alive connection was found closed by the partner although it had been idle less than the pool's
         * validation interval: the partner closes after each answer. Drop the idle connections (closed as well,
         * most likely) and ask for {@code Connection: close} for the next {@value #CLOSE_MINUTES} minutes.
         */
        void partnerClosedAConnection() {
            closeConnectionsUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(CLOSE_MINUTES);
            pool.closeIdle(TimeValue.ZERO_MILLISECONDS);
        }

        boolean closeConnections() {
            return System.nanoTime() - closeConnectionsUntil < 0;
        }

        void release() {
            if (inFlight.decrementAndGet() == 0 && retired) {
                shutdown();
            }
        }

        void retire() {
            retired = true;
            if (inFlight.get() == 0) {
                shutdown();
            }
        }

        private synchronized void shutdown() {
            if (!shut) {
                shut = true;
                client.close(CloseMode.GRACEFUL);
            }
        }
    }

    /** HttpClient's own connection factory, counting the connections it makes. */
    private static final class CountingFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {
        private final AtomicLong counter;

        CountingFactory(AtomicLong counter) {
            this.counter = Objects.requireNonNull(counter);
        }

        @Override
        public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
            counter.incrementAndGet();
            return ManagedHttpClientConnectionFactory.INSTANCE.createConnection(socket);
        }

        @Override
        public ManagedHttpClientConnection createConnection(SSLSocket sslSocket, Socket socket) throws IOException {
            counter.incrementAndGet();
            return ManagedHttpClientConnectionFactory.INSTANCE.createConnection(sslSocket, socket);
        }
    }
}
