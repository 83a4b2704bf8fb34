package io.transferas2.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.transfer.TransferClient;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.TransferJson;
import io.transferas2.s3.EmbeddedS3Options;
import io.transferas2.s3.S3Access;
import io.transferas2.s3.S3Settings;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MYCOMPANY as a cluster: N station JVMs of the route pack ({@link ChildStation}, killable with SIGKILL) sharing one
 * real PostgreSQL (zonky's binaries, a server process of its own) and one S3 server; the registry lives in the
 * database, seeded from MYCOMPANY's registry file by the first node. PARTNER is one station in the test JVM, on the
 * same S3 server. Nodes are named {@code node-1}, {@code node-2}, ... (recorded with every claim in the store).
 * <p>
 * MYCOMPANY has, beside {@link TwoStations}' connectors, {@link #A_ASYNC}: ASYNC MDN to {@link #mdnProxy}, a real
 * HTTP hop that holds the MDN until the test points it at the node that did not send the file.
 */
final class Cluster implements AutoCloseable {
    static final String KEY_ID = "AKIACLUSTERTEST00001";
    static final String SECRET = "clusterTestSecret/0123456789+abcdefghij";
    static final String A_ASYNC = TwoStations.id("c-", 0xa6);
    private static final String S3_KEY = "cluster-s3-access";
    private static final String S3_SECRET = "cluster-s3-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final Path dir;
    private final int pgPort;
    private final Path pgData;
    EmbeddedPostgres postgres;
    final S3Access s3;
    final PartnerProxy mdnProxy;
    final Station partner;
    final int partnerPort;
    final int[] ports;
    final ChildStation[] nodes;
    private final Map<String, String>[] nodeProps;

    @SuppressWarnings("unchecked")
    private Cluster(Path dir, int size, Map<String, String> extra) throws Exception {
        this.dir = dir;
        Path keys = dir.resolve("keys");
        for (String name : new String[] {"mycompany", "partner", "stranger"}) {
            StationKeys.write(keys, name, true);
        }
        StationKeys.write(keys, "impostor", false);
        pgPort = Ports.distinct();
        pgData = Files.createDirectories(dir.resolve("postgres"));
        postgres = startDatabase();
        s3 = S3Access.open(S3Settings.embedded(EmbeddedS3Options.builder().dataDirectory(dir.resolve("s3"))
                .bucket(A_BUCKET).bucket(B_BUCKET).credentials(S3_KEY, S3_SECRET).build()));
        ports = new int[size];
        for (int i = 0; i < size; i++) {
            ports[i] = Ports.distinct();
        }
        partnerPort = Ports.distinct();
        mdnProxy = PartnerProxy.holding(url(0));
        Path registryA = dir.resolve("mycompany.registry.yaml");
        Files.writeString(registryA, TwoStations.registryA(partnerPort, Ports.distinct()) + asyncConnector());
        Path registryB = dir.resolve("partner.registry.yaml");
        Files.writeString(registryB, TwoStations.registryB(ports[0], partnerPort));

        Map<String, String> partnerProps = new LinkedHashMap<>(TwoStations.props(registryB, TwoStations.B_SERVER,
                B_BUCKET, dir.resolve("unused-s3"), s3Client()));
        // every node comes from 127.0.0.1: room for all of them at once
        partnerProps.put("camel.component.transfer-as2.configuration.max-concurrent-requests-per-client", "10");
        // the MDN of A_ASYNC goes to the proxy's port on the partner's connector host
        partnerProps.put("camel.component.transfer-as2.configuration.async-mdn-allowed-ports",
                Integer.toString(URI.create(mdnProxy.url()).getPort()));
        partner = Station.start("PARTNER", partnerPort, Files.createDirectories(dir.resolve("partner")),
                partnerProps);

        nodes = new ChildStation[size];
        nodeProps = new Map[size];
        for (int i = 0; i < size; i++) {
            Map<String, String> p = new LinkedHashMap<>(TwoStations.props(registryA, TwoStations.A_SERVER, A_BUCKET,
                    dir.resolve("unused-s3"), s3Client()));
            p.put("camel.component.transfer-as2.store-url", postgres.getJdbcUrl("postgres", "postgres"));
            p.put("camel.component.transfer-as2.store-user", "postgres");
            p.put("camel.component.transfer-as2.store-pool-size", "5");
            p.put("camel.component.transfer-as2.node-name", "node-" + (i + 1));
            p.put("camel.component.transfer-as2.transfer-lease", "3000");
            p.put("camel.component.transfer-as2.transfer-poll-interval", "500");
            // a partner refuses what is beyond its per-client limit with 503: sends retried, as a cluster should be
            p.put("camel.component.transfer-as2.max-concurrent-transfers-per-connector", "2");
            p.put("camel.component.transfer-as2.retry-max-attempts", "5");
            p.put("camel.component.transfer-as2.retry-initial-delay", "1000");
            p.put("transferas2.api.enabled", "true");
            p.put("camel.component.transfer-as2.access-keys", KEY_ID + ":" + SECRET);
            p.put("transferas2.events.endpoint", "log:transfer-as2.events?level=INFO");
            p.putAll(extra);
            nodeProps[i] = p;
        }
        // in parallel, as a cluster starts: whichever node comes first seeds the registry
        ExecutorService starter = Executors.newFixedThreadPool(size);
        try {
            List<Future<ChildStation>> started = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int n = i;
                started.add(starter.submit(() -> ChildStation.start("MYCOMPANY", ports[n],
                        dir.resolve("node-" + (n + 1)), nodeProps[n], "run-1")));
            }
            for (int i = 0; i < size; i++) {
                nodes[i] = started.get(i).get();
            }
        } finally {
            starter.shutdown();
        }
    }

    /** Starts PostgreSQL on the cluster's port and data directory (kept across a stop). */
    private EmbeddedPostgres startDatabase() throws java.io.IOException {
        return EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(pgData).setCleanDataDirectory(false)
                .start();
    }

    /** Stops PostgreSQL (its data stays). */
    void stopDatabase() throws java.io.IOException {
        postgres.close();
    }

    /** Starts PostgreSQL again on the same port and data. */
    void restartDatabase() throws java.io.IOException {
        postgres = startDatabase();
    }

    static Cluster start(Path dir, int size, Map<String, String> extraNodeProps) throws Exception {
        return new Cluster(dir, size, extraNodeProps);
    }

    private Map<String, String> s3Client() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("s3.endpoint", s3.embeddedServer().orElseThrow().endpoint().toString());
        p.put("s3.path-style", "true");
        p.put("s3.access-key", S3_KEY);
        p.put("s3.secret-key", S3_SECRET);
        p.put("s3.checksums", "when-required");
        return p;
    }

    private String asyncConnector() {
        return """
            ---
            Connectors:
              - ConnectorId: %s
                Url: http://127.0.0.1:%d/as2
                As2Config: {LocalProfileId: %s, PartnerProfileId: %s, SigningAlgorithm: SHA256,
                            MdnSigningAlgorithm: SHA256, MdnResponse: ASYNC,
                            AsyncMdnConfig: {Url: "%s", ServerIds: [%s]}}
            """.formatted(A_ASYNC, partnerPort, TwoStations.id("p-", 0xa1), TwoStations.id("p-", 0xa2),
                mdnProxy.url(), TwoStations.A_SERVER);
    }

    /** The AS2 URL of node {@code i} (0-based). */
    String url(int i) {
        return "http://127.0.0.1:" + ports[i] + "/as2";
    }

    /** Starts node {@code i} again after a kill. */
    void restart(int i, String run) throws Exception {
        nodes[i].close();
        nodes[i] = ChildStation.start("MYCOMPANY", ports[i], dir.resolve("node-" + (i + 1)), nodeProps[i], run);
    }

    TransferClient api(int i) {
        return TransferClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + ports[i] + "/"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                .build();
    }

    /** POSTs a StartFileTransfer request to node {@code i}'s HTTP trigger; returns the HTTP response. */
    HttpResponse<String> trigger(int i, String connectorId, List<String> paths) throws Exception {
        StringBuilder json = new StringBuilder("{\"ConnectorId\":\"" + connectorId + "\",\"SendFilePaths\":[");
        for (int k = 0; k < paths.size(); k++) {
            json.append(k == 0 ? "" : ",").append('"').append(paths.get(k)).append('"');
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[i] + "/transfers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.append("]}").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a transfer through node {@code i}; returns its TransferId. */
    String startFileTransfer(int i, String connectorId, List<String> paths) throws Exception {
        HttpResponse<String> response = trigger(i, connectorId, paths);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TransferJson.wire().readTree(response.body()).path("TransferId").asText();
    }

    /** PARTNER sends a small file with a fixed Message-ID to the node at {@code url}; returns the MDN's disposition. */
    String partnerSends(String url, String messageId, String body) {
        Exchange done = partnerExchange(url, messageId, body);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID)).isEqualTo(messageId);
        return done.getMessage().getHeader(TransferAs2Constants.DISPOSITION, String.class);
    }

    /** The exchange of PARTNER's send (its exception set when the node refused it). */
    Exchange partnerExchange(String url, String messageId, String body) {
        var update = new io.transferas2.model.Connector();
        update.setConnectorId(TwoStations.B_TO_A);
        update.setUrl(url);
        var config = new io.transferas2.model.As2ConnectorConfig();
        config.setMdnResponse(io.transferas2.model.MdnResponse.SYNC);
        update.setAs2Config(config);
        partner.registry().updateConnector(update);
        ProducerTemplate template = partner.context().createProducerTemplate();
        Exchange done = template.send("transfer-as2:connector/" + TwoStations.B_TO_A, e -> {
            e.setProperty("CamelTransferAs2Resend." + TwoStations.B_TO_A, "t-cluster " + messageId);
            e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, "resend.x12");
            e.getMessage().setBody(body);
        });
        return done;
    }

    /** GET of a node's HTTP path (health: /observe/health). */
    HttpResponse<String> get(int i, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[i] + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Lines of every node's log (this run and earlier ones) with an event of {@code detailType} naming {@code text}. */
    List<String> eventLines(String detailType, String text) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            try (var logs = Files.list(dir.resolve("node-" + (i + 1)))) {
                for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                    for (String line : Files.readAllLines(log)) {
                        if (line.contains("transfer-as2.events") && line.contains(detailType) && line.contains(text)) {
                            lines.add(line);
                        }
                    }
                }
            }
        }
        return lines;
    }

    /** One column of rows of the shared store. */
    List<String> query(String sql, Object... args) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    /** Payload objects (not status or MDN files) under a prefix whose content starts with {@code marker}. */
    List<String> payloads(String bucket, String prefix, String marker) {
        List<String> found = new ArrayList<>();
        for (String key : partner.list(bucket, prefix)) {
            if (!key.endsWith(".json") && !key.endsWith(".mdn")) {
                String content = partner.read(bucket, key);
                if (content.startsWith(marker)) {
                    found.add(content);
                }
            }
        }
        return found;
    }

    @Override
    public void close() throws Exception {
        for (ChildStation node : nodes == null ? new ChildStation[0] : nodes) {
            if (node != null) {
                node.close();
            }
        }
        partner.close();
        mdnProxy.close();
        s3.close();
        postgres.close();
    }
}
