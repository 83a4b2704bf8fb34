package io.transferas2.registry;

import io.transferas2.model.ResourceKind;

/** The resource does not exist. Carries AWS's {@code Resource} and {@code ResourceType} fields. */
public class ResourceNotFoundException extends TransferServiceException {
    private final String resource;
    private final String resourceType;

    public ResourceNotFoundException(ResourceKind kind, String id) {
        this(kind.displayName() + " " + id + " does not exist.", kind.displayName(), id);
    }

    public ResourceNotFoundException(String message, String resourceType, String resource) {
        super(message);
        this.resource = resource;
        this.resourceType = resourceType;
    }

    public String resource() {
        return resource;
    }

    public String resourceType() {
        return resourceType;
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
