package io.transferas2.camel;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.inbound.InboundDelivery;
import io.transferas2.store.InboundReceipt;
import io.transferas2.store.TransferHistory;

/**
 * Records each message a server received in the transfer store, for the operations console. It runs after the route
 * stored the message and before the MDN is answered; a store failure is logged and never changes the MDN (the
 * payload is already stored, the receipt record is for the console only).
 */
final class ReceiptRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptRecorder.class);

    private final TransferAs2Component component;
    private final Clock clock;

    ReceiptRecorder(TransferAs2Component component, Clock clock) {
        this.component = component;
        this.clock = clock;
    }

    /**
     * Opens the store now, at the consumer's start: opened lazily by the first message instead, every message arriving
     * meanwhile would wait for it while holding its place among the requests served at once.
     */
    void open() {
        try {
            component.transferHistory();
        } catch (RuntimeException e) {
            LOG.warn("the transfer store could not be opened for the console's receipts: {}", e.getMessage());
        }
    }

    /** Records a payload delivery the route handled (COMPLETED) or a failure it was told about (FAILED). */
    void record(InboundDelivery d) {
        if (d.type() != InboundDelivery.Type.PAYLOAD) {
            return;
        }
        try {
            TransferHistory history = component.transferHistory();
            if (history != null) {
                history.record(receipt(d).receivedAt(clock.instant()).node(component.nodeId()));
            }
        } catch (RuntimeException e) {
            LOG.warn("server {}: message {} was handled but its receipt could not be recorded for the console: {}",
                    d.serverId(), d.messageId(), e.getMessage());
        }
    }

    static InboundReceipt receipt(InboundDelivery d) {
        InboundReceipt r = new InboundReceipt().messageId(d.messageId()).serverId(d.serverId())
                .agreementId(d.agreementId()).as2From(d.as2From()).as2To(d.as2To()).fileName(d.fileName())
                .transferSize(d.transferSize()).mic(d.mic()).status(d.statusCode().name())
                .failureCode(d.failureCode() == null ? null : d.failureCode().name())
                .failureMessage(d.failureMessage()).clientIp(d.clientIp()).signed(d.signed())
                .encrypted(d.encrypted()).compressed(d.compressed()).mdnMessageId(d.mdnMessageId())
                .mdnMode(d.mdn() == null ? "NONE" : d.mdnUrl() != null ? "ASYNC" : "SYNC");
        if (d.mdn() != null && d.mdn().disposition() != null) {
            r.disposition(d.mdn().disposition().toFieldValue());
        }
        if (d.landing() != null) {
            r.payloadKey(d.landing().payload().toString()).statusKey(d.landing().status().toString());
            if (d.mdn() != null) {
                r.mdnKey(d.landing().mdn().toString());
            }
        }
        return r;
    }
}
