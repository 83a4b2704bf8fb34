package io.transferas2.as2;

import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

import io.transferas2.model.EncryptionAlg;

/** The CMS content encryption algorithms AWS offers, with their OIDs and JDK cipher names. */
enum ContentEncryption {
    AES128_CBC(EncryptionAlg.AES128_CBC, NISTObjectIdentifiers.id_aes128_CBC, "AES", 16),
    AES192_CBC(EncryptionAlg.AES192_CBC, NISTObjectIdentifiers.id_aes192_CBC, "AES", 24),
    AES256_CBC(EncryptionAlg.AES256_CBC, NISTObjectIdentifiers.id_aes256_CBC, "AES", 32),
    DES_EDE3_CBC(EncryptionAlg.DES_EDE3_CBC, PKCSObjectIdentifiers.des_EDE3_CBC, "DESede", 24);

    private final EncryptionAlg alg;
    private final ASN1ObjectIdentifier oid;
    private final String keyAlgorithm;
    private final int keyBytes;

    ContentEncryption(EncryptionAlg alg, ASN1ObjectIdentifier oid, String keyAlgorithm, int keyBytes) {
        this.alg = alg;
        this.oid = oid;
        this.keyAlgorithm = keyAlgorithm;
        this.keyBytes = keyBytes;
    }

    EncryptionAlg alg() {
        return alg;
    }

    ASN1ObjectIdentifier oid() {
        return oid;
    }

    String keyAlgorithm() {
        return keyAlgorithm;
    }

    int keyBytes() {
        return keyBytes;
    }

    /** JCA transformation, e.g. {@code AES/CBC/PKCS5Padding}. */
    String transformation() {
        return keyAlgorithm + "/CBC/PKCS5Padding";
    }

    static Optional<ContentEncryption> of(EncryptionAlg alg) {
        for (ContentEncryption c : values()) {
            if (c.alg == alg) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static Optional<ContentEncryption> of(ASN1ObjectIdentifier oid) {
        for (ContentEncryption c : values()) {
            if (c.oid.equals(oid)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
