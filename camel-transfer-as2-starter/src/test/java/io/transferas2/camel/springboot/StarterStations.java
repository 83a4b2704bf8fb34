package io.transferas2.camel.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.peers.As2LibReceiver;
import io.transferas2.peers.PeerIdentity;
import io.transferas2.peers.PemFiles;
import io.transferas2.peers.ServerOptions;

/**
 * The two stations of the starter test, made once per JVM: MYCOMPANY is the Spring Boot application (HTTPS with a
 * server certificate made here, registry in AWS's shapes referring to PEM files); PARTNER is as2-lib's receiver (the
 * application's connector sends to it) and a plain CamelContext whose connector sends to the application over HTTPS,
 * trusting the application's certificate because MYCOMPANY's partner profile lists it with Usage TLS, as in AWS.
 */
final class StarterStations {
    static final String SERVER_ID = "s-0a1b2c3d4e5f60719";
    static final String AGREEMENT_ID = "a-0a1b2c3d4e5f60719";
    static final String CONNECTOR_ID = "c-0a1b2c3d4e5f60719";
    static final String PARTNER_CONNECTOR_ID = "c-2a1b2c3d4e5f60719";

    private static StarterStations instance;

    final Path dir;
    final Path keys;
    final PeerIdentity mycompany = PeerIdentity.generate("MYCOMPANY");
    final PeerIdentity partner = PeerIdentity.generate("PARTNER");
    /** The application's HTTPS server certificate (names localhost and 127.0.0.1). */
    final PeerIdentity tls = PeerIdentity.generate("station-tls");
    final As2LibReceiver partnerServer;
    final int port;
    private CamelContext partnerContext;

    private StarterStations(Path dir) throws IOException {
        this.dir = dir;
        keys = dir.resolve("keys");
        PemFiles.writeIdentity(keys, mycompany);
        PemFiles.writeIdentity(keys, partner);
        PemFiles.writeIdentity(keys, tls);
        partnerServer = As2LibReceiver.start(ServerOptions.builder(partner, mycompany.asPartner()).build());
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        write("application-registry.yaml", """
                Certificates:
                  - {CertificateId: cert-00000000000000001, Usage: SIGNING, Certificate: "file:%1$s/MYCOMPANY.crt",
                     PrivateKey: "file:%1$s/MYCOMPANY.key"}
                  - {CertificateId: cert-00000000000000002, Usage: ENCRYPTION, Certificate: "file:%1$s/MYCOMPANY.crt",
                     PrivateKey: "file:%1$s/MYCOMPANY.key"}
                  - {CertificateId: cert-00000000000000003, Usage: SIGNING, Certificate: "file:%1$s/PARTNER.crt"}
                  - {CertificateId: cert-00000000000000004, Usage: ENCRYPTION, Certificate: "file:%1$s/PARTNER.crt"}
                Profiles:
                  - {ProfileId: p-00000000000000001, ProfileType: LOCAL, As2Id: MYCOMPANY,
                     CertificateIds: [cert-00000000000000001, cert-00000000000000002]}
                  - {ProfileId: p-00000000000000002, ProfileType: PARTNER, As2Id: PARTNER,
                     CertificateIds: [cert-00000000000000003, cert-00000000000000004]}
                Servers:
                  - ServerId: %2$s
                Agreements:
                  - {AgreementId: %3$s, ServerId: %2$s, LocalProfileId: p-00000000000000001,
                     PartnerProfileId: p-00000000000000002, BaseDirectory: /inbox/partner}
                Connectors:
                  - ConnectorId: %4$s
                    Url: %5$s
                    As2Config: {LocalProfileId: p-00000000000000001, PartnerProfileId: p-00000000000000002,
                                MdnResponse: SYNC}
                """.formatted(keys, SERVER_ID, AGREEMENT_ID, CONNECTOR_ID, partnerServer.url()));
        write("partner-registry.yaml", """
                Certificates:
                  - {CertificateId: cert-10000000000000001, Usage: SIGNING, Certificate: "file:%1$s/PARTNER.crt",
                     PrivateKey: "file:%1$s/PARTNER.key"}
                  - {CertificateId: cert-10000000000000002, Usage: ENCRYPTION, Certificate: "file:%1$s/PARTNER.crt",
                     PrivateKey: "file:%1$s/PARTNER.key"}
                  - {CertificateId: cert-10000000000000003, Usage: SIGNING, Certificate: "file:%1$s/MYCOMPANY.crt"}
                  - {CertificateId: cert-10000000000000004, Usage: ENCRYPTION, Certificate: "file:%1$s/MYCOMPANY.crt"}
                  - {CertificateId: cert-10000000000000005, Usage: TLS, Certificate: "file:%1$s/station-tls.crt"}
                Profiles:
                  - {ProfileId: p-10000000000000001, ProfileType: LOCAL, As2Id: PARTNER,
                     CertificateIds: [cert-10000000000000001, cert-10000000000000002]}
                  - {ProfileId: p-10000000000000002, ProfileType: PARTNER, As2Id: MYCOMPANY,
                     CertificateIds: [cert-10000000000000003, cert-10000000000000004, cert-10000000000000005]}
                Connectors:
                  - ConnectorId: %2$s
                    Url: %3$s
                    As2Config: {LocalProfileId: p-10000000000000001, PartnerProfileId: p-10000000000000002,
                                MdnResponse: SYNC, SigningAlgorithm: SHA256, EncryptionAlgorithm: AES256_CBC}
                """.formatted(keys, PARTNER_CONNECTOR_ID, applicationUrl()));
    }

    static synchronized StarterStations get() {
        if (instance == null) {
            try {
                Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
                instance = new StarterStations(Files.createTempDirectory(tmp, "starter"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    /** Nothing but Spring Boot's HTTPS settings and the starter's camel.component.transfer-as2.* options. */
    static void properties(DynamicPropertyRegistry registry) {
        StarterStations s = get();
        registry.add("server.port", () -> s.port);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("server.ssl.certificate", () -> "file:" + s.keys.resolve("station-tls.crt"));
        registry.add("server.ssl.certificate-private-key", () -> "file:" + s.keys.resolve("station-tls.key"));
        registry.add("camel.component.transfer-as2.registry-file",
                () -> s.dir.resolve("application-registry.yaml").toString());
        registry.add("camel.component.transfer-as2.async-mdn-store-directory",
                () -> s.dir.resolve("pending-mdn").toString());
        registry.add("camel.component.transfer-as2.store-directory", () -> s.dir.resolve("store").toString());
        registry.add("station.server-id", () -> SERVER_ID);
        registry.add("station.landing-dir", () -> s.dir.resolve("landing").toString());
        registry.add("management.endpoints.web.exposure.include", () -> "health");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    URI applicationUrl() {
        return URI.create("https://127.0.0.1:" + port + "/as2");
    }

    /** PARTNER's own Camel context: its connector sends to the application. */
    synchronized CamelContext partnerContext() throws Exception {
        if (partnerContext == null) {
            CamelContext context = new DefaultCamelContext();
            TransferAs2Component component = new TransferAs2Component();
            component.setRegistryFile(dir.resolve("partner-registry.yaml").toString());
            component.setAsyncMdnStoreDirectory(dir.resolve("partner-pending").toString());
            context.addComponent("transfer-as2", component);
            context.start();
            partnerContext = context;
        }
        return partnerContext;
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
    }

    private synchronized void close() {
        try {
            if (partnerContext != null) {
                partnerContext.stop();
            }
        } finally {
            partnerServer.close();
        }
    }
}
