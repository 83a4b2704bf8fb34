package io.transferas2.camel;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * The header filter of the platform-http endpoints behind our consumers: exactly the named response headers go out
 * (platform-http's default would let route headers leak, and drops {@code Date}, which the AWS SDKs read to correct
 * their clock); inbound filtering stays platform-http's.
 */
public final class ResponseHeaderAllowList implements HeaderFilterStrategy {
    private final Set<String> responseHeaders;
    private final HeaderFilterStrategy inbound;

    /** @param responseHeaders lower-case names of the headers let out */
    public ResponseHeaderAllowList(Set<String> responseHeaders, HeaderFilterStrategy inbound) {
        this.responseHeaders = Set.copyOf(responseHeaders);
        this.inbound = inbound;
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !responseHeaders.contains(headerName.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return inbound != null && inbound.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }
}
