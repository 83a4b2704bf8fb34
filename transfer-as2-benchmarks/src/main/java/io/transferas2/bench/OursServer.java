package io.transferas2.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import io.vertx.core.VertxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.s3.EmbeddedS3Options;
import io.transferas2.s3.S3Access;
import io.transferas2.s3.S3Settings;

/**
 * Our receiving side in one JVM: {@code from("transfer-as2:server/<ServerId>")} on camel-platform-http's Vert.x
 * server bound to 127.0.0.1, with the component's defaults (file-backed duplicate detection included), and a route
 * into the sink: {@code memory} ({@link Sink}) or {@code s3} (camel-aws2-s3 into the embedded S3 server in the same
 * JVM, the payload's landing bucket and key).
 */
final class OursServer implements AutoCloseable {
    /** Above the largest transfer the benchmark offers (10 GB) plus the AS2 wrapping. */
    private static final long MAX_MESSAGE_SIZE = 16L << 30;
    private final CamelContext context = new DefaultCamelContext();
    private final Sink memory = new Sink();
    private S3Access s3;
    private String url;

    void start(BenchKeys keys, Path work, String sink, int vertxWorkers) throws Exception {
        OurRegistry registry = OurRegistry.receiver(keys);
        int port = freePort();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(port);
        if (vertxWorkers > 0) {
            // the route runs on Vert.x worker threads (20 by default); VertxPlatformHttpServer reads this bean
            context.getRegistry().bind("vertxOptions", new VertxOptions().setWorkerPoolSize(vertxWorkers));
        }
        context.addService(new VertxPlatformHttpServer(conf));
        TransferAs2Component component = new TransferAs2Component();
        component.setRegistry(registry.registry);
        // received Message-IDs live in the transfer store: one per server process
        component.setStoreDirectory(work.resolve("store").toString());
        context.addComponent("transfer-as2", component);
        if (sink.equals("s3")) {
            s3 = S3Access.open(S3Settings.fromProperties(s3Properties(work)));
            context.getRegistry().bind("s3", s3.client());
        }
        String from = "transfer-as2:server/" + registry.serverId + "?tempDirectory=" + work.resolve("tmp")
                // every benchmark client comes from 127.0.0.1 at up to c=32: the per-client and overall request
                // caps (slow-loris defence, 4 and 12 by default) would answer 503
                + "&maxConcurrentRequestsPerClient=0&maxConcurrentRequests=0"
                // the default limit is 2 GiB (413 above); --large-10g sends 10 GiB
                + "&maxMessageSize=" + MAX_MESSAGE_SIZE;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (sink.equals("s3")) {
                    from(from).routeId("bench-server").process(OursServer::s3Headers).process(e -> memory.received
                            .incrementAndGet()).to("aws2-s3://" + OurRegistry.BUCKET
                            + "?amazonS3Client=#s3&autoCreateBucket=false");
                } else {
                    from(from).routeId("bench-server").process(memory);
                }
            }
        });
        context.start();
        url = "http://127.0.0.1:" + port + "/as2";
    }

    private static java.util.Properties s3Properties(Path work) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty(S3Settings.MODE, "embedded");
        p.setProperty(S3Settings.EMBEDDED_DATA_DIR, work.resolve("s3").toString());
        p.setProperty(S3Settings.EMBEDDED_BUCKETS, OurRegistry.BUCKET);
        p.setProperty(S3Settings.ACCESS_KEY, EmbeddedS3Options.DEFAULT_ACCESS_KEY);
        p.setProperty(S3Settings.SECRET_KEY, EmbeddedS3Options.DEFAULT_SECRET_KEY);
        return p;
    }

    /** Lands where AWS would: the consumer's payload bucket and key; the length so the SDK streams the file. */
    private static void s3Headers(Exchange e) {
        var m = e.getMessage();
        m.setHeader(AWS2S3Constants.OVERRIDE_BUCKET_NAME, m.getHeader(TransferAs2Constants.PAYLOAD_BUCKET));
        m.setHeader(AWS2S3Constants.KEY, m.getHeader(TransferAs2Constants.PAYLOAD_KEY));
        if (m.getBody() instanceof StreamCache cache && cache.length() > 0) {
            m.setHeader(AWS2S3Constants.CONTENT_LENGTH, cache.length());
        }
    }

    String url() {
        return url;
    }

    Map<String, Object> stats() {
        return Map.of("received", memory.received.get(), "bytes", memory.bytes.get());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        context.stop();
        if (s3 != null) {
            s3.close();
        }
    }
}
