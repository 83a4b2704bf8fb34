package io.transferas2.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MYCOMPANY and PARTNER, two stations of the route pack trading with each other over loopback HTTP and one embedded
 * S3 (data directory shared, buckets {@value #A_BUCKET} and {@value #B_BUCKET}). Registries are YAML files in AWS's
 * shapes, written here with generated keys:
 *
 * <ul>
 * <li>MYCOMPANY connectors: {@link #A_TO_B} (SHA256 + AES256_CBC + ZLIB, signed SYNC MDN), {@link #A_WRONG_CERT}
 * (holds a wrong signing certificate for PARTNER), {@link #A_DOWN} (a port nobody listens on),
 * {@link #A_STRANGER} (AS2-From STRANGER, which PARTNER has no agreement for), {@link #A_CUSTOM} (AS2-From
 * MYCOMPANY2, whose agreement at PARTNER uses CustomDirectories and PreserveFilename); agreement with PARTNER under
 * {@code /mycompany-edi/inbound/partner}.</li>
 * <li>PARTNER connector {@link #B_TO_A}: SHA256 + AES128_CBC, ASYNC MDN back to PARTNER's own server; agreements
 * with MYCOMPANY under {@code /partner-edi/inbound/mycompany} and with MYCOMPANY2 in custom directories.</li>
 * </ul>
 */
final class TwoStations implements AutoCloseable {
    static final String A_BUCKET = "mycompany-edi";
    static final String B_BUCKET = "partner-edi";
    static final String A_SERVER = id("s-", 0xa1);
    static final String B_SERVER = id("s-", 0xb1);
    static final String A_TO_B = id("c-", 0xa1);
    static final String A_WRONG_CERT = id("c-", 0xa2);
    static final String A_DOWN = id("c-", 0xa3);
    static final String A_STRANGER = id("c-", 0xa4);
    static final String A_CUSTOM = id("c-", 0xa5);
    static final String B_TO_A = id("c-", 0xb1);
    static final String A_AGREEMENT = id("a-", 0xa1);
    static final String B_AGREEMENT = id("a-", 0xb1);
    static final String B_CUSTOM_AGREEMENT = id("a-", 0xb2);

    final Path dir;
    final Path s3Data;
    final Station a;
    final Station b;

    private TwoStations(Path dir, Path s3Data, Station a, Station b) {
        this.dir = dir;
        this.s3Data = s3Data;
        this.a = a;
        this.b = b;
    }

    static String id(String prefix, int n) {
        return prefix + String.format("%017x", n);
    }

    /** Starts both stations under {@code dir}; {@code extra} are properties for both (e.g. part sizes). */
    static TwoStations start(Path dir, Map<String, String> extraA, Map<String, String> extraB) throws Exception {
        return start(dir, extraA, extraB, registry -> registry);
    }

    /** As above, with PARTNER's registry changed by {@code editB} (e.g. a directory in a bucket that does not exist). */
    static TwoStations start(Path dir, Map<String, String> extraA, Map<String, String> extraB,
                             java.util.function.UnaryOperator<String> editB) throws Exception {
        Path keys = dir.resolve("keys");
        for (String name : new String[] {"mycompany", "partner", "stranger"}) {
            StationKeys.write(keys, name, true);
        }
        StationKeys.write(keys, "impostor", false);
        int portA = Ports.distinct();
        int portB = Ports.distinct();
        int down = Ports.distinct();
        Path registryA = dir.resolve("mycompany.registry.yaml");
        Path registryB = dir.resolve("partner.registry.yaml");
        Files.writeString(registryA, registryA(portB, down));
        Files.writeString(registryB, editB.apply(registryB(portA, portB)));
        Path s3Data = dir.resolve("s3");
        Station a = null;
        try {
            a = Station.start("MYCOMPANY", portA, Files.createDirectories(dir.resolve("mycompany")),
                    props(registryA, A_SERVER, A_BUCKET, s3Data, extraA));
            Station b = Station.start("PARTNER", portB, Files.createDirectories(dir.resolve("partner")),
                    props(registryB, B_SERVER, B_BUCKET, s3Data, extraB));
            return new TwoStations(dir, s3Data, a, b);
        } catch (Exception | Error e) {
            if (a != null) {
                a.close();
            }
            throw e;
        }
    }

    static Map<String, String> props(Path registry, String serverId, String bucket, Path s3Data,
                                             Map<String, String> extra) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.component.transfer-as2.registry-file", registry.toString());
        p.put("transferas2.server-id", serverId);
        p.put("transferas2.bucket", bucket);
        p.put("transferas2.outbox.bucket", bucket);
        p.put("s3.embedded.buckets", A_BUCKET + "," + B_BUCKET);
        p.put("s3.embedded.data-dir", s3Data.toString());
        p.putAll(extra);
        return p;
    }

    static String registryA(int portB, int down) {
        return """
            # MYCOMPANY: written by the test, in AWS's shapes
            Certificates:
              - {CertificateId: %1$s, Usage: SIGNING,
                 Certificate: "file:keys/mycompany.crt", PrivateKey: "file:keys/mycompany.key"}
              - {CertificateId: %2$s, Usage: ENCRYPTION,
                 Certificate: "file:keys/mycompany.crt", PrivateKey: "file:keys/mycompany.key"}
              - {CertificateId: %3$s, Usage: SIGNING, Certificate: "file:keys/partner.crt"}
              - {CertificateId: %4$s, Usage: ENCRYPTION, Certificate: "file:keys/partner.crt"}
              - {CertificateId: %5$s, Usage: SIGNING, Certificate: "file:keys/impostor.crt"}
              - {CertificateId: %6$s, Usage: SIGNING,
                 Certificate: "file:keys/stranger.crt", PrivateKey: "file:keys/stranger.key"}
              - {CertificateId: %7$s, Usage: ENCRYPTION,
                 Certificate: "file:keys/stranger.crt", PrivateKey: "file:keys/stranger.key"}
            Profiles:
              - {ProfileId: %8$s, ProfileType: LOCAL, As2Id: MYCOMPANY, CertificateIds: [%1$s, %2$s]}
              - {ProfileId: %9$s, ProfileType: PARTNER, As2Id: PARTNER, CertificateIds: [%3$s, %4$s]}
              - {ProfileId: %10$s, ProfileType: PARTNER, As2Id: PARTNER, CertificateIds: [%5$s, %4$s]}
              - {ProfileId: %11$s, ProfileType: LOCAL, As2Id: STRANGER, CertificateIds: [%6$s, %7$s]}
              - {ProfileId: %12$s, ProfileType: LOCAL, As2Id: MYCOMPANY2, CertificateIds: [%1$s, %2$s]}
            Servers:
              - {ServerId: %13$s, Protocols: [AS2]}
            Connectors:
              - ConnectorId: %14$s
                Url: http://127.0.0.1:%20$d/as2
                As2Config: {LocalProfileId: %8$s, PartnerProfileId: %9$s, Compression: ZLIB,
                            EncryptionAlgorithm: AES256_CBC, SigningAlgorithm: SHA256, MdnSigningAlgorithm: SHA256,
                            MdnResponse: SYNC}
              - ConnectorId: %15$s
                Url: http://127.0.0.1:%20$d/as2
                As2Config: {LocalProfileId: %8$s, PartnerProfileId: %10$s, SigningAlgorithm: SHA256,
                            MdnResponse: SYNC}
              - ConnectorId: %16$s
                Url: http://127.0.0.1:%21$d/as2
                As2Config: {LocalProfileId: %8$s, PartnerProfileId: %9$s, MdnResponse: SYNC}
              - ConnectorId: %17$s
                Url: http://127.0.0.1:%20$d/as2
                As2Config: {LocalProfileId: %11$s, PartnerProfileId: %9$s, MdnResponse: SYNC}
              - ConnectorId: %18$s
                Url: http://127.0.0.1:%20$d/as2
                As2Config: {LocalProfileId: %12$s, PartnerProfileId: %9$s, MdnResponse: SYNC}
            Agreements:
              - {AgreementId: %19$s, ServerId: %13$s, LocalProfileId: %8$s, PartnerProfileId: %9$s,
                 BaseDirectory: /mycompany-edi/inbound/partner}
            """.formatted(id("cert-", 0xa1), id("cert-", 0xa2), id("cert-", 0xa3), id("cert-", 0xa4),
                id("cert-", 0xa5), id("cert-", 0xa6), id("cert-", 0xa7),
                id("p-", 0xa1), id("p-", 0xa2), id("p-", 0xa3), id("p-", 0xa4), id("p-", 0xa5),
                A_SERVER, A_TO_B, A_WRONG_CERT, A_DOWN, A_STRANGER, A_CUSTOM, A_AGREEMENT, portB, down);
    }

    static String registryB(int portA, int portB) {
        return """
            # PARTNER: written by the test, in AWS's shapes
            Certificates:
              - {CertificateId: %1$s, Usage: SIGNING,
                 Certificate: "file:keys/partner.crt", PrivateKey: "file:keys/partner.key"}
              - {CertificateId: %2$s, Usage: ENCRYPTION,
                 Certificate: "file:keys/partner.crt", PrivateKey: "file:keys/partner.key"}
              - {CertificateId: %3$s, Usage: SIGNING, Certificate: "file:keys/mycompany.crt"}
              - {CertificateId: %4$s, Usage: ENCRYPTION, Certificate: "file:keys/mycompany.crt"}
            Profiles:
              - {ProfileId: %5$s, ProfileType: LOCAL, As2Id: PARTNER, CertificateIds: [%1$s, %2$s]}
              - {ProfileId: %6$s, ProfileType: PARTNER, As2Id: MYCOMPANY, CertificateIds: [%3$s, %4$s]}
              - {ProfileId: %7$s, ProfileType: PARTNER, As2Id: MYCOMPANY2, CertificateIds: [%3$s, %4$s]}
            Servers:
              - {ServerId: %8$s, Protocols: [AS2]}
            Connectors:
              - ConnectorId: %9$s
                Url: http://127.0.0.1:%12$d/as2
                As2Config:
                  LocalProfileId: %5$s
                  PartnerProfileId: %6$s
                  EncryptionAlgorithm: AES128_CBC
                  SigningAlgorithm: SHA256
                  MdnResponse: ASYNC
                  AsyncMdnConfig: {Url: "http://127.0.0.1:%13$d/as2", ServerIds: [%8$s]}
            Agreements:
              - {AgreementId: %10$s, ServerId: %8$s, LocalProfileId: %5$s, PartnerProfileId: %6$s,
                 BaseDirectory: /partner-edi/inbound/mycompany}
              - AgreementId: %11$s
                ServerId: %8$s
                LocalProfileId: %5$s
                PartnerProfileId: %7$s
                PreserveFilename: ENABLED
                CustomDirectories:
                  PayloadFilesDirectory: /partner-edi/custom/payloads
                  FailedFilesDirectory: /partner-edi/custom/failed
                  MdnFilesDirectory: /partner-edi/custom/mdns
                  StatusFilesDirectory: /partner-edi/custom/status
                  TemporaryFilesDirectory: /partner-edi/custom/tmp
            """.formatted(id("cert-", 0xb1), id("cert-", 0xb2), id("cert-", 0xb3), id("cert-", 0xb4),
                id("p-", 0xb1), id("p-", 0xb2), id("p-", 0xb3), B_SERVER, B_TO_A, B_AGREEMENT,
                B_CUSTOM_AGREEMENT, portA, portB);
    }

    @Override
    public void close() throws IOException {
        try {
            b.close();
        } finally {
            a.close();
        }
    }
}
