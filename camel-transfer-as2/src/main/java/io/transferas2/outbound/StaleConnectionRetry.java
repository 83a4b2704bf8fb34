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
 * Repeats a POST once, at once, when the connection died before any answer: the keep-alive race where a partner
 * (as2-lib, for one) closes its side after each MDN without saying {@code Connection: close}, and our next request
 * meets the closed socket. The partner never read that request; and if it did, the repeat carries the same
 * Message-ID, so it can recognise the duplicate. Every other failure is left to the caller.
 */
final class StaleConnectionRetry implements HttpRequestRetryStrategy {

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        if (execCount > 1) {
            return false;
        }
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
