package io.transferas2.registry;

/**
 * A part of the service needed for the call is not running, AWS's {@code ServiceUnavailableException} (for example the
 * outbound route that StartFileTransfer hands files to).
 */
public class ServiceUnavailableException extends TransferServiceException {

    public ServiceUnavailableException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 500;
    }
}
