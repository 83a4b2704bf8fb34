package io.transferas2.routes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.main.Main;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.model.TransferJson;
import io.transferas2.registry.TransferRegistry;

/**
 * One AS2 station: the route pack ({@code routes/*.camel.yaml} and {@code routes/application.properties} of this
 * module, exactly as shipped) in Camel Main with the YAML DSL, on its own HTTP port, with its own registry file, over
 * the embedded S3 shared by every station of the test (one data directory). Events go to a seda queue the test
 * reads.
 */
final class Station implements AutoCloseable {
    static final String EVENTS = "seda:test-events?size=10000";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final int port;
    final Path workDir;
    private final Main main;

    private Station(String name, int port, Path workDir, Main main) {
        this.name = name;
        this.port = port;
        this.workDir = workDir;
        this.main = main;
    }

    /**
     * Starts a station.
     *
     * @param properties station properties on top of the pack's application.properties (server id, registry file,
     *                   ports, buckets...)
     */
    static Station start(String name, int port, Path workDir, Map<String, String> properties) throws Exception {
        Path routes = routesDir();
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:" + routes.toAbsolutePath() + "/*.camel.yaml");
        main.setPropertyPlaceholderLocations("file:" + routes.resolve("application.properties").toAbsolutePath());
        Map<String, String> all = new LinkedHashMap<>();
        all.put("camel.main.name", name);
        all.put("camel.server.port", Integer.toString(port));
        all.put("camel.server.host", "127.0.0.1");
        all.put("transferas2.events.endpoint", EVENTS);
        all.put("camel.component.transfer-as2.async-mdn-store-directory",
                workDir.resolve("pending-mdn").toString());
        all.put("camel.component.transfer-as2.configuration.received-message-ids-file",
                workDir.resolve("received-message-ids.dat").toString());
        all.put("camel.component.transfer-as2.configuration.temp-directory", workDir.resolve("tmp").toString());
        all.put("transferas2.outbox.seen-file", workDir.resolve("outbox-sent.dat").toString());
        all.put("camel.component.transfer-as2.store-directory", workDir.resolve("store").toString());
        all.putAll(properties);
        all.forEach(main::addOverrideProperty);
        main.start();
        if (main.getCamelContext() == null || !main.getCamelContext().isStarted()) {
            main.stop();
            throw new IllegalStateException("station " + name + " did not start");
        }
        return new Station(name, port, workDir, main);
    }

    static Path routesDir() {
        return Path.of(System.getProperty("transferas2.routes.dir", "."));
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    S3Client s3() {
        return context().getRegistry().lookupByNameAndType("s3Client", S3Client.class);
    }

    TransferRegistry registry() {
        return context().getComponent("transfer-as2", TransferAs2Component.class).transferRegistry();
    }

    void put(String bucket, String key, Path file) {
        s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
    }

    void put(String bucket, String key, String content) {
        s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    String read(String bucket, String key) {
        return s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    /** Keys under a prefix (recursively). */
    List<String> list(String bucket, String prefix) {
        return s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    /** The trigger token of stations that set one (transferas2.trigger.token); the others ignore it. */
    static final String TRIGGER_TOKEN = "trigger-token-3f1c9a7e5b";

    /** POSTs a StartFileTransfer request to the HTTP trigger. */
    HttpResponse<String> trigger(String json) throws IOException, InterruptedException {
        return trigger(json, TRIGGER_TOKEN);
    }

    /** POSTs a StartFileTransfer request with the given bearer token (none when null). */
    HttpResponse<String> trigger(String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/transfers"))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a transfer through the HTTP trigger and returns its TransferId. */
    String startFileTransfer(String connectorId, String... paths) throws IOException, InterruptedException {
        StringBuilder json = new StringBuilder("{\"ConnectorId\":\"" + connectorId + "\",\"SendFilePaths\":[");
        for (int i = 0; i < paths.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(paths[i]).append('"');
        }
        HttpResponse<String> response = trigger(json.append("]}").toString());
        if (response.statusCode() != 200) {
            throw new AssertionError("trigger answered " + response.statusCode() + ": " + response.body());
        }
        return TransferJson.wire().readTree(response.body()).path("TransferId").asText();
    }

    /** The events sent so far, parsed. */
    List<JsonNode> events() throws IOException {
        SedaEndpoint endpoint = context().getEndpoint(EVENTS, SedaEndpoint.class);
        List<JsonNode> events = new ArrayList<>();
        for (Exchange e : endpoint.getExchanges()) {
            events.add(TransferJson.json().readTree(e.getMessage().getBody(String.class)));
        }
        return events;
    }

    /** The event of this detail-type whose detail field has the value, once it has been sent. */
    Optional<JsonNode> event(String detailType, String field, String value) throws IOException {
        return events().stream()
                .filter(e -> e.path("detail-type").asText().equals(detailType))
                .filter(e -> e.path("detail").path(field).asText().equals(value))
                .findFirst();
    }

    /** A counter's value (0 when it was never incremented). */
    double counter(String name, String tagKey, String tagValue) {
        MeterRegistry registry = context().getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            registry = context().getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        }
        Counter counter = Search.in(registry).name(name).tag(tagKey, tagValue).counter();
        return counter == null ? 0 : counter.count();
    }

    Path dataFile(Path s3DataDir, String bucket, String key) {
        return s3DataDir.resolve(bucket).resolve(key);
    }

    boolean exists(String bucket, String key) {
        try {
            s3().headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public void close() {
        main.stop();
    }
}
