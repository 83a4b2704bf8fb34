package io.transferas2.certs;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/** AWS's key rules: RSA only, 2048–4096 bits, and a private key must belong to its certificate. */
public final class RsaKeyRules {
    public static final int MIN_BITS = 2048;
    public static final int MAX_BITS = 4096;

    private RsaKeyRules() {
    }

    public static void checkCertificate(String field, X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new KeyImportException(field + ": only RSA keys are supported, the certificate has a "
                    + key.getAlgorithm() + " key");
        }
        checkSize(field, rsa);
    }

    public static void checkPrivateKey(String field, PrivateKey key, X509Certificate certificate) {
        if (!(key instanceof RSAKey rsa) || !"RSA".equalsIgnoreCase(key.getAlgorithm())) {
            throw new KeyImportException(field + ": only RSA private keys are supported, found " + key.getAlgorithm());
        }
        checkSize(field, rsa);
        RSAPublicKey publicKey = (RSAPublicKey) certificate.getPublicKey();
        boolean sameModulus = rsa.getModulus().equals(publicKey.getModulus());
        boolean sameExponent = !(key instanceof RSAPrivateCrtKey crt)
                || crt.getPublicExponent().equals(publicKey.getPublicExponent());
        if (!sameModulus || !sameExponent) {
            throw new KeyImportException(field + ": the private key does not match the certificate ("
                    + certificate.getSubjectX500Principal().getName() + ")");
        }
    }

    private static void checkSize(String field, RSAKey key) {
        int bits = key.getModulus().bitLength();
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new KeyImportException(field + ": RSA key is " + bits + " bits; AWS Transfer Family accepts "
                    + MIN_BITS + " to " + MAX_BITS + " bits");
        }
    }
}
