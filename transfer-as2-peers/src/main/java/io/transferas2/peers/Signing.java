package io.transferas2.peers;

import java.util.Locale;

/**
 * Signing (and MIC) algorithm, spelled as AWS Transfer Family's {@code SigningAlg}. RSA is the only key type.
 */
public enum Signing {
    NONE(null, null),
    SHA1("sha-1", "SHA-1"),
    SHA256("sha-256", "SHA-256"),
    SHA384("sha-384", "SHA-384"),
    SHA512("sha-512", "SHA-512");

    private final String micalg;
    private final String digest;

    Signing(String micalg, String digest) {
        this.micalg = micalg;
        this.digest = digest;
    }

    /** The RFC 5751 {@code micalg} name, e.g. {@code sha-256}; {@code null} for {@link #NONE}. */
    public String micalg() {
        return micalg;
    }

    /** The JCA digest name, e.g. {@code SHA-256}; {@code null} for {@link #NONE}. */
    public String digest() {
        return digest;
    }

    public boolean enabled() {
        return this != NONE;
    }

    /**
     * Reads an AWS spelling ({@code SHA256}), a micalg ({@code sha-256}, {@code sha256}) or a JCA name ({@code SHA-256}).
     *
     * @return the algorithm, or {@code null} when the name is unknown
     */
    public static Signing fromAnyName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (n) {
            case "none":
                return NONE;
            case "sha1":
                return SHA1;
            case "sha256":
            case "sha2256":
                return SHA256;
            case "sha384":
            case "sha2384":
                return SHA384;
            case "sha512":
            case "sha2512":
                return SHA512;
            default:
                return null;
        }
    }
}
