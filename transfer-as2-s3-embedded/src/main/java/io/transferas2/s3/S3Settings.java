package io.transferas2.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where S3 is and how to reach it, read from {@code s3.*} properties. With no endpoint and no region configured the
 * settings describe the embedded server; otherwise AWS S3 or an S3-compatible store such as MinIO.
 *
 * <table>
 * <caption>Properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code s3.mode}</td><td>{@code auto}</td><td>{@code embedded}, {@code remote}, or {@code auto}: remote when
 * {@code s3.endpoint} or {@code s3.region} is set, embedded otherwise</td></tr>
 * <tr><td>{@code s3.endpoint}</td><td>AWS</td><td>endpoint override, e.g. {@code http://minio:9000}</td></tr>
 * <tr><td>{@code s3.region}</td><td>SDK chain; {@code us-east-1} with an endpoint or embedded</td><td>region</td></tr>
 * <tr><td>{@code s3.access-key}, {@code s3.secret-key}</td><td>SDK default chain; embedded: built-in pair</td>
 * <td>static credentials (both or neither)</td></tr>
 * <tr><td>{@code s3.session-token}</td><td>none</td><td>session token for temporary static credentials</td></tr>
 * <tr><td>{@code s3.path-style}</td><td>embedded {@code true}, remote {@code false}</td><td>path-style URLs
 * (MinIO needs {@code true})</td></tr>
 * <tr><td>{@code s3.checksums}</td><td>embedded {@code when-required}, remote {@code when-supported}</td><td>request
 * checksum calculation and response validation</td></tr>
 * <tr><td>{@code s3.embedded.data-dir}</td><td>{@code data}</td><td>directory the embedded server keeps buckets
 * in</td></tr>
 * <tr><td>{@code s3.embedded.host}</td><td>{@code 127.0.0.1}</td><td>address it binds</td></tr>
 * <tr><td>{@code s3.embedded.port}</td><td>{@code 0} (free port)</td><td>port it listens on</td></tr>
 * <tr><td>{@code s3.embedded.buckets}</td><td>none</td><td>comma-separated buckets to create at start</td></tr>
 * </table>
 * Each name is also accepted in camelCase ({@code s3.accessKey}); blank values count as unset.
 */
public final class S3Settings {

    /** Property names. */
    public static final String MODE = "s3.mode";
    public static final String ENDPOINT = "s3.endpoint";
    public static final String REGION = "s3.region";
    public static final String ACCESS_KEY = "s3.access-key";
    public static final String SECRET_KEY = "s3.secret-key";
    public static final String SESSION_TOKEN = "s3.session-token";
    public static final String PATH_STYLE = "s3.path-style";
    public static final String CHECKSUMS = "s3.checksums";
    public static final String EMBEDDED_DATA_DIR = "s3.embedded.data-dir";
    public static final String EMBEDDED_HOST = "s3.embedded.host";
    public static final String EMBEDDED_PORT = "s3.embedded.port";
    public static final String EMBEDDED_BUCKETS = "s3.embedded.buckets";

    /** Every property this class reads. */
    public static final List<String> PROPERTY_NAMES = List.of(MODE, ENDPOINT, REGION, ACCESS_KEY, SECRET_KEY,
            SESSION_TOKEN, PATH_STYLE, CHECKSUMS, EMBEDDED_DATA_DIR, EMBEDDED_HOST, EMBEDDED_PORT, EMBEDDED_BUCKETS);

    /** Region used where the store ignores it (embedded, most S3-compatible stores). */
    public static final String DEFAULT_REGION = "us-east-1";

    /** Embedded server or a real S3 store. */
    public enum Mode {
        /** Start (or join) the in-process S3Proxy. */
        EMBEDDED,
        /** AWS S3 or an S3-compatible store; nothing is started. */
        REMOTE
    }

    /** When the SDK computes request checksums and validates response checksums. */
    public enum Checksums {
        /** Only where the S3 API requires them; needed against S3Proxy. */
        WHEN_REQUIRED,
        /** Whenever the operation supports them (AWS SDK default). */
        WHEN_SUPPORTED
    }

    private final Mode mode;
    private final URI endpoint;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final String sessionToken;
    private final boolean pathStyle;
    private final Checksums checksums;
    private final EmbeddedS3Options embedded;

    private S3Settings(Mode mode, URI endpoint, String region, String accessKey, String secretKey,
                       String sessionToken, boolean pathStyle, Checksums checksums, EmbeddedS3Options embedded) {
        this.mode = mode;
        this.endpoint = endpoint;
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.sessionToken = sessionToken;
        this.pathStyle = pathStyle;
        this.checksums = checksums;
        this.embedded = embedded;
    }

    /** Settings for the embedded server with these options. */
    public static S3Settings embedded(EmbeddedS3Options options) {
        return new S3Settings(Mode.EMBEDDED, null, DEFAULT_REGION, options.accessKey(), options.secretKey(), null,
                true, Checksums.WHEN_REQUIRED, options);
    }

    /** Settings read from a {@link Properties} object (system properties, a loaded file). */
    public static S3Settings fromProperties(Properties properties) {
        return from(properties::getProperty);
    }

    /**
     * Settings read through a lookup of property names (e.g. Camel's properties component).
     *
     * @throws IllegalArgumentException naming the property when a value is invalid or settings contradict each other
     */
    public static S3Settings from(Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        Reader in = new Reader(lookup);
        URI endpoint = in.uri(ENDPOINT);
        String region = in.get(REGION);
        Mode mode = in.mode(endpoint != null || region != null);
        String accessKey = in.get(ACCESS_KEY);
        String secretKey = in.get(SECRET_KEY);
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException(ACCESS_KEY + " and " + SECRET_KEY + " must be set together");
        }
        String sessionToken = in.get(SESSION_TOKEN);
        if (sessionToken != null && accessKey == null) {
            throw new IllegalArgumentException(SESSION_TOKEN + " needs " + ACCESS_KEY + " and " + SECRET_KEY);
        }
        Boolean pathStyle = in.bool(PATH_STYLE);
        Checksums checksums = in.checksums();

        if (mode == Mode.REMOTE) {
            in.ignoreEmbeddedOnly();
            if (region == null && endpoint != null) {
                region = DEFAULT_REGION;
            }
            return new S3Settings(mode, endpoint, region, accessKey, secretKey, sessionToken,
                    pathStyle != null && pathStyle, checksums != null ? checksums : Checksums.WHEN_SUPPORTED, null);
        }

        if (endpoint != null) {
            throw new IllegalArgumentException(ENDPOINT + " points at an external store but " + MODE
                                               + "=embedded; remove one of them");
        }
        if (checksums == Checksums.WHEN_SUPPORTED) {
            throw new IllegalArgumentException(CHECKSUMS + "=when-supported does not work with the embedded server:"
                                               + " S3Proxy hangs on the SDK's streaming trailer checksums");
        }
        if (Boolean.FALSE.equals(pathStyle)) {
            throw new IllegalArgumentException(PATH_STYLE + "=false does not work with the embedded server, which"
                                               + " serves path-style URLs only");
        }
        EmbeddedS3Options.Builder options = EmbeddedS3Options.builder();
        String dataDir = in.get(EMBEDDED_DATA_DIR);
        if (dataDir != null) {
            options.dataDirectory(Path.of(dataDir));
        }
        String host = in.get(EMBEDDED_HOST);
        if (host != null) {
            options.host(host);
        }
        Integer port = in.integer(EMBEDDED_PORT);
        if (port != null) {
            in.wrap(EMBEDDED_PORT, () -> options.port(port));
        }
        if (accessKey != null) {
            options.credentials(accessKey, secretKey);
        }
        String buckets = in.get(EMBEDDED_BUCKETS);
        if (buckets != null) {
            Arrays.stream(buckets.split(",")).map(String::trim).filter(b -> !b.isEmpty())
                    .forEach(b -> in.wrap(EMBEDDED_BUCKETS, () -> options.bucket(b)));
        }
        EmbeddedS3Options built = options.build();
        return new S3Settings(Mode.EMBEDDED, null, region != null ? region : DEFAULT_REGION, built.accessKey(),
                built.secretKey(), null, true, Checksums.WHEN_REQUIRED, built);
    }

    /** Embedded or remote. */
    public Mode mode() {
        return mode;
    }

    /** Endpoint override, or {@code null} for AWS's own endpoints (and for embedded, whose port is known later). */
    public URI endpoint() {
        return endpoint;
    }

    /** Region, or {@code null} to let the AWS SDK's region chain decide (remote only). */
    public String region() {
        return region;
    }

    /** Static access key, or {@code null} for the AWS SDK's default credentials chain (remote only). */
    public String accessKey() {
        return accessKey;
    }

    /** Static secret key, or {@code null}. Never logged. */
    public String secretKey() {
        return secretKey;
    }

    /** Session token for temporary static credentials, or {@code null}. Never logged. */
    public String sessionToken() {
        return sessionToken;
    }

    /** Whether clients address buckets in the path rather than the host name. */
    public boolean pathStyle() {
        return pathStyle;
    }

    /** Checksum calculation and validation policy. */
    public Checksums checksums() {
        return checksums;
    }

    /** Options of the embedded server, or {@code null} in remote mode. */
    public EmbeddedS3Options embeddedOptions() {
        return embedded;
    }

    @Override
    public String toString() {
        if (mode == Mode.EMBEDDED) {
            return "S3Settings[embedded, " + embedded + "]";
        }
        return "S3Settings[remote, endpoint=" + (endpoint != null ? endpoint : "AWS") + ", region="
               + (region != null ? region : "SDK default") + ", credentials="
               + (accessKey != null ? "static " + accessKey : "SDK default chain") + ", pathStyle=" + pathStyle
               + ", checksums=" + checksums + "]";
    }

    /** Reads and validates single values, naming the property in every error. */
    private static final class Reader {
        private final Function<String, String> lookup;

        Reader(Function<String, String> lookup) {
            this.lookup = lookup;
        }

        String get(String name) {
            String value = lookup.apply(name);
            if (value == null) {
                value = lookup.apply(camelCase(name));
            }
            return value == null || value.isBlank() ? null : value.trim();
        }

        Mode mode(boolean remoteHints) {
            String value = get(MODE);
            if (value == null || value.equalsIgnoreCase("auto")) {
                return remoteHints ? Mode.REMOTE : Mode.EMBEDDED;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "embedded" -> Mode.EMBEDDED;
                case "remote" -> Mode.REMOTE;
                default -> throw invalid(MODE, value, "auto, embedded or remote");
            };
        }

        URI uri(String name) {
            String value = get(name);
            if (value == null) {
                return null;
            }
            try {
                URI uri = new URI(value);
                if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                                               || "https".equalsIgnoreCase(uri.getScheme()))) {
                    throw invalid(name, value, "an http:// or https:// URL with a host");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw invalid(name, value, "an http:// or https:// URL with a host");
            }
        }

        Boolean bool(String name) {
            String value = get(name);
            if (value == null) {
                return null;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.valueOf(value);
            }
            throw invalid(name, value, "true or false");
        }

        Integer integer(String name) {
            String value = get(name);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw invalid(name, value, "a number");
            }
        }

        Checksums checksums() {
            String value = get(CHECKSUMS);
            if (value == null) {
                return null;
            }
            try {
                return Checksums.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw invalid(CHECKSUMS, value, "when-required or when-supported");
            }
        }

        /**
         * The s3.embedded.* settings mean nothing for a remote S3: they are ignored (and said so), so that switching
         * the shipped route pack to AWS S3 or MinIO takes only s3.region or s3.endpoint, as documented.
         */
        void ignoreEmbeddedOnly() {
            for (String name : List.of(EMBEDDED_DATA_DIR, EMBEDDED_HOST, EMBEDDED_PORT, EMBEDDED_BUCKETS)) {
                if (get(name) != null) {
                    org.slf4j.LoggerFactory.getLogger(S3Settings.class).info("{} is ignored: {} or {} selects a"
                            + " remote S3, and the embedded server does not run", name, ENDPOINT, REGION);
                }
            }
        }

        void wrap(String name, Runnable action) {
            try {
                action.run();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        }

        private static IllegalArgumentException invalid(String name, String value, String expected) {
            return new IllegalArgumentException(name + "='" + value + "' is invalid; expected " + expected);
        }

        static String camelCase(String name) {
            StringBuilder sb = new StringBuilder(name.length());
            boolean upper = false;
            for (char c : name.toCharArray()) {
                if (c == '-') {
                    upper = true;
                } else {
                    sb.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return sb.toString();
        }
    }
}
