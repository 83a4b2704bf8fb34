package io.transferas2.api;

import io.transferas2.registry.TransferServiceException;

/**
 * An error of the AWS JSON protocol or of authentication rather than of the Transfer model, e.g.
 * {@code UnknownOperationException}, {@code SerializationException} or {@code InvalidSignatureException}. The AWS
 * SDKs surface these as a plain service exception carrying the error code.
 */
public final class ApiProtocolException extends TransferServiceException {
    private final String errorType;
    private final int httpStatus;

    public ApiProtocolException(String errorType, int httpStatus, String message) {
        super(message);
        this.errorType = errorType;
        this.httpStatus = httpStatus;
    }

    static ApiProtocolException missingToken(String message) {
        return new ApiProtocolException("MissingAuthenticationTokenException", 403, message);
    }

    static ApiProtocolException unrecognizedClient(String message) {
        return new ApiProtocolException("UnrecognizedClientException", 403, message);
    }

    static ApiProtocolException invalidSignature(String message) {
        return new ApiProtocolException("InvalidSignatureException", 403, message);
    }

    static ApiProtocolException serialization(String message) {
        return new ApiProtocolException("SerializationException", 400, message);
    }

    /** AWS's answer to a request that breaks a length, pattern, enum, range or required rule of the model. */
    static ApiProtocolException validation(java.util.List<String> violations) {
        int count = violations.size();
        return new ApiProtocolException("ValidationException", 400, count + " validation error"
                + (count == 1 ? "" : "s") + " detected: " + String.join("; ", violations));
    }

    static ApiProtocolException unknownOperation(String message) {
        return new ApiProtocolException("UnknownOperationException", 400, message);
    }

    @Override
    public String errorType() {
        return errorType;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
