package io.transferas2.registry;

/** The caller may not do this, AWS's {@code AccessDeniedException} (for example a read-only access key writing). */
public class AccessDeniedException extends TransferServiceException {

    public AccessDeniedException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
