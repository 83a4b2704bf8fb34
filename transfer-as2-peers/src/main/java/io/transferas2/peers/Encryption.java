package io.transferas2.peers;

/**
 * Content encryption algorithm, spelled as AWS Transfer Family's {@code EncryptionAlg}. Key transport is RSA
 * PKCS#1 v1.5 in both peers.
 */
public enum Encryption {
    NONE,
    AES128_CBC,
    AES192_CBC,
    AES256_CBC,
    DES_EDE3_CBC;

    public boolean enabled() {
        return this != NONE;
    }
}
