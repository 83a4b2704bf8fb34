package io.transferas2.peers;

/** Outcome of checking the sender's signature on a received message. */
public enum Verification {
    /** Signed, and the signature verified against the configured partner certificate. */
    VALID,
    /** Signed, but the signature did not verify against the configured partner certificate. */
    INVALID,
    /** The message carried no signature. */
    UNSIGNED,
    /** Processing stopped before the signature could be checked (e.g. decryption failed). */
    NOT_CHECKED
}
