package io.transferas2.transfer;

import java.util.Objects;

/**
 * A location in AWS's {@code /bucket/key} form, as AWS writes paths in status files and agreements. Split into bucket
 * and key so routes can hand them to aws2-s3 without string building.
 */
public record StoragePath(String bucket, String key) {

    public StoragePath {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.isEmpty() || bucket.contains("/")) {
            throw new IllegalArgumentException("bucket must be one non-empty path segment, was '" + bucket + "'");
        }
    }

    /** Parses {@code /bucket/key...}; the leading slash is optional, a key is required. */
    public static StoragePath parse(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        if (slash <= 0 || slash == p.length() - 1) {
            throw new IllegalArgumentException("expected /bucket/key, was '" + path + "'");
        }
        return new StoragePath(p.substring(0, slash), p.substring(slash + 1));
    }

    /** A directory {@code /bucket[/prefix]} joined with a relative name. */
    public static StoragePath of(String directory, String relativeName) {
        String dir = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
        return parse(dir + "/" + relativeName);
    }

    /** The directory holding this object, {@code /bucket} or {@code /bucket/prefix}. */
    public String parentDirectory() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "/" + bucket : "/" + bucket + "/" + key.substring(0, slash);
    }

    /** The last segment of the key. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return "/" + bucket + "/" + key;
    }
}
