package io.transferas2.as2;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A message integrity check: a digest, its algorithm and the spelling of the algorithm name to write back (RFC 5751
 * by default, or the partner's own spelling when echoed). Equality of MICs ignores the spelling.
 */
public final class Mic {
    private final MicAlgorithm algorithm;
    private final byte[] digest;
    private final String algorithmName;

    public Mic(MicAlgorithm algorithm, byte[] digest, String algorithmName) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.digest = digest.clone();
        this.algorithmName = algorithmName == null || algorithmName.isBlank()
                ? algorithm.rfc5751Name() : algorithmName.trim();
    }

    public Mic(MicAlgorithm algorithm, byte[] digest) {
        this(algorithm, digest, null);
    }

    public MicAlgorithm algorithm() {
        return algorithm;
    }

    public byte[] digest() {
        return digest.clone();
    }

    /** The algorithm as it will be written, e.g. {@code sha-256}. */
    public String algorithmName() {
        return algorithmName;
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(digest);
    }

    /** The same MIC with the algorithm written another way. */
    public Mic withAlgorithmName(String name) {
        return new Mic(algorithm, digest, name);
    }

    /** The value of a {@code Received-Content-MIC} field: {@code <base64>, <algorithm>}. */
    public String toFieldValue() {
        return base64() + ", " + algorithmName;
    }

    /**
     * Parses a {@code Received-Content-MIC} value leniently: whitespace anywhere, any algorithm spelling. Empty when
     * the algorithm is unknown or the digest is not base64.
     */
    public static Optional<Mic> parse(String fieldValue) {
        if (fieldValue == null) {
            return Optional.empty();
        }
        int comma = fieldValue.lastIndexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        String name = fieldValue.substring(comma + 1).trim();
        String b64 = fieldValue.substring(0, comma).replaceAll("\\s+", "");
        Optional<MicAlgorithm> alg = MicAlgorithm.fromName(name);
        if (alg.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] digest = Base64.getDecoder().decode(b64);
            if (digest.length == 0) {
                return Optional.empty();
            }
            return Optional.of(new Mic(alg.get(), digest, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when both have the same algorithm (whatever the spelling) and the same digest. */
    public boolean matches(Mic other) {
        return other != null && algorithm == other.algorithm && MessageDigest.isEqual(digest, other.digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mic other && matches(other);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return toFieldValue();
    }
}
