package io.transferas2.certs;

import io.transferas2.model.KeyStoreReference;

/**
 * Where a certificate's private key came from, as given: a reference ({@code file:}, {@code classpath:}, a
 * placeholder), an encrypted PEM with a placeholder password, a keystore entry, or, for keys imported through the API,
 * an in-memory PEM that the file store moves into its key directory. {@link #toString()} shows no key material.
 */
public record KeySource(String privateKey, String privateKeyPassword, KeyStoreReference keyStore) {

    /** True when the key exists only as an unencrypted PEM in memory (imported through the API). */
    public boolean isInlineClearPem() {
        return privateKey != null && !io.transferas2.registry.ValueReferences.isReference(privateKey)
                && !PemCodec.isEncryptedKey(privateKey);
    }

    @Override
    public String toString() {
        if (keyStore != null) {
            return "KeySource[" + keyStore + "]";
        }
        return "KeySource[" + (isInlineClearPem() ? "inline PEM" : privateKey.startsWith("-----") ? "encrypted PEM"
                : privateKey.trim()) + "]";
    }
}
