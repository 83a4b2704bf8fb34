package io.transferas2.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A resource tag, AWS {@code Tag}: Key 1–128 characters, Value 0–256 characters. */
public final class Tag {
    private final String key;
    private final String value;

    @JsonCreator
    public Tag(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {
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
        return o instanceof Tag t && Objects.equals(key, t.key) && Objects.equals(value, t.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
