package io.transferas2.inbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs asynchronous MDNs to partners, off the request thread: each delivery is tried, and retried with exponential
 * back-off on connection errors, time-outs, 408, 429 and 5xx answers, up to a bounded number of attempts. Redirects
 * are not followed (the allow-list checked the URL, not where it redirects). HTTPS uses the JDK's certificate and host
 * name verification.
 */
public final class AsyncMdnSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncMdnSender.class);

    /** How a delivery ended. */
    public record Delivery(URI url, String originalMessageId, boolean delivered, int attempts, int lastStatus,
                           String problem) {
    }

    /** One MDN to send. */
    public record Outgoing(URI url, Map<String, String> headers, byte[] body, String contentType,
                           String originalMessageId) {
    }

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final int maxAttempts;
    private final Duration firstDelay;
    private final Duration timeout;

    /**
     * @param scheduler   runs attempts and back-off waits; owned by the caller
     * @param maxAttempts attempts per MDN, at least 1
     * @param firstDelay  wait before the second attempt; each further wait doubles, up to 5 minutes
     * @param timeout     connect and response time-out of one attempt
     * @param sslContext  TLS trust for https URLs, or null for the JDK default
     */
    public AsyncMdnSender(ScheduledExecutorService scheduler, int maxAttempts, Duration firstDelay, Duration timeout,
                          SSLContext sslContext) {
        this.scheduler = scheduler;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstDelay = firstDelay;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .executor(scheduler);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.build();
    }

    /** Starts delivering; the future completes when it was delivered or the attempts ran out. */
    public CompletableFuture<Delivery> send(Outgoing mdn) {
        CompletableFuture<Delivery> result = new CompletableFuture<>();
        scheduler.execute(() -> attempt(mdn, 1, result));
        return result;
    }

    private void attempt(Outgoing mdn, int attempt, CompletableFuture<Delivery> result) {
        HttpRequest.Builder request = HttpRequest.newBuilder(mdn.url()).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(mdn.body()))
                .header("Content-Type", mdn.contentType());
        mdn.headers().forEach(request::header);
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            int status = response == null ? -1 : response.statusCode();
            if (error == null && status >= 200 && status < 300) {
                LOG.debug("async MDN for {} delivered to {} (attempt {})", mdn.originalMessageId(), mdn.url(),
                        attempt);
                result.complete(new Delivery(mdn.url(), mdn.originalMessageId(), true, attempt, status, null));
                return;
            }
            String problem = error != null ? describe(error) : "HTTP " + status;
            boolean retryable = error != null || status == 408 || status == 429 || status >= 500;
            if (!retryable || attempt >= maxAttempts) {
                LOG.warn("async MDN for {} could not be delivered to {} after {} attempt(s): {}",
                        mdn.originalMessageId(), mdn.url(), attempt, problem);
                result.complete(new Delivery(mdn.url(), mdn.originalMessageId(), false, attempt, status, problem));
                return;
            }
            long delay = Math.min(firstDelay.toMillis() << Math.min(attempt - 1, 20), TimeUnit.MINUTES.toMillis(5));
            LOG.info("async MDN for {} to {} failed ({}); attempt {} of {} in {} ms", mdn.originalMessageId(),
                    mdn.url(), problem, attempt + 1, maxAttempts, delay);
            try {
                scheduler.schedule(() -> attempt(mdn, attempt + 1, result), delay, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                result.complete(new Delivery(mdn.url(), mdn.originalMessageId(), false, attempt, status,
                        "stopped before retrying: " + problem));
            }
        });
    }

    private static String describe(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && !(t instanceof IOException)) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    @Override
    public void close() {
        // the HttpClient has no close in JDK 17; its work runs on the caller's scheduler, which the caller stops
    }
}
