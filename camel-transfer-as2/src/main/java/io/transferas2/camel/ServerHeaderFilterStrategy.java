package io.transferas2.camel;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Lets exactly the AS2 response headers out of the server consumer's platform-http endpoint (MDN headers, Allow,
 * Retry-After, Connection); Content-Type is written by platform-http itself. Inbound filtering stays platform-http's.
 */
final class ServerHeaderFilterStrategy implements HeaderFilterStrategy {
    private static final Set<String> RESPONSE_HEADERS = Set.of("as2-version", "as2-from", "as2-to", "message-id",
            "subject", "mime-version", "allow", "retry-after", "connection");

    private final HeaderFilterStrategy inbound;

    ServerHeaderFilterStrategy(HeaderFilterStrategy inbound) {
        this.inbound = inbound;
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !RESPONSE_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return inbound != null && inbound.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }
}
