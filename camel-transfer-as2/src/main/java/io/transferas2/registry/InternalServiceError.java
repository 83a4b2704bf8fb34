package io.transferas2.registry;

/** The service failed (for example the registry could not be persisted); the change was not applied. */
public class InternalServiceError extends TransferServiceException {

    public InternalServiceError(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 500;
    }
}
