package io.transferas2.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import java.util.Map;

import io.transferas2.inbound.BodyReadLimits;
import io.transferas2.inbound.InboundHttpRequest;
import io.transferas2.inbound.InboundReceiver;
import io.transferas2.inbound.InboundResponse;
import io.transferas2.inbound.RequestGate;
import io.transferas2.inbound.RequestOrigin;

/**
 * The processor behind the server consumer's platform-http endpoint: adapts the HTTP exchange to the receiver and
 * writes its answer (status, AS2 headers, MDN or text) back as the HTTP response.
 */
final class ServerHttpProcessor implements Processor {
    private static final boolean VERTX = TransferAs2ServerConsumer.present("io.vertx.core.http.HttpServerRequest");
    private static final boolean SERVLET = TransferAs2ServerConsumer.present("jakarta.servlet.http.HttpServletRequest");

    private final InboundReceiver receiver;
    private final RequestGate gate;
    private final BodyReadLimits limits;

    ServerHttpProcessor(InboundReceiver receiver, RequestGate gate, BodyReadLimits limits) {
        this.receiver = receiver;
        this.gate = gate;
        this.limits = limits;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        InboundHttpRequest request;
        if (VERTX && VertxAs2Request.accepts(body)) {
            request = VertxAs2Request.of(body, limits);
        } else if (SERVLET && ServletAs2Request.accepts(message)) {
            request = ServletAs2Request.of(message);
        } else {
            request = new StreamAs2Request(message);
        }
        InboundResponse response;
        String client = RequestOrigin.of(request, receiver.settings().trustedProxies()).clientIp();
        try (RequestGate.Permit permit = gate.tryEnter(client)) {
            if (permit == null) {
                response = InboundResponse.text(503, "Too many AS2 requests at once" + (client == null ? ""
                        : " (from " + client + ")") + "; try again later",
                        Map.of("Retry-After", String.valueOf(RequestGate.RETRY_AFTER_SECONDS)));
                request.closeConnectionAfterResponse();
            } else {
                response = receiver.receive(request);
            }
        }
        message.removeHeaders("*");
        response.headers().forEach(message::setHeader);
        // the flags come first so that neither class is loaded where its server library is missing
        if (VERTX && request instanceof VertxAs2Request vertx && vertx.closeRequested()
                || SERVLET && request instanceof ServletAs2Request servlet && servlet.closeRequested()) {
            message.setHeader("Connection", "close");
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        if (response.contentType() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, response.contentType());
        }
        message.setBody(response.body().length == 0 ? null : response.body());
    }
}
