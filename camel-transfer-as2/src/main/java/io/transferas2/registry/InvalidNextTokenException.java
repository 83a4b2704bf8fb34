package io.transferas2.registry;

/** A List* call got a NextToken it did not issue, AWS's {@code InvalidNextTokenException}. */
public class InvalidNextTokenException extends InvalidRequestException {

    public InvalidNextTokenException(String message) {
        super(message);
    }
}
