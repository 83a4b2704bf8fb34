package io.transferas2.s3;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * An {@link S3Client} plus, in embedded mode, the server it talks to. Closing it closes the client and releases the
 * server handle.
 *
 * <pre>{@code
 * try (S3Access s3 = S3Access.open(S3Settings.fromProperties(props))) {
 *     s3.client().putObject(b -> b.bucket("inbox").key("a.txt"), RequestBody.fromFile(file));
 * }
 * }</pre>
 */
public final class S3Access implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3Access.class);

    private final S3Client client;
    private final EmbeddedS3Server server;
    private final S3Settings settings;

    private S3Access(S3Client client, EmbeddedS3Server server, S3Settings settings) {
        this.client = client;
        this.server = server;
        this.settings = settings;
    }

    /**
     * Opens S3 as the settings say: in embedded mode starts (or joins) the embedded server and points a client at it;
     * in remote mode only builds the client.
     *
     * @throws IOException if the embedded server cannot start
     */
    public static S3Access open(S3Settings settings) throws IOException {
        if (settings.mode() == S3Settings.Mode.REMOTE) {
            S3Client client = newClient(settings, settings.endpoint());
            LOG.info("S3 client for {}", settings);
            return new S3Access(client, null, settings);
        }
        EmbeddedS3Server server = EmbeddedS3Server.start(settings.embeddedOptions());
        try {
            return new S3Access(newClient(settings, server.endpoint()), server, settings);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The client. Owned by this object: do not close it separately. */
    public S3Client client() {
        return client;
    }

    /** The embedded server, when the settings chose embedded mode. */
    public Optional<EmbeddedS3Server> embeddedServer() {
        return Optional.ofNullable(server);
    }

    /** The URL the client talks to, unless it uses AWS's own endpoints. */
    public Optional<URI> endpoint() {
        return server != null ? Optional.of(server.endpoint()) : Optional.ofNullable(settings.endpoint());
    }

    /** The settings this was opened with. */
    public S3Settings settings() {
        return settings;
    }

    /** Closes the client and releases the embedded server (which stops when its last user closes). */
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    public String toString() {
        return "S3Access[" + (server != null ? server : settings) + "]";
    }

    private static S3Client newClient(S3Settings settings, URI endpoint) {
        S3ClientBuilder builder = S3Client.builder()
                // explicit, so another SDK HTTP client on the classpath cannot make the SDK refuse to choose
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle());
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (settings.checksums() == S3Settings.Checksums.WHEN_REQUIRED) {
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        } else {
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_SUPPORTED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (settings.sessionToken() != null) {
            return StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(settings.accessKey(), settings.secretKey(), settings.sessionToken()));
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }
}
