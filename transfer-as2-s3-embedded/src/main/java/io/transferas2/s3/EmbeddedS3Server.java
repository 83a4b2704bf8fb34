package io.transferas2.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;
import org.jclouds.filesystem.reference.FilesystemConstants;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process S3 API server: S3Proxy over jclouds' filesystem backend, so every bucket is a directory and every
 * object a plain file under the data directory (metadata goes to extended attributes where the file system has
 * them).
 *
 * <p>
 * Starting is idempotent per data directory: a second {@link #start} for a directory that is already served in this
 * JVM returns a new handle on the running server (adding any new buckets) instead of failing on a busy port. Each
 * handle must be {@link #close() closed}; the server stops when the last handle closes.
 *
 * <p>
 * Clients must use path-style addressing and, with AWS SDK 2.30 or newer, {@code WHEN_REQUIRED} request checksum
 * calculation and response checksum validation: S3Proxy 3.0.0 does not understand the streaming trailer checksums the
 * SDK sends by default and the upload hangs. {@link S3Access} sets both.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3Server.class);

    /** Running servers by data directory, so a second start in the same JVM reuses the first. */
    private static final Map<Path, Running> RUNNING = new HashMap<>();

    private final Running running;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedS3Server(Running running) {
        this.running = running;
    }

    /**
     * Starts a server for these options, or joins the one already serving the same data directory.
     *
     * @throws IllegalStateException if a server for that directory runs with a different host, port or credentials
     * @throws IOException           if the data directory cannot be created or the port cannot be bound
     */
    public static EmbeddedS3Server start(EmbeddedS3Options options) throws IOException {
        synchronized (RUNNING) {
            Running running = RUNNING.get(options.dataDirectory());
            if (running == null) {
                running = Running.start(options);
                RUNNING.put(options.dataDirectory(), running);
            } else {
                running.checkCompatible(options);
                options.buckets().forEach(running::createBucket);
            }
            running.handles++;
            return new EmbeddedS3Server(running);
        }
    }

    /** Base URL of the S3 API, for example {@code http://127.0.0.1:38411}. */
    public URI endpoint() {
        return running.endpoint;
    }

    /** Port the server listens on. */
    public int port() {
        return running.port;
    }

    /** Directory holding the buckets. */
    public Path dataDirectory() {
        return running.options.dataDirectory();
    }

    /** The options the server was started with (the first start's, when handles share a server). */
    public EmbeddedS3Options options() {
        return running.options;
    }

    /** Creates a bucket unless it exists. */
    public void createBucket(String name) {
        running.createBucket(EmbeddedS3Options.checkBucketName(name));
    }

    /** Whether this handle is open and the server runs. */
    public boolean isRunning() {
        return !closed.get() && running.started;
    }

    /** Releases this handle; the server stops when no handle is left. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (RUNNING) {
            if (--running.handles == 0) {
                RUNNING.remove(running.options.dataDirectory());
                running.stop();
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedS3Server[" + running.endpoint + " -> " + running.options.dataDirectory() + "]";
    }

    /** One S3Proxy instance and its blob store. */
    private static final class Running {
        private final EmbeddedS3Options options;
        private final BlobStoreContext blobStoreContext;
        private final S3Proxy proxy;
        private final URI endpoint;
        private final int port;
        private volatile boolean started;
        private int handles;

        private Running(EmbeddedS3Options options, BlobStoreContext context, S3Proxy proxy) {
            this.options = options;
            this.blobStoreContext = context;
            this.proxy = proxy;
            this.port = proxy.getPort();
            this.endpoint = URI.create("http://" + hostForUri(options.host()) + ":" + port);
        }

        static Running start(EmbeddedS3Options options) throws IOException {
            QuietLogging.apply();
            Files.createDirectories(options.dataDirectory());
            Properties overrides = new Properties();
            overrides.setProperty(FilesystemConstants.PROPERTY_BASEDIR, options.dataDirectory().toString());
            BlobStoreContext context = ContextBuilder.newBuilder(new FilesystemApiMetadata())
                    .overrides(overrides)
                    .modules(List.of(new SLF4JLoggingModule()))
                    .buildView(BlobStoreContext.class);
            S3Proxy proxy = null;
            try {
                proxy = S3Proxy.builder()
                        .blobStore(new PrivateAccess(new ImplicitDirectoryFilter(context.getBlobStore())))
                        .endpoint(URI.create("http://" + hostForUri(options.host()) + ":" + options.port()))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, options.accessKey(), options.secretKey())
                        .build();
                proxy.start();
                awaitStarted(proxy);
            } catch (Exception e) {
                stopQuietly(proxy);
                context.close();
                throw new IOException("cannot start the embedded S3 server on " + options.host() + ":"
                                      + options.port() + ": " + e.getMessage(), e);
            }
            Running running = new Running(options, context, proxy);
            running.started = true;
            options.buckets().forEach(running::createBucket);
            publishPort(running.port);
            LOG.info("Embedded S3 server listening on {} ({}), buckets in {}; every request must be signed"
                    + " (AWS Signature V2/V4), anonymous requests are refused whatever the files' permissions",
                    running.endpoint, isLoopback(options.host()) ? "loopback only" : "reachable from the network",
                    options.dataDirectory());
            return running;
        }

        void checkCompatible(EmbeddedS3Options wanted) {
            boolean samePort = wanted.port() == 0 || wanted.port() == port;
            if (!samePort || !wanted.host().equals(options.host())
                || !wanted.accessKey().equals(options.accessKey())
                || !wanted.secretKey().equals(options.secretKey())) {
                throw new IllegalStateException("an embedded S3 server already serves " + options.dataDirectory()
                                                + " on " + endpoint + " with other settings; use the same host,"
                                                + " port and credentials, or another data directory");
            }
        }

        void createBucket(String name) {
            BlobStore store = blobStoreContext.getBlobStore();
            if (!store.containerExists(name)) {
                store.createContainerInLocation(null, name);
                LOG.debug("Created bucket {} in {}", name, options.dataDirectory());
            }
        }

        void stop() {
            started = false;
            stopQuietly(proxy);
            blobStoreContext.close();
            LOG.info("Embedded S3 server on {} stopped", endpoint);
        }

        private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
            // S3Proxy.start() returns once Jetty started; the state check guards against a failed connector
            for (int i = 0; i < 100 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(20);
            }
            if (!"STARTED".equals(proxy.getState())) {
                throw new IllegalStateException("S3Proxy state is " + proxy.getState());
            }
        }

        private static void stopQuietly(S3Proxy proxy) {
            if (proxy == null) {
                return;
            }
            try {
                proxy.stop();
            } catch (Exception e) {
                LOG.debug("Stopping S3Proxy failed", e);
            }
        }

        /** Tells the transfer-as2 server consumers that asynchronous MDNs must never be POSTed to this port. */
        private static synchronized void publishPort(int port) {
            String name = "transferas2.local-service-ports";
            String current = System.getProperty(name, "");
            if (!(("," + current + ",").contains("," + port + ","))) {
                System.setProperty(name, current.isEmpty() ? String.valueOf(port) : current + "," + port);
            }
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
                    || host.equals("[::1]");
        }

        private static String hostForUri(String host) {
            return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        }
    }
}
