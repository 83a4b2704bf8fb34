package io.transferas2.registry;

/** An error about one resource; carries AWS's {@code Resource} and {@code ResourceType} members. */
public abstract class ResourceException extends TransferServiceException {
    private final String resource;
    private final String resourceType;

    protected ResourceException(String message, String resourceType, String resource) {
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
