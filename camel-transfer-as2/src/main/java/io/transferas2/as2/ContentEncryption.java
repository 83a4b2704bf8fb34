package io.transferas2.as2;

import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

import io.transferas2.model.As2Algorithm;
import io.transferas2.model.EncryptionAlg;

/**
 * The CMS content encryption algorithms, with their OIDs and JDK cipher names: AWS's four CBC modes in EnvelopedData
 * and, as an extension, AES-GCM in AuthEnvelopedData (RFC 5083/5084).
 */
enum ContentEncryption {
    AES128_CBC(As2Algorithm.AES128_CBC, NISTObjectIdentifiers.id_aes128_CBC, "AES", 16),
    AES192_CBC(As2Algorithm.AES192_CBC, NISTObjectIdentifiers.id_aes192_CBC, "AES", 24),
    AES256_CBC(As2Algorithm.AES256_CBC, NISTObjectIdentifiers.id_aes256_CBC, "AES", 32),
    DES_EDE3_CBC(As2Algorithm.DES_EDE3_CBC, PKCSObjectIdentifiers.des_EDE3_CBC, "DESede", 24),
    AES128_GCM(As2Algorithm.AES128_GCM, NISTObjectIdentifiers.id_aes128_GCM, "AES", 16),
    AES256_GCM(As2Algorithm.AES256_GCM, NISTObjectIdentifiers.id_aes256_GCM, "AES", 32);

    private final As2Algorithm algorithm;
    private final ASN1ObjectIdentifier oid;
    private final String keyAlgorithm;
    private final int keyBytes;

    ContentEncryption(As2Algorithm algorithm, ASN1ObjectIdentifier oid, String keyAlgorithm, int keyBytes) {
        this.algorithm = algorithm;
        this.oid = oid;
        this.keyAlgorithm = keyAlgorithm;
        this.keyBytes = keyBytes;
    }

    As2Algorithm algorithm() {
        return algorithm;
    }

    /** The AWS EncryptionAlg, null for the GCM modes. */
    EncryptionAlg alg() {
        return algorithm.awsEncryption();
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

    /** True for the AEAD modes, carried in AuthEnvelopedData rather than EnvelopedData. */
    boolean authenticated() {
        return this == AES128_GCM || this == AES256_GCM;
    }

    /** JCA transformation of the CBC modes, e.g. {@code AES/CBC/PKCS5Padding}. */
    String transformation() {
        return keyAlgorithm + "/CBC/PKCS5Padding";
    }

    static Optional<ContentEncryption> of(As2Algorithm algorithm) {
        for (ContentEncryption c : values()) {
            if (c.algorithm == algorithm) {
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
