package io.transferas2.as2;

/** How digest names are written in {@code micalg} and {@code Received-Content-MIC}. */
public enum AlgorithmNameStyle {
    /** RFC 5751: {@code sha-1}, {@code sha-256}, ... (the default). */
    RFC5751,
    /** Unhyphenated: {@code sha1}, {@code sha256}, ... for partners that reject the RFC 5751 names. */
    LEGACY
}
