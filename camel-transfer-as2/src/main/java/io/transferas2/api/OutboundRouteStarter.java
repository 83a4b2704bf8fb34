package io.transferas2.api;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Producer;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.Connector;
import io.transferas2.model.FileTransferRequest;
import io.transferas2.model.TransferJson;
import io.transferas2.registry.InternalServiceError;
import io.transferas2.registry.ServiceUnavailableException;
import io.transferas2.registry.TransferServiceException;

/**
 * Hands a validated StartFileTransfer request to the outbound route (the route pack's, by default on
 * {@code direct:transfer-as2-start-file-transfer}): the body is the request JSON with AWS field names, header
 * {@link TransferAs2Constants#CONNECTOR_ID} the connector; the route answers {@code {"TransferId": "..."}}.
 */
public final class OutboundRouteStarter extends ServiceSupport implements FileTransferStarter {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundRouteStarter.class);
    private static final Pattern TRANSFER_ID = Pattern.compile("[0-9a-zA-Z./-]{1,512}");
    /** In-JVM hand-offs that fail or block without a consumer; other endpoints (bean:, kamelet:, ...) need none. */
    private static final Set<String> NEEDS_CONSUMER = Set.of("direct", "seda", "disruptor", "disruptor-vm");

    private final CamelContext context;
    private final String endpointUri;
    private Endpoint endpoint;
    private Producer producer;

    public OutboundRouteStarter(CamelContext context, String endpointUri) {
        this.context = context;
        this.endpointUri = endpointUri;
    }

    @Override
    protected void doStart() throws Exception {
        endpoint = context.getEndpoint(endpointUri);
        producer = endpoint.createProducer();
        ServiceHelper.startService(producer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(producer);
        producer = null;
    }

    @Override
    public String start(FileTransferRequest request, Connector connector) {
        requireRunningConsumer();
        Exchange exchange = endpoint.createExchange(ExchangePattern.InOut);
        try {
            exchange.getMessage().setBody(TransferJson.wire().writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new InternalServiceError("StartFileTransfer request could not be written", e);
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(TransferAs2Constants.CONNECTOR_ID, connector.getConnectorId());
        try {
            producer.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        if (failure != null) {
            throw translate(failure);
        }
        return transferId(exchange);
    }

    private void requireRunningConsumer() {
        for (Route route : context.getRoutes()) {
            if (route.getEndpoint().getEndpointBaseUri().equals(endpoint.getEndpointBaseUri())) {
                ServiceStatus status = context.getRouteController().getRouteStatus(route.getRouteId());
                if (status != null && status.isStarted()) {
                    return;
                }
                throw notRunning("route " + route.getRouteId() + " is " + status);
            }
        }
        String scheme = endpoint.getEndpointBaseUri().split(":", 2)[0];
        if (NEEDS_CONSUMER.contains(scheme)) {
            throw notRunning("no route consumes it");
        }
    }

    private ServiceUnavailableException notRunning(String why) {
        return new ServiceUnavailableException("StartFileTransfer cannot start: the outbound route of the route pack"
                + " is not running (" + endpointUri + ": " + why + "). Start the route pack's outbound route, or set"
                + " startFileTransferEndpoint to the endpoint that sends files.");
    }

    private TransferServiceException translate(Exception failure) {
        if (failure instanceof TransferServiceException known) {
            return known;
        }
        if (failure.getClass().getSimpleName().equals("DirectConsumerNotAvailableException")) {
            return notRunning("no route consumes it");
        }
        LOG.warn("StartFileTransfer: the outbound route {} failed: {}", endpointUri, failure.toString());
        return new InternalServiceError("StartFileTransfer failed in the outbound route; see the server log", failure);
    }

    private String transferId(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        String id = null;
        if (body instanceof Map<?, ?> map) {
            id = map.get("TransferId") instanceof String s ? s : null;
        } else if (body != null) {
            String text = exchange.getContext().getTypeConverter().convertTo(String.class, exchange, body);
            try {
                JsonNode node = text == null ? null : TransferJson.wire().readTree(text);
                id = node != null && node.path("TransferId").isTextual() ? node.get("TransferId").asText() : null;
            } catch (JsonProcessingException e) {
                id = null;
            }
        }
        if (id == null || !TRANSFER_ID.matcher(id).matches()) {
            LOG.warn("StartFileTransfer: the outbound route {} answered no valid TransferId",
                    endpointUri);
            throw new InternalServiceError("StartFileTransfer: the outbound route answered no valid TransferId", null);
        }
        return id;
    }
}
