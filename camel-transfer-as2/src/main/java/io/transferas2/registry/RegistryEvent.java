package io.transferas2.registry;

import io.transferas2.model.ResourceKind;

/** A change to the registry: which resource, and whether it was created, updated or deleted. */
public record RegistryEvent(ResourceKind kind, String id, Change change) {

    /** The kind of change. */
    public enum Change {
        CREATED, UPDATED, DELETED
    }
}
