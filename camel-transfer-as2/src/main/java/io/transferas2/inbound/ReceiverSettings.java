package io.transferas2.inbound;

import java.nio.file.Path;
import java.util.Objects;

import io.transferas2.as2.As2Limits;

/**
 * How a server receives.
 *
 * @param serverId            the ServerId whose agreements apply
 * @param agreementId         the only agreement served, or null for every ACTIVE agreement of the server
 * @param maxMessageSize      largest request body in bytes; larger ones answer 413
 * @param limits              the engine's bounds (decompression, headers, nesting)
 * @param trustedProxies      proxies whose X-Forwarded-Proto / X-Forwarded-For are believed
 * @param tempDirectory       where payloads and spooled messages are written while in flight
 * @param rawMessageSpoolLimit largest raw message kept for the failed/ directory (0 keeps none)
 * @param retryOnRouteFailure answer HTTP 503 instead of an error MDN when the route fails
 */
public record ReceiverSettings(String serverId, String agreementId, long maxMessageSize, As2Limits limits,
                               TrustedProxies trustedProxies, Path tempDirectory, long rawMessageSpoolLimit,
                               boolean retryOnRouteFailure) {

    public ReceiverSettings {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(tempDirectory, "tempDirectory");
        if (maxMessageSize <= 0) {
            throw new IllegalArgumentException("maxMessageSize must be positive");
        }
    }
}
