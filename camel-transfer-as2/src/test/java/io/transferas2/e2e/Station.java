package io.transferas2.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
import io.transferas2.registry.TransferRegistry;
import io.transferas2.testsupport.Fixtures;
import io.transferas2.testsupport.TestKeys;

/**
 * One AS2 station, as a user would run it: its own CamelContext, registry, keys and Vert.x platform-http server on a
 * free loopback port; {@code from("transfer-as2:server/...")} landing every exchange under {@code root}, and
 * {@code direct:send} into {@code transfer-as2:connector/...}. Two stations trade with each other over real HTTP.
 */
final class Station implements AutoCloseable {
    final String as2Id;
    final KeyMaterial key;
    final TransferRegistry registry = new TransferRegistry();
    final Path root;
    final int port = AvailablePortFinder.getNextAvailable();
    final String localProfile;
    final String serverId;
    final BlockingQueue<Landed> landed = new LinkedBlockingQueue<>();
    private final MemoryIdempotentRepository receivedIds = new MemoryIdempotentRepository();
    /** How long the server route takes to "store" a payload, to make senders time out. */
    volatile long storeDelayMillis;
    String partnerProfile;
    String agreementId;
    CamelContext context;

    /** One exchange the server route saw, with its payload copied to {@code file} (null without payload). */
    record Landed(Map<String, Object> headers, Path file) {
        String header(String name) {
            Object value = headers.get(name);
            return value == null ? null : String.valueOf(value);
        }
    }

    Station(String as2Id, KeyMaterial key, Path root) {
        this.as2Id = as2Id;
        this.key = key;
        this.root = root;
        String signing = registry.importCertificate(TestKeys.importInput(key, CertificateUsageType.SIGNING, true));
        String encryption = registry.importCertificate(TestKeys.importInput(key, CertificateUsageType.ENCRYPTION,
                true));
        localProfile = registry.createProfile(Fixtures.profile(ProfileType.LOCAL, as2Id, List.of(signing, encryption)));
        serverId = registry.createServer(new Server());
    }

    String url() {
        return "http://127.0.0.1:" + port + "/as2";
    }

    /** Knows the other station as a partner: its certificates and an agreement to receive from it. */
    void trade(Station partner, KeyMaterial partnerSigningKey) {
        String signing = registry.importCertificate(TestKeys.importInput(partnerSigningKey,
                CertificateUsageType.SIGNING, false));
        String encryption = registry.importCertificate(TestKeys.importInput(partner.key,
                CertificateUsageType.ENCRYPTION, false));
        partnerProfile = registry.createProfile(Fixtures.profile(ProfileType.PARTNER, partner.as2Id,
                List.of(signing, encryption)));
        Agreement agreement = new Agreement();
        agreement.setServerId(serverId);
        agreement.setLocalProfileId(localProfile);
        agreement.setPartnerProfileId(partnerProfile);
        agreement.setBaseDirectory("/inbox/" + partner.as2Id.toLowerCase());
        agreementId = registry.createAgreement(agreement);
    }

    /** A connector to the partner station; {@code config} adjusts its As2Config. */
    String connectorTo(Station partner, java.util.function.Consumer<As2ConnectorConfig> config) {
        Connector connector = new Connector();
        connector.setUrl(partner.url());
        As2ConnectorConfig as2 = new As2ConnectorConfig();
        as2.setLocalProfileId(localProfile);
        as2.setPartnerProfileId(partnerProfile);
        config.accept(as2);
        connector.setAs2Config(as2);
        return registry.createConnector(connector);
    }

    Station start() throws Exception {
        context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(http));
        TransferAs2Component component = new TransferAs2Component();
        component.setRegistry(registry);
        component.setAsyncMdnStoreDirectory(root.resolve("pending").toString());
        component.setStoreDirectory(root.resolve("store").toString());
        context.addComponent("transfer-as2", component);
        context.getRegistry().bind("receivedIds", receivedIds);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("transfer-as2:server/" + serverId + "?idempotentRepository=#receivedIds&tempDirectory="
                     + root.resolve("tmp")).routeId(as2Id + "-server").process(Station.this::land);
                from("direct:send").routeId(as2Id + "-send").toD("transfer-as2:connector/${header.connector}");
            }
        });
        context.start();
        return this;
    }

    private void land(Exchange exchange) throws IOException, InterruptedException {
        Thread.sleep(storeDelayMillis);
        Map<String, Object> headers = new LinkedHashMap<>(exchange.getMessage().getHeaders());
        Path file = null;
        InputStream body = exchange.getMessage().getBody(InputStream.class);
        if (body != null) {
            file = Files.createTempFile(Files.createDirectories(root.resolve("landed")), "payload", ".bin");
            try (InputStream in = body) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        landed.add(new Landed(headers, file));
    }

    /** Sends a payload through a connector; the exchange comes back with the producer's result. */
    Exchange send(String connectorId, Object body, String fileName) {
        return context.createProducerTemplate().request("direct:send", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader("connector", connectorId);
            e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, fileName);
        });
    }

    /** The next exchange the server route sees. */
    Landed next() throws InterruptedException {
        Landed next = landed.poll(20, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError(as2Id + "'s server route saw nothing within 20 s");
        }
        return next;
    }

    @Override
    public void close() throws Exception {
        if (context != null) {
            context.close();
        }
    }
}
