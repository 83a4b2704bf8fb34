package io.transferas2.s3;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.support.service.ServiceSupport;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the {@link S3Client} a route pack uses, from {@code s3.*} properties (see {@link S3Settings}): the embedded
 * server when no endpoint or region is configured, AWS S3 or MinIO otherwise. In a Camel application the client and
 * the embedded server live as long as the {@link CamelContext}.
 *
 * <p>
 * From YAML, bind one client that {@code aws2-s3} endpoints then pick up by type (autowiring):
 *
 * <pre>
 * - beans:
 *     - name: s3Client
 *       type: software.amazon.awssdk.services.s3.S3Client
 *       builderClass: io.transferas2.s3.S3ClientFactory
 * </pre>
 *
 * Values come from the Camel properties ({@code application.properties}, {@code -D}, environment variables such as
 * {@code S3_ENDPOINT}); {@code properties:} on the bean override them, e.g. {@code properties: {dataDir: "/srv/s3"}}.
 * From Java: {@code new S3ClientFactory().setEndpoint(...)...build()}, or {@link S3Access} for explicit lifecycle.
 */
public class S3ClientFactory implements CamelContextAware {

    private final Map<String, String> overrides = new HashMap<>();
    private CamelContext camelContext;

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    /** Context whose properties supply values not set on this factory, and which owns the built client. */
    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** {@code auto}, {@code embedded} or {@code remote} ({@value S3Settings#MODE}). */
    public S3ClientFactory setMode(String mode) {
        return set(S3Settings.MODE, mode);
    }

    /** Endpoint override such as {@code http://localhost:9000} ({@value S3Settings#ENDPOINT}). */
    public S3ClientFactory setEndpoint(String endpoint) {
        return set(S3Settings.ENDPOINT, endpoint);
    }

    /** Region ({@value S3Settings#REGION}). */
    public S3ClientFactory setRegion(String region) {
        return set(S3Settings.REGION, region);
    }

    /** Static access key ({@value S3Settings#ACCESS_KEY}). */
    public S3ClientFactory setAccessKey(String accessKey) {
        return set(S3Settings.ACCESS_KEY, accessKey);
    }

    /** Static secret key ({@value S3Settings#SECRET_KEY}). */
    public S3ClientFactory setSecretKey(String secretKey) {
        return set(S3Settings.SECRET_KEY, secretKey);
    }

    /** Session token of temporary credentials ({@value S3Settings#SESSION_TOKEN}). */
    public S3ClientFactory setSessionToken(String sessionToken) {
        return set(S3Settings.SESSION_TOKEN, sessionToken);
    }

    /** Path-style addressing ({@value S3Settings#PATH_STYLE}). */
    public S3ClientFactory setPathStyle(String pathStyle) {
        return set(S3Settings.PATH_STYLE, pathStyle);
    }

    /** {@code when-required} or {@code when-supported} ({@value S3Settings#CHECKSUMS}). */
    public S3ClientFactory setChecksums(String checksums) {
        return set(S3Settings.CHECKSUMS, checksums);
    }

    /** Embedded server's data directory ({@value S3Settings#EMBEDDED_DATA_DIR}). */
    public S3ClientFactory setDataDir(String dataDir) {
        return set(S3Settings.EMBEDDED_DATA_DIR, dataDir);
    }

    /** Embedded server's bind address ({@value S3Settings#EMBEDDED_HOST}). */
    public S3ClientFactory setHost(String host) {
        return set(S3Settings.EMBEDDED_HOST, host);
    }

    /** Embedded server's port, 0 for a free one ({@value S3Settings#EMBEDDED_PORT}). */
    public S3ClientFactory setPort(String port) {
        return set(S3Settings.EMBEDDED_PORT, port);
    }

    /** Comma-separated buckets the embedded server creates ({@value S3Settings#EMBEDDED_BUCKETS}). */
    public S3ClientFactory setBuckets(String buckets) {
        return set(S3Settings.EMBEDDED_BUCKETS, buckets);
    }

    /** The settings this factory would use now. */
    public S3Settings settings() {
        return S3Settings.from(this::lookup);
    }

    /**
     * Opens S3 and returns the client. With a Camel context, client and embedded server are closed when the context
     * stops; without one the caller owns the client, and the embedded server (if any) runs until the JVM exits. Use
     * {@link S3Access#open} when you need to stop it earlier.
     *
     * @throws IOException if the embedded server cannot start
     */
    public S3Client build() throws IOException {
        S3Access access = S3Access.open(settings());
        if (camelContext != null) {
            try {
                camelContext.addService(new CloseWithContext(access), true, true);
            } catch (Exception e) {
                access.close();
                throw new IllegalStateException("cannot tie the S3 client to the Camel context", e);
            }
        }
        return access.client();
    }

    private S3ClientFactory set(String name, String value) {
        if (value == null) {
            overrides.remove(name);
        } else {
            overrides.put(name, value);
        }
        return this;
    }

    private String lookup(String name) {
        if (overrides.containsKey(name)) {
            return overrides.get(name);
        }
        return camelContext != null ? camelContext.getPropertiesComponent().resolveProperty(name).orElse(null) : null;
    }

    /** Closes the client and releases the embedded server when the Camel context stops. */
    private static final class CloseWithContext extends ServiceSupport {
        private final S3Access access;

        CloseWithContext(S3Access access) {
            this.access = access;
        }

        @Override
        protected void doStop() {
            access.close();
        }
    }
}
