package io.transferas2.outbound;

import java.io.IOException;
import java.net.SocketException;
import java.util.Locale;

import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * Repeats a POST, at once, when the connection died before any answer: the keep-alive race where a partner
 * (as2-lib, for one) closes its side after each MDN without saying {@code Connection: close}, and our next request
 * meets the closed socket. The partner never read that request; and if it did, the repeat carries the same
 * Message-ID, so it can recognise the duplicate. Every other failure is left to the caller.
 * <p>
 * Such a failure also tells the pool ({@code onStale}) that the partner closes its connections: the pool drops its
 * idle connections, which are probably closed too, and stops keeping connections to that partner for a while. With
 * one repeat and nothing more, concurrent sends to as2-lib failed by the hundred (the benchmark: 1,179 of 4,959 at
 * concurrency 8), as the repeat met another dead pooled connection.
 */
final class StaleConnectionRetry implements HttpRequestRetryStrategy {
    /** Attempts of one request: the first and two repeats. */
    static final int MAX_ATTEMPTS = 3;

    private final Runnable onStale;

    StaleConnectionRetry(Runnable onStale) {
        this.onStale = onStale;
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        if (execCount >= MAX_ATTEMPTS || !stale(exception)) {
            return false;
        }
        onStale.run();
        return true;
    }

    static boolean stale(IOException exception) {
        if (exception instanceof NoHttpResponseException) {
            return true;
        }
        String message = exception instanceof SocketException && exception.getMessage() != null
                ? exception.getMessage().toLowerCase(Locale.ROOT) : "";
        return message.contains("broken pipe") || message.contains("connection reset");
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }

    @Override
    public TimeValue getRetryInterval(HttpRequest request, IOException exception, int execCount,
                                      HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }
}
