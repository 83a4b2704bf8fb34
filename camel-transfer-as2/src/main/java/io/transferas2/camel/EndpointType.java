package io.transferas2.camel;

import java.util.Locale;

import io.transferas2.model.ResourceKind;

/** The resource an endpoint URI names: {@code connector/<ConnectorId>} sends, {@code server/<ServerId>} receives. */
public enum EndpointType {
    CONNECTOR(ResourceKind.CONNECTOR),
    SERVER(ResourceKind.SERVER);

    private final ResourceKind kind;

    EndpointType(ResourceKind kind) {
        this.kind = kind;
    }

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
                + " transfer-as2:server/<ServerId>, not '" + name + "'");
    }
}
