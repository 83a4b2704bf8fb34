package io.transferas2.as2;

import java.io.IOException;
import java.io.InputStream;

/**
 * The engine's filtering streams do their work in {@code read(byte[], int, int)}; these route the single-byte read and
 * skip through it, so every byte passes the same checks (digests, limits, decryption).
 */
final class ReadByRange {
    private static final int SKIP_CHUNK = 8192;

    private ReadByRange() {
    }

    static int readOne(InputStream stream) throws IOException {
        byte[] one = new byte[1];
        int n = stream.read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /** Skips by reading, at most one chunk per call, as {@link InputStream#skip} allows. */
    static long skip(InputStream stream, long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        byte[] chunk = new byte[(int) Math.min(n, SKIP_CHUNK)];
        return Math.max(stream.read(chunk, 0, chunk.length), 0);
    }
}
