package io.transferas2.as2;

/** Where ZLIB compression (RFC 5402) sits relative to the signature. */
public enum CompressionOrder {
    /** Compress, then sign the compressed entity (RFC 5402's recommendation, the default; the MIC covers it). */
    BEFORE_SIGNING,
    /** Sign, then compress the signed entity (some partners require it). */
    AFTER_SIGNING
}
