package io.transferas2.as2;

import java.util.Locale;
import java.util.Optional;

/**
 * The error disposition modifiers of RFC 4130 section 7.4.3 ({@code processed/error: <modifier>}), as written in an
 * MDN's Disposition field.
 */
public enum DispositionModifier {
    /** The message could not be decrypted (no key, wrong key, bad CMS). */
    DECRYPTION_FAILED("decryption-failed"),
    /** The signer could not be authenticated: no partner certificate matches the signature. */
    AUTHENTICATION_FAILED("authentication-failed"),
    /** The signature or digest does not match the content. */
    INTEGRITY_CHECK_FAILED("integrity-check-failed"),
    /** The compressed content could not be expanded, or broke a decompression limit. */
    DECOMPRESSION_FAILED("decompression-failed"),
    /** The message was not encrypted or signed although the agreement requires it. */
    INSUFFICIENT_MESSAGE_SECURITY("insufficient-message-security"),
    /** A content transfer encoding that does not decode (base64 with characters outside its alphabet). */
    DECODING_ERROR("decoding-error"),
    /** A format the receiver does not support (an unknown compression algorithm). */
    UNSUPPORTED_FORMAT("unsupported-format"),
    /** Anything else: malformed MIME, limits, I/O. */
    UNEXPECTED_PROCESSING_ERROR("unexpected-processing-error");

    private final String token;

    DispositionModifier(String token) {
        this.token = token;
    }

    /** The modifier as written in the Disposition field, e.g. {@code decryption-failed}. */
    public String token() {
        return token;
    }

    /** The modifier for a token in any case, if it is one of RFC 4130's. */
    public static Optional<DispositionModifier> fromToken(String token) {
        String wanted = token == null ? "" : token.trim().toLowerCase(Locale.ROOT);
        for (DispositionModifier m : values()) {
            if (m.token.equals(wanted)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return token;
    }
}
