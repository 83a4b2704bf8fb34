package io.transferas2.peers;

/** Compression (RFC 5402), spelled as AWS Transfer Family's {@code CompressionEnum}. */
public enum Compression {
    DISABLED,
    ZLIB;

    public boolean enabled() {
        return this != DISABLED;
    }
}
