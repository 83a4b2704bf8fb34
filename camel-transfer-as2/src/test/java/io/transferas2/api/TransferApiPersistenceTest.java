package io.transferas2.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.transfer.TransferClient;
import software.amazon.awssdk.services.transfer.model.As2ConnectorConfig;
import software.amazon.awssdk.services.transfer.model.CertificateType;
import software.amazon.awssdk.services.transfer.model.CertificateUsageType;
import software.amazon.awssdk.services.transfer.model.CompressionEnum;
import software.amazon.awssdk.services.transfer.model.ProfileType;
import software.amazon.awssdk.services.transfer.model.Protocol;
import software.amazon.awssdk.services.transfer.model.State;
import software.amazon.awssdk.services.transfer.model.Tag;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes made through the SDK persist through the registry's store and survive a restart of the CamelContext. */
class TransferApiPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void changesSurviveARestart() throws Exception {
        Path file = dir.resolve("registry.yaml");
        // the user's file, with a comment and a file: reference, which API changes must leave as written
        KeyMaterial partnerKey = TestKeys.key("api-persistence-partner");
        Files.writeString(dir.resolve("partner.crt"), TestKeys.certificatePem(partnerKey));
        String userFile = """
                # our partners; edited by hand
                Certificates:
                  - CertificateId: cert-0a1b2c3d4e5f60718
                    Usage: ENCRYPTION
                    Certificate: file:partner.crt   # the partner's certificate
                """;
        Files.writeString(file, userFile);
        Map<String, Object> options = Map.of(
                "registryFile", file.toString(),
                "persistRegistryChanges", "true",
                "keyEncryptionPassword", "key-encryption-secret",
                "accessKeys", ApiHarness.KEY_ID + ":" + ApiHarness.SECRET);
        KeyMaterial key = TestKeys.key("api-persistence");
        String keyPem = TestKeys.privateKeyPem(key);
        String certificateId;
        String localId;
        String serverId;
        String connectorId;
        String agreementId;
        try (ApiHarness first = ApiHarness.start(options, "transfer-as2:api")) {
            TransferClient client = first.client();
            certificateId = client.importCertificate(b -> b.usage(CertificateUsageType.SIGNING)
                    .certificate(TestKeys.certificatePem(key)).privateKey(keyPem)).certificateId();
            localId = client.createProfile(b -> b.as2Id("PERSIST-LOCAL").profileType(ProfileType.LOCAL)
                    .certificateIds(certificateId)).profileId();
            String partnerId = client.createProfile(b -> b.as2Id("PERSIST-PARTNER")
                    .profileType(ProfileType.PARTNER)).profileId();
            serverId = client.createServer(b -> b.protocols(Protocol.AS2)).serverId();
            connectorId = client.createConnector(b -> b.url("https://partner.example.com/as2")
                    .accessRole("arn:aws:iam::000000000000:role/as2")
                    .as2Config(c -> c.localProfileId(localId).partnerProfileId(partnerId))).connectorId();
            client.updateConnector(b -> b.connectorId(connectorId).as2Config(c -> c.compression(CompressionEnum.ZLIB)));
            agreementId = client.createAgreement(b -> b.serverId(serverId).localProfileId(localId)
                    .partnerProfileId(partnerId)
                            .accessRole("arn:aws:iam::000000000000:role/as2")
                                    .baseDirectory("/bucket/in")).agreementId();
            client.stopServer(b -> b.serverId(serverId));
            String arn = client.describeConnector(b -> b.connectorId(connectorId)).connector().arn();
            client.tagResource(b -> b.arn(arn).tags(Tag.builder().key("persisted").value("yes").build()));
        }

        assertThat(Files.readString(file)).isEqualTo(userFile);
        Path state = dir.resolve("registry.api-state.yaml");
        assertThat(state).exists();
        assertThat(Files.readString(state)).contains("cert-0a1b2c3d4e5f60718").contains(connectorId);
        Path keys = dir.resolve("registry.api-state.yaml.keys");
        assertThat(keys).isDirectory();
        String body = keyPem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        try (Stream<Path> stored = Files.list(keys)) {
            List<Path> keyFiles = stored.toList();
            assertThat(keyFiles).hasSize(1);
            String storedKey = Files.readString(keyFiles.get(0));
            assertThat(storedKey).contains("ENCRYPTED").doesNotContain(body);
        }
        assertThat(Files.readString(state)).doesNotContain(body).doesNotContain("key-encryption-secret");

        try (ApiHarness second = ApiHarness.start(options, "transfer-as2:api")) {
            TransferClient client = second.client();
            assertThat(client.describeCertificate(b -> b.certificateId(certificateId)).certificate().type())
                    .isEqualTo(CertificateType.CERTIFICATE_WITH_PRIVATE_KEY);
            assertThat(second.component().transferRegistry().certificateEntry(certificateId).orElseThrow()
                    .material().privateKey().orElseThrow().getEncoded())
                    .isEqualTo(key.privateKey().orElseThrow().getEncoded());
            assertThat(client.describeProfile(b -> b.profileId(localId)).profile().certificateIds())
                    .containsExactly(certificateId);
            As2ConnectorConfig config = client.describeConnector(b -> b.connectorId(connectorId)).connector()
                    .as2Config();
            assertThat(config.compression()).isEqualTo(CompressionEnum.ZLIB);
            assertThat(config.localProfileId()).isEqualTo(localId);
            assertThat(client.describeServer(b -> b.serverId(serverId)).server().state()).isEqualTo(State.OFFLINE);
            assertThat(client.describeAgreement(b -> b.agreementId(agreementId).serverId(serverId)).agreement()
                    .baseDirectory()).isEqualTo("/bucket/in");
            String arn = client.describeConnector(b -> b.connectorId(connectorId)).connector().arn();
            assertThat(client.listTagsForResource(b -> b.arn(arn)).tags())
                    .containsExactly(Tag.builder().key("persisted").value("yes").build());

            client.deleteAgreement(b -> b.agreementId(agreementId).serverId(serverId));
        }
        try (ApiHarness third = ApiHarness.start(options, "transfer-as2:api")) {
            assertThat(third.client().listAgreements(b -> b.serverId(serverId)).agreements()).isEmpty();
        }
    }
}
