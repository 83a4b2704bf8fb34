package io.transferas2.as2;

/** Shorthands for the failures the engine raises most. */
final class Failures {
    private Failures() {
    }

    static As2Exception invalidRequest(String message) {
        return new As2Exception(As2FailureCode.INVALID_REQUEST, DispositionModifier.UNEXPECTED_PROCESSING_ERROR,
                message);
    }

    static As2Exception invalidSmime(String message, Throwable cause) {
        return new As2Exception(As2FailureCode.DECRYPT_FAILED_INVALID_SMIME_FORMAT,
                DispositionModifier.DECRYPTION_FAILED, message, cause);
    }

    static As2Exception decryptFailed(String message, Throwable cause) {
        return new As2Exception(As2FailureCode.DECRYPT_FAILED, DispositionModifier.DECRYPTION_FAILED, message, cause);
    }

    static As2Exception decompressionFailed(String message, Throwable cause) {
        return new As2Exception(As2FailureCode.DECOMPRESSION_FAILED, DispositionModifier.DECOMPRESSION_FAILED,
                message, cause);
    }

    static As2Exception integrity(String message, Throwable cause) {
        return new As2Exception(As2FailureCode.VERIFICATION_FAILED, DispositionModifier.INTEGRITY_CHECK_FAILED,
                message, cause);
    }

    static As2Exception authentication(String message) {
        return new As2Exception(As2FailureCode.VERIFICATION_FAILED, DispositionModifier.AUTHENTICATION_FAILED,
                message);
    }
}
