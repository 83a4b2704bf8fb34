package io.transferas2.peers;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * A message integrity check value as it appears in an MDN's {@code Received-Content-MIC}: base64 digest plus
 * algorithm. Equality ignores micalg spelling differences ({@code sha1} = {@code sha-1}).
 *
 * @param base64    the base64 digest
 * @param algorithm the digest algorithm
 */
public record Mic(String base64, Signing algorithm) {

    public Mic {
        Objects.requireNonNull(base64, "base64");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /** Parses {@code "<base64>, <micalg>"}; {@code null} when absent or malformed. */
    public static Mic parse(String field) {
        if (field == null) {
            return null;
        }
        int comma = field.lastIndexOf(',');
        if (comma < 0) {
            return null;
        }
        Signing algorithm = Signing.fromAnyName(field.substring(comma + 1));
        String digest = field.substring(0, comma).trim();
        if (algorithm == null || !algorithm.enabled() || digest.isEmpty()) {
            return null;
        }
        return new Mic(digest, algorithm);
    }

    /** The MIC of {@code bytes}. */
    public static Mic of(byte[] bytes, Signing algorithm) {
        MessageDigest digest = newDigest(algorithm);
        return new Mic(Base64.getEncoder().encodeToString(digest.digest(bytes)), algorithm);
    }

    /** The MIC of everything {@code in} yields, read in chunks. */
    public static Mic of(InputStream in, Signing algorithm) throws IOException {
        MessageDigest digest = newDigest(algorithm);
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return new Mic(Base64.getEncoder().encodeToString(digest.digest()), algorithm);
    }

    private static MessageDigest newDigest(Signing algorithm) {
        if (!algorithm.enabled()) {
            throw new IllegalArgumentException("no MIC algorithm");
        }
        try {
            return MessageDigest.getInstance(algorithm.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The MDN field form, {@code <base64>, <micalg>}. */
    public String asField() {
        return base64 + ", " + algorithm.micalg();
    }

    @Override
    public String toString() {
        return asField();
    }
}
