package io.transferas2.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.AvailablePortFinder;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.Agreement;
import io.transferas2.model.As2ConnectorConfig;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.Connector;
import io.transferas2.model.ProfileType;
import io.transferas2.model.Server;
import io.transferas2.peers.PartnerIdentity;
import io.transferas2.peers.PeerIdentity;
import io.transferas2.peers.SendRequest;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.testsupport.Fixtures;
import io.transferas2.testsupport.TestKeys;

/**
 * A CamelContext with {@code from("transfer-as2:server/<ServerId>")} on a Vert.x platform-http server on a free
 * loopback port, a registry with our LOCAL profile MYCOMPANY and two partners (PARTNER and OTHER, each with an
 * ACTIVE agreement), and a route that lands every exchange the way the route pack will: payload, status JSON and MDN
 * as files under {@code root/<bucket>/<key>}. Every exchange is recorded.
 */
final class ServerHarness implements AutoCloseable {
    static final String LOCAL = "MYCOMPANY";
    static final String PARTNER = "PARTNER";
    static final String OTHER = "OTHER";

    final TransferRegistry registry = new TransferRegistry();
    final KeyMaterial localKey = TestKeys.key("server-local");
    final KeyMaterial partnerKey = TestKeys.key("server-partner");
    final KeyMaterial otherKey = TestKeys.key("server-other");
    final String localProfile;
    final String partnerProfile;
    final String otherProfile;
    final String serverId;
    final String agreementId;
    final String otherAgreementId;
    final Path root;
    final Path tempDir;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicReference<Consumer<Exchange>> routeHook = new AtomicReference<>(e -> { });
    final MemoryIdempotentRepository receivedIds = new MemoryIdempotentRepository();
    CamelContext context;
    int port;

    /** What the route saw for one exchange. */
    record Received(Map<String, Object> headers, long bodySize, String bodySha256, Path landed) {
        String header(String name) {
            Object v = headers.get(name);
            return v == null ? null : String.valueOf(v);
        }

        String status() {
            return header(TransferAs2Constants.STATUS_CODE);
        }

        String messageId() {
            return header(TransferAs2Constants.MESSAGE_ID);
        }
    }

    ServerHarness(Path root) {
        this.root = root;
        this.tempDir = root.resolve("tmp");
        String localSigning = registry.importCertificate(TestKeys.importInput(localKey, CertificateUsageType.SIGNING,
                true));
        String localEncryption = registry.importCertificate(TestKeys.importInput(localKey,
                CertificateUsageType.ENCRYPTION, true));
        localProfile = registry.createProfile(Fixtures.profile(ProfileType.LOCAL, LOCAL,
                List.of(localSigning, localEncryption)));
        partnerProfile = partnerProfile(PARTNER, partnerKey);
        otherProfile = partnerProfile(OTHER, otherKey);
        serverId = registry.createServer(new Server());
        agreementId = registry.createAgreement(agreement(partnerProfile, "/inbox/partner"));
        otherAgreementId = registry.createAgreement(agreement(otherProfile, "/inbox/other"));
        // our connector to PARTNER: its host is where PARTNER's async MDNs may be sent (the allow-list's default)
        Connector connector = new Connector();
        connector.setUrl("http://127.0.0.1:5080/as2");
        As2ConnectorConfig config = new As2ConnectorConfig();
        config.setLocalProfileId(localProfile);
        config.setPartnerProfileId(partnerProfile);
        connector.setAs2Config(config);
        registry.createConnector(connector);
    }

    /**
     * Records {@code url} as PARTNER's AS2 endpoint (a connector to it), so that async MDNs may be POSTed there: the
     * MDN URL policy allows a partner's connector host and port only (plus 80/443 on that host).
     */
    void partnerEndpoint(URI url) {
        Connector connector = new Connector();
        connector.setUrl(url.toString());
        As2ConnectorConfig config = new As2ConnectorConfig();
        config.setLocalProfileId(localProfile);
        config.setPartnerProfileId(partnerProfile);
        connector.setAs2Config(config);
        registry.createConnector(connector);
    }

    String partnerProfile(String as2Id, KeyMaterial key) {
        String signing = registry.importCertificate(TestKeys.importInput(key, CertificateUsageType.SIGNING, false));
        String encryption = registry.importCertificate(TestKeys.importInput(key, CertificateUsageType.ENCRYPTION,
                false));
        return registry.createProfile(Fixtures.profile(ProfileType.PARTNER, as2Id, List.of(signing, encryption)));
    }

