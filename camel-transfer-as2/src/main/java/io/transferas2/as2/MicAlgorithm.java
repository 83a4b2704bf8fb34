package io.transferas2.as2;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;

import io.transferas2.model.MdnSigningAlg;
import io.transferas2.model.SigningAlg;

/**
 * A digest used for signatures, {@code micalg} and {@code Received-Content-MIC}: the four AWS offers. Names are read
 * in any spelling partners use ({@code sha1}, {@code sha-1}, {@code SHA1}, {@code sha256}, {@code sha-256},
 * {@code SHA-256}, ...) and written in RFC 5751 form ({@code sha-256}) unless the legacy form is asked for.
 */
public enum MicAlgorithm {
    SHA1("sha-1", "sha1", "SHA-1", "SHA1withRSA", OIWObjectIdentifiers.idSHA1),
    SHA256("sha-256", "sha256", "SHA-256", "SHA256withRSA", NISTObjectIdentifiers.id_sha256),
    SHA384("sha-384", "sha384", "SHA-384", "SHA384withRSA", NISTObjectIdentifiers.id_sha384),
    SHA512("sha-512", "sha512", "SHA-512", "SHA512withRSA", NISTObjectIdentifiers.id_sha512);

    private final String rfc5751Name;
    private final String legacyName;
    private final String jcaName;
    private final String signatureAlgorithm;
    private final ASN1ObjectIdentifier oid;

    MicAlgorithm(String rfc5751Name, String legacyName, String jcaName, String signatureAlgorithm,
                 ASN1ObjectIdentifier oid) {
        this.rfc5751Name = rfc5751Name;
        this.legacyName = legacyName;
        this.jcaName = jcaName;
        this.signatureAlgorithm = signatureAlgorithm;
        this.oid = oid;
    }

    /** RFC 5751 name, e.g. {@code sha-256}. */
    public String rfc5751Name() {
        return rfc5751Name;
    }

    /** The older unhyphenated name some partners expect, e.g. {@code sha256} (RFC 3851 {@code sha1}). */
    public String legacyName() {
        return legacyName;
    }

    /** The name in the given style. */
    public String name(AlgorithmNameStyle style) {
        return style == AlgorithmNameStyle.LEGACY ? legacyName : rfc5751Name;
    }

    /** JCA digest name, e.g. {@code SHA-256}. */
    public String jcaName() {
        return jcaName;
    }

    /** JCA signature name with RSA, e.g. {@code SHA256withRSA}. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The digest algorithm OID. */
    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    /** A fresh digest from the JDK's SUN provider (several times faster than BouncyCastle's). */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " missing from the JDK", e);
        }
    }

    /**
     * The algorithm for a name in any common spelling: case-insensitive, with or without the hyphen, optionally with
     * an {@code rsa-} prefix; empty for unknown names (md5, sha3, ...).
     */
    public static Optional<MicAlgorithm> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (n.startsWith("rsa")) {
            n = n.substring(3);
        }
        switch (n) {
            case "sha1":
            case "sha":
                return Optional.of(SHA1);
            case "sha256":
            case "sha2256":
                return Optional.of(SHA256);
            case "sha384":
            case "sha2384":
                return Optional.of(SHA384);
            case "sha512":
            case "sha2512":
                return Optional.of(SHA512);
            default:
                return Optional.empty();
        }
    }

    /** The algorithm for a digest OID, if supported. */
    public static Optional<MicAlgorithm> fromOid(ASN1ObjectIdentifier oid) {
        for (MicAlgorithm a : values()) {
            if (a.oid.equals(oid)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The digest of a connector SigningAlgorithm; empty for NONE. */
    public static Optional<MicAlgorithm> of(SigningAlg alg) {
        return alg == null || alg == SigningAlg.NONE ? Optional.empty() : Optional.of(valueOf(alg.name()));
    }

    /** The digest of an MdnSigningAlgorithm; empty for NONE and DEFAULT (resolve DEFAULT first). */
    public static Optional<MicAlgorithm> of(MdnSigningAlg alg) {
        return alg == null || alg == MdnSigningAlg.NONE || alg == MdnSigningAlg.DEFAULT
                ? Optional.empty() : Optional.of(valueOf(alg.name()));
    }

    @Override
    public String toString() {
        return rfc5751Name;
    }
}
