package io.transferas2.certs;

import io.transferas2.registry.InvalidRequestException;

/** A certificate or key could not be imported; the message says why, without key material. */
public class KeyImportException extends InvalidRequestException {
    public KeyImportException(String message) {
        super(message);
    }
}
