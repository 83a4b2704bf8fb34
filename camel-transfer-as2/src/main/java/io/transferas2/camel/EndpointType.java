package io.transferas2.camel;

import java.util.Locale;

import io.transferas2.model.ResourceKind;

/**
 * What an endpoint URI names: {@code connector/<ConnectorId>} sends, {@code server/<ServerId>} receives, {@code api}
 * serves the AWS Transfer control-plane API, {@code transfers} accepts StartFileTransfer requests (producer) and emits
 * the queued files to send (consumer), {@code console} serves the operations console.
 */
public enum EndpointType {
    CONNECTOR(ResourceKind.CONNECTOR),
    SERVER(ResourceKind.SERVER),
    API(null),
    TRANSFERS(null),
    CONSOLE(null);

    private final ResourceKind kind;

    EndpointType(ResourceKind kind) {
        this.kind = kind;
    }

    /** The resource kind the endpoint's id names; null for {@link #API}, which has no id. */
    public ResourceKind kind() {
        return kind;
    }

    public String uriName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EndpointType fromUri(String name) {
        for (EndpointType type : values()) {
            if (type.uriName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("transfer-as2 endpoints are transfer-as2:connector/<ConnectorId> or"
                + " transfer-as2:server/<ServerId> (or transfer-as2:api, transfer-as2:transfers, transfer-as2:console), not '" + name + "'");
    }
}
