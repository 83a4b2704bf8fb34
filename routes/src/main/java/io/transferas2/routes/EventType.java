package io.transferas2.routes;

import java.util.Arrays;

/** The eight AS2 event types AWS Transfer Family sends to EventBridge (spec §3.1), by their detail-type. */
public enum EventType {
    PAYLOAD_SEND_COMPLETED("AS2 Payload Send Completed", true),
    PAYLOAD_SEND_FAILED("AS2 Payload Send Failed", true),
    MDN_RECEIVE_COMPLETED("AS2 MDN Receive Completed", true),
    MDN_RECEIVE_FAILED("AS2 MDN Receive Failed", true),
    PAYLOAD_RECEIVE_COMPLETED("AS2 Payload Receive Completed", false),
    PAYLOAD_RECEIVE_FAILED("AS2 Payload Receive Failed", false),
    MDN_SEND_COMPLETED("AS2 MDN Send Completed", false),
    MDN_SEND_FAILED("AS2 MDN Send Failed", false);

    private final String detailType;
    private final boolean outbound;

    EventType(String detailType, boolean outbound) {
        this.detailType = detailType;
        this.outbound = outbound;
    }

    /** The {@code detail-type}, e.g. {@code AS2 Payload Receive Completed}. */
    public String detailType() {
        return detailType;
    }

    /** True for events of a connector's send (and its MDN), false for a server's receipt (and the MDN it sends). */
    public boolean outbound() {
        return outbound;
    }

    /** The type of a detail-type, or of an enum name such as {@code PAYLOAD_SEND_COMPLETED}. */
    public static EventType of(String name) {
        return Arrays.stream(values())
                .filter(t -> t.detailType.equalsIgnoreCase(name.trim()) || t.name().equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown AS2 event type '" + name + "'; one of "
                        + Arrays.stream(values()).map(EventType::detailType).toList()));
    }
}
