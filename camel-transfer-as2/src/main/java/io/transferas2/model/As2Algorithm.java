package io.transferas2.model;

import java.util.Locale;

/**
 * The algorithm names of the non-AWS extension (connector {@code As2Config.Extensions}, agreement {@code Extensions}):
 * content encryption, key transport, digest and signature scheme. The AWS algorithms keep AWS's names (AES256_CBC,
 * SHA256, ...); the additions are AES-GCM (CMS AuthEnvelopedData, RFC 5083/5084), RSAES-OAEP with SHA-256 and
 * MGF1-SHA-256 (RFC 3560/8017) and RSASSA-PSS (RFC 4056). AWS's SDKs never see these: the API neither accepts nor
 * returns the extension members.
 */
public enum As2Algorithm {
    AES128_CBC(Kind.ENCRYPTION),
    AES192_CBC(Kind.ENCRYPTION),
    AES256_CBC(Kind.ENCRYPTION),
    DES_EDE3_CBC(Kind.ENCRYPTION),
    AES128_GCM(Kind.ENCRYPTION),
    AES256_GCM(Kind.ENCRYPTION),
    /** RSA key transport with PKCS #1 v1.5 padding, the only one AWS offers. */
    RSAES_PKCS1_V1_5(Kind.KEY_TRANSPORT),
    /** RSAES-OAEP with SHA-256 and MGF1-SHA-256 (other OAEP parameters are read inbound as well). */
    RSAES_OAEP(Kind.KEY_TRANSPORT),
    SHA1(Kind.DIGEST),
    SHA256(Kind.DIGEST),
    SHA384(Kind.DIGEST),
    SHA512(Kind.DIGEST),
    /** RSA signatures with PKCS #1 v1.5 padding, the only ones AWS produces. */
    RSASSA_PKCS1_V1_5(Kind.SIGNATURE),
    /** RSASSA-PSS with MGF1 over the signature digest and a salt as long as that digest. */
    RSASSA_PSS(Kind.SIGNATURE);

    /** What an algorithm is used for. */
    public enum Kind {
        ENCRYPTION("content encryption"),
        KEY_TRANSPORT("key transport"),
        DIGEST("digest"),
        SIGNATURE("signature scheme");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final Kind kind;

    As2Algorithm(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The AWS EncryptionAlg of the same name; null for the GCM modes. */
    public EncryptionAlg awsEncryption() {
        try {
            return EncryptionAlg.valueOf(name());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The algorithm named like an AWS EncryptionAlg or SigningAlg value; null for NONE and DEFAULT. */
    public static As2Algorithm ofAws(Enum<?> awsValue) {
        if (awsValue == null) {
            return null;
        }
        String name = awsValue.name().toUpperCase(Locale.ROOT);
        return name.equals("NONE") || name.equals("DEFAULT") ? null : valueOf(name);
    }
}
