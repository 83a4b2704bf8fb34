package io.transferas2.registry;

import io.transferas2.model.ResourceKind;

/** A resource with that ID (or that unique key) already exists. */
public class ResourceExistsException extends ResourceException {

    public ResourceExistsException(ResourceKind kind, String id) {
        this(kind.displayName() + " " + id + " already exists.", kind.displayName(), id);
    }

    public ResourceExistsException(String message, String resourceType, String resource) {
        super(message, resourceType, resource);
    }
}
