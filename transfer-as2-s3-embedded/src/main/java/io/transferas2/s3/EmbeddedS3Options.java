package io.transferas2.s3;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to run the embedded S3 server: where its files live, where it listens, which credentials it accepts and which
 * buckets it creates at start. Immutable; build with {@link #builder()}.
 *
 * <p>
 * Defaults: data directory {@code ./data}, host {@code 127.0.0.1}, a free port, access key
 * {@value #DEFAULT_ACCESS_KEY} with secret {@value #DEFAULT_SECRET_KEY} (the server only listens on loopback), no
 * buckets.
 */
public final class EmbeddedS3Options {

    /** Access key the embedded server accepts unless another is configured. */
    public static final String DEFAULT_ACCESS_KEY = "transfer-as2";
    /** Secret key the embedded server accepts unless another is configured. Local development only. */
    public static final String DEFAULT_SECRET_KEY = "transfer-as2-local";
    /** Directory the server stores buckets in, relative to the working directory. */
    public static final String DEFAULT_DATA_DIRECTORY = "data";
    /** Loopback address; the embedded server is a development tool and is not reachable from other machines. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** S3 bucket naming rules (lowercase, 3-63 characters, no leading or trailing dot or dash). */
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Path dataDirectory;
    private final String host;
    private final int port;
    private final String accessKey;
    private final String secretKey;
    private final Set<String> buckets;

    private EmbeddedS3Options(Builder builder) {
        this.dataDirectory = builder.dataDirectory.toAbsolutePath().normalize();
        this.host = builder.host;
        this.port = builder.port;
        this.accessKey = builder.accessKey;
        this.secretKey = builder.secretKey;
        this.buckets = Collections.unmodifiableSet(new LinkedHashSet<>(builder.buckets));
    }

    /** A builder with every default set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options with every default: {@code ./data}, loopback, a free port, the default credentials, no buckets. */
    public static EmbeddedS3Options defaults() {
        return builder().build();
    }

    /** Absolute directory that holds one sub-directory per bucket; objects are plain files inside it. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Address the server binds to. */
    public String host() {
        return host;
    }

    /** Port to listen on; {@code 0} picks a free port. */
    public int port() {
        return port;
    }

    /** Access key clients must sign with. */
    public String accessKey() {
        return accessKey;
    }

    /** Secret key clients must sign with. Never logged. */
    public String secretKey() {
        return secretKey;
    }

    /** Buckets created when the server starts (existing ones are kept). */
    public Set<String> buckets() {
        return buckets;
    }

    /** A builder pre-filled with these options. */
    public Builder toBuilder() {
        Builder b = new Builder().dataDirectory(dataDirectory).host(host).port(port)
                .credentials(accessKey, secretKey);
        buckets.forEach(b::bucket);
        return b;
    }

    /** Checks a bucket name against S3's rules, so a typo fails with a clear message instead of a 400 later. */
    static String checkBucketName(String name) {
        if (name == null || !BUCKET_NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("invalid S3 bucket name '" + name
                                               + "': use 3-63 lowercase letters, digits, dots or dashes, starting"
                                               + " and ending with a letter or digit");
        }
        return name;
    }

    @Override
    public String toString() {
        return "EmbeddedS3Options[dataDirectory=" + dataDirectory + ", host=" + host + ", port=" + port
               + ", accessKey=" + accessKey + ", buckets=" + buckets + "]";
    }

    /** Builds {@link EmbeddedS3Options}. */
    public static final class Builder {
        private Path dataDirectory = Path.of(DEFAULT_DATA_DIRECTORY);
        private String host = DEFAULT_HOST;
        private int port;
        private String accessKey = DEFAULT_ACCESS_KEY;
        private String secretKey = DEFAULT_SECRET_KEY;
        private final Set<String> buckets = new LinkedHashSet<>();

        private Builder() {
        }

        /** Directory for the buckets; created if missing. Relative paths resolve against the working directory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
            return this;
        }

        /** Address to bind; keep the loopback default unless other machines must reach it. */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("embedded S3 host must not be empty");
            }
            this.host = host.trim();
            return this;
        }

        /** Port to listen on, {@code 0} for a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("embedded S3 port must be 0-65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Credentials clients must sign with. */
        public Builder credentials(String accessKey, String secretKey) {
            if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("embedded S3 access key and secret key must both be set");
            }
            this.accessKey = accessKey;
            this.secretKey = secretKey;
            return this;
        }

        /** A bucket to create at start. */
        public Builder bucket(String name) {
            buckets.add(checkBucketName(name));
            return this;
        }

        /** The options. */
        public EmbeddedS3Options build() {
            return new EmbeddedS3Options(this);
        }
    }
}
