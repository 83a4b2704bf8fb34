package io.transferas2.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

import io.transferas2.registry.TransferRegistry;

/**
 * The control-plane request handling as a fuzz target: X-Amz-Target chosen by the first byte (or taken raw), the
 * rest is the JSON body, run through the real handler and operations on a registry. A defect is a 500 (an exception
 * the handler did not expect) or anything escaping the handler.
 */
final class ApiJsonFuzzTargets {
    private static final CamelContext CONTEXT = new DefaultCamelContext();
    private static final TransferRegistry REGISTRY = new TransferRegistry();
    private static final AtomicReference<ApiRequestHandler.Outcome> LAST = new AtomicReference<>();
    private static final ApiRequestHandler HANDLER = new ApiRequestHandler(null, AccessKeys.parse("", "", s -> s),
            new TransferApiOperations(REGISTRY, new RateLimiter(1000), (request, connector) -> "t-fuzz"),
            LAST::set, Clock.systemUTC());
    private static final ApiOperation[] OPERATIONS = ApiOperation.values();

    private ApiJsonFuzzTargets() {
    }

    static void request(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int selector = data[0] & 0xff;
        String target = selector < OPERATIONS.length * 2
                ? "TransferService." + OPERATIONS[selector % OPERATIONS.length].awsName()
                : new String(data, 1, Math.min(40, data.length - 1), StandardCharsets.ISO_8859_1);
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader("X-Amz-Target", target);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, ApiRequestHandler.CONTENT_TYPE);
        exchange.getMessage().setBody(Arrays.copyOfRange(data, 1, data.length));
        HANDLER.process(exchange);
        ApiRequestHandler.Outcome outcome = LAST.get();
        if (outcome.status() >= 500) {
            throw new AssertionError("the API answered " + outcome.status() + " to " + target + " with "
                    + new String(data, 1, data.length - 1, StandardCharsets.UTF_8) + ": " + outcome.responseBody());
        }
    }
}
