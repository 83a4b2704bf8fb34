package io.transferas2.camel;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.transferas2.outbound.ConnectorSender;
import io.transferas2.outbound.OutboundTransferException;

/**
 * Readiness of a connector producer: DOWN with the AWS failure code a send would get when the connector is missing,
 * its URL is unusable, or a key, certificate or Basic auth secret it needs is not available. Checks configuration
 * only (no network). Registered when producer health checks are enabled, as Camel does for every producer check.
 */
final class TransferAs2ProducerHealthCheck extends AbstractHealthCheck {
    private final ConnectorSender sender;
    private final String connectorId;

    TransferAs2ProducerHealthCheck(TransferAs2Endpoint endpoint, ConnectorSender sender) {
        super("camel", "producer:transfer-as2-" + endpoint.getId());
        this.sender = sender;
        this.connectorId = endpoint.getId();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("connectorId", connectorId);
        try {
            sender.checkReady(connectorId);
            builder.up();
        } catch (OutboundTransferException e) {
            builder.detail(SERVICE_ERROR_CODE, e.failureCode().name());
            builder.message(e.result().failureMessage());
            builder.down();
        }
    }
}
