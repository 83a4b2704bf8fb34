package io.transferas2.registry;

import io.transferas2.model.ResourceKind;

/** The resource does not exist. */
public class ResourceNotFoundException extends ResourceException {

    public ResourceNotFoundException(ResourceKind kind, String id) {
        this(kind.displayName() + " " + id + " does not exist.", kind.displayName(), id);
    }

    public ResourceNotFoundException(String message, String resourceType, String resource) {
        super(message, resourceType, resource);
    }
}
