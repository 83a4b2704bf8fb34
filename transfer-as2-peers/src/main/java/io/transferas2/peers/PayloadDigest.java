package io.transferas2.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Size and SHA-256 of a payload, plus its bytes when it is no larger than a limit. Reads in chunks, so the memory
 * it uses is bounded by the limit, not by the payload.
 *
 * @param size   bytes read
 * @param sha256 lower-case hex SHA-256
 * @param bytes  the payload when {@code size <= limit}, else {@code null}
 */
public record PayloadDigest(long size, String sha256, byte[] bytes) {

    /** Payloads up to this size are kept in full by default. */
    public static final int DEFAULT_RETAIN_LIMIT = 1024 * 1024;

    public static PayloadDigest of(InputStream in, int retainLimit) throws IOException {
        MessageDigest sha = newSha256();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        boolean keep = true;
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            sha.update(buffer, 0, n);
            size += n;
            if (keep && size <= retainLimit) {
                kept.write(buffer, 0, n);
            } else if (keep) {
                keep = false;
                kept = null;
            }
        }
        return new PayloadDigest(size, HexFormat.of().formatHex(sha.digest()), keep ? kept.toByteArray() : null);
    }

    /** SHA-256 hex of a file or stream, for comparing with what a server recorded. */
    public static String sha256Hex(InputStream in) throws IOException {
        MessageDigest sha = newSha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "PayloadDigest[size=" + size + ", sha256=" + sha256 + (bytes == null ? "" : ", kept") + "]";
    }
}
