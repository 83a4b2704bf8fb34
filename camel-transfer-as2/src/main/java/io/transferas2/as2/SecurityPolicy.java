package io.transferas2.as2;

import java.util.Set;

import io.transferas2.model.As2Algorithm;

/**
 * An agreement's minimum-security policy ({@code Extensions.RefusedAlgorithms}), applied as the parser finds each
 * layer's algorithm in the message itself: before decrypting for the content encryption and key transport, after
 * reading the signature block for the digest and signature scheme. A refusal is {@code insufficient-message-security}
 * with AWS's failure code of the layer (ERROR_DECRYPT_UNSUPPORTED_ENCRYPTION_ALG, VERIFICATION_FAILED).
 */
final class SecurityPolicy {
    private final Set<As2Algorithm> refused;

    SecurityPolicy(Set<As2Algorithm> refused) {
        this.refused = Set.copyOf(refused);
    }

    void checkEncryption(As2Algorithm contentEncryption, As2Algorithm keyTransport) {
        for (As2Algorithm a : new As2Algorithm[] { contentEncryption, keyTransport }) {
            if (a != null && refused.contains(a)) {
                throw new As2Exception(As2FailureCode.ERROR_DECRYPT_UNSUPPORTED_ENCRYPTION_ALG,
                        DispositionModifier.INSUFFICIENT_MESSAGE_SECURITY, refusal(a));
            }
        }
    }

    void checkSignature(MicAlgorithm digest, As2Algorithm scheme) {
        As2Algorithm d = As2Algorithm.valueOf(digest.name());
        for (As2Algorithm a : new As2Algorithm[] { d, scheme }) {
            if (a != null && refused.contains(a)) {
                throw new As2Exception(As2FailureCode.VERIFICATION_FAILED,
                        DispositionModifier.INSUFFICIENT_MESSAGE_SECURITY, refusal(a));
            }
        }
    }

    private static String refusal(As2Algorithm a) {
        return "the message uses " + a + " (" + a.kind() + "), which the agreement refuses"
                + " (Extensions.RefusedAlgorithms)";
    }
}
