package io.transferas2.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An HTTP header added to an outbound AS2 message, AWS {@code CustomHttpHeader} of {@code StartFileTransfer}. The rules
 * for Key and Value live in {@link io.transferas2.registry.FileTransferRules#checkCustomHttpHeaders}.
 */
public final class CustomHttpHeader {
    private final String key;
    private final String value;

    @JsonCreator
    public CustomHttpHeader(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {
        this.key = key;
        this.value = value;
    }

    @JsonProperty("Key")
    public String getKey() {
        return key;
    }

    @JsonProperty("Value")
    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomHttpHeader h && Objects.equals(key, h.key) && Objects.equals(value, h.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }

    @Override
    public String toString() {
        return key + ": " + value;
    }
}
