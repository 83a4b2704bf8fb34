package io.transferas2.peers;

import org.apache.camel.component.as2.api.AS2EncryptionAlgorithm;
import org.apache.camel.component.as2.api.AS2MessageStructure;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;

/** Maps the harness's algorithm names onto camel-as2's enums. */
final class CamelAlgorithms {

    private CamelAlgorithms() {
    }

    static AS2SignatureAlgorithm signature(Signing signing) {
        switch (signing) {
            case SHA1:
                return AS2SignatureAlgorithm.SHA1WITHRSA;
            case SHA256:
                return AS2SignatureAlgorithm.SHA256WITHRSA;
            case SHA384:
                return AS2SignatureAlgorithm.SHA384WITHRSA;
            case SHA512:
                return AS2SignatureAlgorithm.SHA512WITHRSA;
            default:
                return null;
        }
    }

    static AS2EncryptionAlgorithm encryption(Encryption encryption) {
        switch (encryption) {
            case AES128_CBC:
                return AS2EncryptionAlgorithm.AES128_CBC;
            case AES192_CBC:
                return AS2EncryptionAlgorithm.AES192_CBC;
            case AES256_CBC:
                return AS2EncryptionAlgorithm.AES256_CBC;
            case DES_EDE3_CBC:
                return AS2EncryptionAlgorithm.DES_EDE3_CBC;
            default:
                return null;
        }
    }

    /** camel-as2 names each combination of signing, encryption and compression order. */
    static AS2MessageStructure structure(SendRequest r) {
        boolean sign = r.signing().enabled();
        boolean encrypt = r.encryption().enabled();
        boolean compress = r.compression().enabled();
        if (!compress) {
            if (sign && encrypt) {
                return AS2MessageStructure.SIGNED_ENCRYPTED;
            }
            return sign ? AS2MessageStructure.SIGNED
                    : encrypt ? AS2MessageStructure.ENCRYPTED : AS2MessageStructure.PLAIN;
        }
        if (!sign) {
            return encrypt ? AS2MessageStructure.ENCRYPTED_COMPRESSED : AS2MessageStructure.PLAIN_COMPRESSED;
        }
        if (encrypt) {
            return r.compressBeforeSigning()
                    ? AS2MessageStructure.ENCRYPTED_COMPRESSED_SIGNED : AS2MessageStructure.ENCRYPTED_SIGNED_COMPRESSED;
        }
        // camel's COMPRESSED_SIGNED compresses first; SIGNED_COMPRESSED signs first
        return r.compressBeforeSigning() ? AS2MessageStructure.COMPRESSED_SIGNED : AS2MessageStructure.SIGNED_COMPRESSED;
    }
}
