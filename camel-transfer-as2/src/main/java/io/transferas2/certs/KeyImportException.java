package io.transferas2.certs;

import io.transferas2.registry.InvalidRequestException;

/** A certificate or key could not be imported; the message says why, without key material. */
public class KeyImportException extends InvalidRequestException {
    public KeyImportException(String message) {
        super(message);
    }

    /** On the wire it is AWS's modelled InvalidRequestException, which the SDKs raise typed. */
    @Override
    public String errorType() {
        return "InvalidRequestException";
    }
}
