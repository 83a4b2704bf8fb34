package io.transferas2.camel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.model.ResourceKind;
import io.transferas2.outbound.AsyncMdnCompleter;
import io.transferas2.outbound.ConnectorSender;
import io.transferas2.outbound.PartnerHttpClients;
import io.transferas2.outbound.PendingTransferStore;
import io.transferas2.registry.RegistryEvent;
import io.transferas2.registry.RegistryListener;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.transfer.AsyncMdnReceiver;
import io.transferas2.transfer.OutboundResult;

/**
 * The component's connector side at run time: the HTTP clients, the sender, the pending ASYNC store and its completer
 * (registered as the component's async MDN receiver), and the sweep that fails ASYNC sends whose MDN did not come in
 * time and announces them to {@code asyncMdnTimeoutEndpoint}.
 */
final class ConnectorRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRuntime.class);

    private final CamelContext context;
    private final PartnerHttpClients clients = new PartnerHttpClients();
    private final PendingTransferStore store;
    private final ConnectorSender sender;
    private final AsyncMdnCompleter completer;
    private final Predicate<OutboundResult> finish;
    private final AsyncMdnReceiver receiver;
    private final String timeoutEndpoint;
    private final TransferRegistry registry;
    private final RegistryListener evictDeleted;
    private ScheduledExecutorService sweeper;
    private ProducerTemplate template;

    /**
     * @param store    where ASYNC sends wait for their MDN
     * @param finish   finishes an ASYNC send whose result (MDN arrived, or timeout) is stored: removes its pending
     *                 record and records the outcome; false when it was finished elsewhere
     */
    ConnectorRuntime(TransferAs2Component component, PendingTransferStore store, String timeoutEndpoint,
                     Predicate<OutboundResult> finish) {
        this.context = component.getCamelContext();
        this.store = store;
        this.finish = finish;
        this.sender = new ConnectorSender(component.transferRegistry(), component.getCertificateStore(), clients,
                store, new CamelBasicAuthResolver(context));
        this.completer = new AsyncMdnCompleter(store, component.getCertificateStore());
        this.receiver = new AsyncMdnReceiver() {
            @Override
            public Optional<OutboundResult> receive(io.transferas2.transfer.AsyncMdn mdn) {
                return completer.receive(mdn);
            }

            @Override
            public boolean complete(OutboundResult result) {
                return finish.test(result);
            }
        };
        this.timeoutEndpoint = timeoutEndpoint;
        // a deleted connector's pool is closed at once; URL and TLS changes rebuild it at the next send
        this.registry = component.transferRegistry();
        this.evictDeleted = event -> {
            if (event.kind() == ResourceKind.CONNECTOR && event.change() == RegistryEvent.Change.DELETED) {
                clients.evict(event.id());
            }
        };
        registry.addListener(evictDeleted);
    }

    void start(Object owner, long checkIntervalMillis) {
        sweeper = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(owner,
                "TransferAs2AsyncMdnTimeouts");
        long interval = Math.max(100, checkIntervalMillis);
        sweeper.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
    }

    ConnectorSender sender() {
        return sender;
    }

    AsyncMdnCompleter completer() {
        return completer;
    }

    /** The component's async MDN receiver: verifies through the completer; completing records the outcome. */
    AsyncMdnReceiver receiver() {
        return receiver;
    }

    /** Finishes a send whose FAILED result was stored; false when it failed (tried again at the next sweep). */
    private boolean finished(OutboundResult result) {
        try {
            return finish.test(result);
        } catch (RuntimeException e) {
            LOG.warn("Recording the end of transfer {} (message {}) failed: {}", result.transferId(),
                    result.messageId(), e.getMessage(), e);
            return false;
        }
    }

    PendingTransferStore store() {
        return store;
    }

    /**
     * Fails the ASYNC sends whose MDN is overdue: announces each (its route stores the FAILED status JSON), then
     * finishes it. A send whose announcement failed stays pending and is tried again at the next sweep, so a crash or
     * an S3 outage never leaves it finished without its status JSON.
     *
     * @return the sends this sweep finished
     */
    List<OutboundResult> sweep() {
        List<OutboundResult> expired;
        try {
            expired = completer.overdue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Checking ASYNC transfers for overdue MDNs failed: {}", e.getMessage(), e);
            return List.of();
        }
        List<OutboundResult> finishedNow = new java.util.ArrayList<>();
        for (OutboundResult result : expired) {
            if (!announce(result)) {
                giveBack(result);
            } else if (finished(result)) {
                finishedNow.add(result);
            }
        }
        return finishedNow;
    }

    /** Releases the claim of a send whose announcement failed, so that the next sweep (on any node) tries again. */
    private void giveBack(OutboundResult result) {
        try {
            completer.release(result);
        } catch (RuntimeException e) {
            LOG.debug("Cannot release the claim on transfer {} (it expires by itself): {}", result.transferId(),
                    e.toString());
        }
    }

    /** Hands a timed-out send to the timeout endpoint; false when its route failed. */
    private boolean announce(OutboundResult result) {
        if (timeoutEndpoint == null || timeoutEndpoint.isBlank()) {
            LOG.warn("Transfer {} (message {}) of connector {} FAILED: {} (set the component's"
                     + " asyncMdnTimeoutEndpoint to handle this in a route)", result.transferId(), result.messageId(),
                    result.connectorId(), result.failureMessage());
            return true;
        }
        try {
            if (template == null) {
                template = context.createProducerTemplate();
            }
            Exchange exchange = new DefaultExchange(context);
            OutboundResultHeaders.apply(result, exchange.getIn());
            exchange.getIn().setBody(result.status().toJson());
            Exchange done = template.send(timeoutEndpoint, exchange);
            if (done.getException() != null) {
                LOG.warn("Announcing the timeout of transfer {} to {} failed (tried again later): {}",
                        result.transferId(), timeoutEndpoint, done.getException().getMessage(),
                        done.getException());
                return false;
            }
            return !done.isRollbackOnly();
        } catch (RuntimeException e) {
            LOG.warn("Announcing the timeout of transfer {} to {} failed (tried again later): {}",
                    result.transferId(), timeoutEndpoint, e.getMessage(), e);
            return false;
        }
    }

    @Override
    public void close() {
        registry.removeListener(evictDeleted);
        if (sweeper != null) {
            context.getExecutorServiceManager().shutdownNow(sweeper);
            sweeper = null;
        }
        if (template != null) {
            try {
                template.stop();
            } catch (Exception e) {
                LOG.debug("Stopping the timeout template: {}", e.getMessage());
            }
            template = null;
        }
        clients.close();
    }
}
