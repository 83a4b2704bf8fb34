package io.transferas2.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import io.transferas2.peers.PeerIdentity;
import io.transferas2.peers.PemFiles;

/**
 * Keys and registry files of the two stations the tests run: MYCOMPANY (the Spring Boot application) and PARTNER
 * (the test, with our producer or a peer). Keys are generated per test JVM; the registries are YAML in AWS's shapes,
 * referring to the PEM files with {@code file:}, as a user would write them.
 */
final class Stations {
    static final String MYCOMPANY = "MYCOMPANY";
    static final String PARTNER = "PARTNER";
    static final String SERVER_ID = "s-0a1b2c3d4e5f60718";
    static final String AGREEMENT_ID = "a-0a1b2c3d4e5f60718";
    /** The application's connector to PARTNER, SYNC MDN. */
    static final String CONNECTOR_ID = "c-0a1b2c3d4e5f60718";
    /** The application's connector to PARTNER, ASYNC MDN back to the application's own server. */
    static final String ASYNC_CONNECTOR_ID = "c-1a1b2c3d4e5f60718";
    /** PARTNER's connector to the application. */
    static final String PARTNER_CONNECTOR_ID = "c-2a1b2c3d4e5f60718";
    /** The agreement's BaseDirectory: payloads land under landing/inbox/partner/processed/. */
    static final String BASE_DIRECTORY = "/inbox/partner";

    final Path dir;
    final PeerIdentity mycompany;
    final PeerIdentity partner;

    private Stations(Path dir, PeerIdentity mycompany, PeerIdentity partner) {
        this.dir = dir;
        this.mycompany = mycompany;
        this.partner = partner;
    }

    static Stations create(Path dir) throws IOException {
        Stations stations = new Stations(dir, PeerIdentity.generate(MYCOMPANY), PeerIdentity.generate(PARTNER));
        PemFiles.writeIdentity(dir.resolve("keys"), stations.mycompany);
        PemFiles.writeIdentity(dir.resolve("keys"), stations.partner);
        return stations;
    }

    /**
     * The application's registry: its own profile with key, PARTNER's with certificates, the server, the agreement
     * and two connectors to PARTNER's server at {@code partnerUrl}.
     */
    Path writeApplicationRegistry(URI partnerUrl, URI applicationUrl) throws IOException {
        String yaml = """
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
                     PartnerProfileId: p-00000000000000002, BaseDirectory: %4$s}
                Connectors:
                  - ConnectorId: %5$s
                    Url: %6$s
                    As2Config: {LocalProfileId: p-00000000000000001, PartnerProfileId: p-00000000000000002,
                                MdnResponse: SYNC}
                  - ConnectorId: %7$s
                    Url: %6$s
                    As2Config: {LocalProfileId: p-00000000000000001, PartnerProfileId: p-00000000000000002,
                                MdnResponse: ASYNC, AsyncMdnConfig: {Url: "%8$s", ServerIds: [%2$s]}}
                """.formatted(dir.resolve("keys"), SERVER_ID, AGREEMENT_ID, BASE_DIRECTORY, CONNECTOR_ID, partnerUrl,
                ASYNC_CONNECTOR_ID, applicationUrl);
        return write("application-registry.yaml", yaml);
    }

    /** PARTNER's registry for our producer in the test: one connector to the application's server. */
    Path writePartnerRegistry(URI applicationUrl) throws IOException {
        String yaml = """
                Certificates:
                  - {CertificateId: cert-10000000000000001, Usage: SIGNING, Certificate: "file:%1$s/PARTNER.crt",
                     PrivateKey: "file:%1$s/PARTNER.key"}
                  - {CertificateId: cert-10000000000000002, Usage: ENCRYPTION, Certificate: "file:%1$s/PARTNER.crt",
                     PrivateKey: "file:%1$s/PARTNER.key"}
                  - {CertificateId: cert-10000000000000003, Usage: SIGNING, Certificate: "file:%1$s/MYCOMPANY.crt"}
                  - {CertificateId: cert-10000000000000004, Usage: ENCRYPTION, Certificate: "file:%1$s/MYCOMPANY.crt"}
                Profiles:
                  - {ProfileId: p-10000000000000001, ProfileType: LOCAL, As2Id: PARTNER,
                     CertificateIds: [cert-10000000000000001, cert-10000000000000002]}
                  - {ProfileId: p-10000000000000002, ProfileType: PARTNER, As2Id: MYCOMPANY,
                     CertificateIds: [cert-10000000000000003, cert-10000000000000004]}
                Connectors:
                  - ConnectorId: %2$s
                    Url: %3$s
                    As2Config: {LocalProfileId: p-10000000000000001, PartnerProfileId: p-10000000000000002,
                                MdnResponse: SYNC, SigningAlgorithm: SHA256, EncryptionAlgorithm: AES256_CBC}
                """.formatted(dir.resolve("keys"), PARTNER_CONNECTOR_ID, applicationUrl);
        return write("partner-registry.yaml", yaml);
    }

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }
}
