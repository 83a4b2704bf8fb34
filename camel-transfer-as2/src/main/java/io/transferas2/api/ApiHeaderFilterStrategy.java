package io.transferas2.api;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Lets exactly the AWS response headers out (platform-http's default filter would drop {@code Date}, which the AWS
 * SDKs read to correct their clock after a "Signature expired" answer) and keeps platform-http's inbound filtering.
 */
final class ApiHeaderFilterStrategy implements HeaderFilterStrategy {
    private static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "x-amzn-requestid",
            "x-amzn-errortype", "date");

    private final HeaderFilterStrategy inbound;

    ApiHeaderFilterStrategy(HeaderFilterStrategy inbound) {
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
