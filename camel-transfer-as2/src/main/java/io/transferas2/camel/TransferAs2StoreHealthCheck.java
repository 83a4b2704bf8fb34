package io.transferas2.camel;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.transferas2.store.JdbcTransferStore;
import io.transferas2.store.StoreException;
import io.transferas2.store.TransferStore;

/**
 * The transfer store's database: DOWN while it cannot be reached (PostgreSQL stopped, network cut), when the node
 * answers inbound messages with 503 and StartFileTransfer with ServiceUnavailableException, so a load balancer stops
 * sending to it; UP again as soon as the pool reconnects. A readiness check: the node needs no restart.
 */
final class TransferAs2StoreHealthCheck extends AbstractHealthCheck {
    static final String ID = "transfer-as2-store";

    private final TransferAs2Component component;

    TransferAs2StoreHealthCheck(TransferAs2Component component) {
        super("camel", ID);
        this.component = component;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            TransferStore store = component.transferStore();
            if (store instanceof JdbcTransferStore jdbc) {
                jdbc.check();
            }
            builder.up();
        } catch (StoreException | IllegalStateException e) {
            builder.message("the transfer store cannot be reached: " + e.getMessage());
            builder.down();
        }
    }
}
