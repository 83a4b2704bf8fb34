package io.transferas2.as2;

import java.util.Objects;

/**
 * A message or MDN that could not be built, parsed or verified. Carries the AWS failure code (for the status JSON and
 * events) and the RFC 4130 disposition modifier (for the error MDN). Messages never contain key material.
 */
public class As2Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final As2FailureCode failureCode;
    private final DispositionModifier modifier;

    public As2Exception(As2FailureCode failureCode, DispositionModifier modifier, String message) {
        this(failureCode, modifier, message, null);
    }

    public As2Exception(As2FailureCode failureCode, DispositionModifier modifier, String message, Throwable cause) {
        super(message, cause);
        this.failureCode = Objects.requireNonNull(failureCode, "failureCode");
        this.modifier = Objects.requireNonNull(modifier, "modifier");
    }

    /** The AWS failure code, e.g. {@link As2FailureCode#DECRYPT_FAILED}. */
    public As2FailureCode failureCode() {
        return failureCode;
    }

    /** The RFC 4130 modifier for an error MDN, e.g. {@link DispositionModifier#DECRYPTION_FAILED}. */
    public DispositionModifier modifier() {
        return modifier;
    }

    @Override
    public String toString() {
        return "As2Exception[" + failureCode + ", " + modifier.token() + "]: " + getMessage();
    }
}