    Agreement agreement(String partner, String baseDirectory) {
        Agreement a = new Agreement();
        a.setServerId(serverId);
        a.setLocalProfileId(localProfile);
        a.setPartnerProfileId(partner);
        a.setBaseDirectory(baseDirectory);
        return a;
    }

    /** Starts the context; {@code options} are extra endpoint options, e.g. {@code maxMessageSize=1000}. */
    ServerHarness start(String options) throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(conf));
        TransferAs2Component component = new TransferAs2Component();
        component.setRegistry(registry);
        context.addComponent("transfer-as2", component);
        context.getRegistry().bind("receivedIds", receivedIds);
        boolean ownFile = options != null && options.contains("receivedMessageIdsFile=");
        String uri = "transfer-as2:server/" + serverId + "?tempDirectory=" + tempDir
                + (ownFile ? "" : "&idempotentRepository=#receivedIds")
                + (options == null || options.isEmpty() ? "" : "&" + options);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("as2-server").process(ServerHarness.this::land);
            }
        });
        context.start();
        return this;
    }

    private void land(Exchange exchange) throws IOException {
        routeHook.get().accept(exchange);
        Map<String, Object> headers = new LinkedHashMap<>(exchange.getMessage().getHeaders());
        Path landed = null;
        long size = -1;
        String sha = null;
        String bucket = exchange.getMessage().getHeader(TransferAs2Constants.PAYLOAD_BUCKET, String.class);
        InputStream body = exchange.getMessage().getBody(InputStream.class);
        if (bucket != null) {
            landed = target(bucket, exchange.getMessage().getHeader(TransferAs2Constants.PAYLOAD_KEY, String.class));
            write(target(exchange, TransferAs2Constants.STATUS_BUCKET, TransferAs2Constants.STATUS_KEY),
                    exchange.getMessage().getHeader(TransferAs2Constants.STATUS_JSON, String.class)
                            .getBytes(StandardCharsets.UTF_8));
            byte[] mdn = exchange.getMessage().getHeader(TransferAs2Constants.MDN, byte[].class);
            if (mdn != null) {
                write(target(exchange, TransferAs2Constants.MDN_BUCKET, TransferAs2Constants.MDN_KEY), mdn);
            }
        }
        if (body != null) {
            MessageDigest digest = sha256();
            Path out = landed != null ? landed : Files.createTempFile(tempDir, "unlanded", ".bin");
            Files.createDirectories(out.getParent());
            try (InputStream in = new DigestInputStream(body, digest)) {
                size = Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            sha = HexFormat.of().formatHex(digest.digest());
            if (landed == null) {
                Files.delete(out);
            }
        }
        received.add(new Received(headers, size, sha, landed));
    }

    private Path target(Exchange exchange, String bucketHeader, String keyHeader) {
        return target(exchange.getMessage().getHeader(bucketHeader, String.class),
                exchange.getMessage().getHeader(keyHeader, String.class));
    }

    /** root/bucket/key, refusing anything that would leave root (the test fails then). */
    Path target(String bucket, String key) {
        Path p = root.resolve("s3").resolve(bucket).resolve(key).normalize();
        if (!p.startsWith(root.resolve("s3"))) {
            throw new IllegalStateException("target escapes the landing root: " + bucket + "/" + key);
        }
        return p;
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }

    /** Every landed file, relative to root/s3. */
    List<String> landedFiles() throws IOException {
        Path s3 = root.resolve("s3");
        if (!Files.exists(s3)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(s3)) {
            return files.filter(Files::isRegularFile).map(p -> s3.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    TransferAs2Component component() {
        return context.getComponent("transfer-as2", TransferAs2Component.class);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/as2");
    }

    PeerIdentity partner() {
        return new PeerIdentity(PARTNER, partnerKey.privateKey().orElseThrow(), partnerKey.certificate());
    }

    PeerIdentity other() {
        return new PeerIdentity(OTHER, otherKey.privateKey().orElseThrow(), otherKey.certificate());
    }

    PartnerIdentity us() {
        return new PartnerIdentity(LOCAL, localKey.certificate());
    }

    SendRequest.Builder request() {
        return SendRequest.builder(url(), partner(), us()).readTimeout(Duration.ofSeconds(30));
    }

    /** Waits for an exchange matching {@code filter}. */
    Received await(Predicate<Received> filter) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            for (Received r : received) {
                if (filter.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no exchange matched within 20 s; got " + received);
    }

    Received awaitMessage(String messageId) throws InterruptedException {
        return await(r -> messageId.equals(r.messageId()));
    }

    void reset() {
        received.clear();
        routeHook.set(e -> { });
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        if (context != null) {
            context.close();
        }
    }
}
