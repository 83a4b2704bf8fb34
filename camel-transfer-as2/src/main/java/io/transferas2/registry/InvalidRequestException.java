package io.transferas2.registry;

/** A request broke a validation rule; the message names the field and the rule. */
public class InvalidRequestException extends TransferServiceException {

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
