package io.transferas2.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.Certificate;
import io.transferas2.model.CertificateType;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.Connector;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.MdnResponse;
import io.transferas2.model.ProfileType;
import io.transferas2.model.Server;
import io.transferas2.model.TransferJson;
import io.transferas2.testsupport.Fixtures;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryFileTest {
    @TempDir
    Path dir;

    private final KeyMaterial local = TestKeys.key("file-local");
    private final KeyMaterial partner = TestKeys.key("file-partner");

    @AfterEach
    void clearProperties() {
        System.clearProperty("registry.test.key");
    }

    private static String indent(String text, int spaces) {
        return text.strip().lines().map(l -> " ".repeat(spaces) + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String json(String text) throws Exception {
        return TransferJson.json().writeValueAsString(text);
    }

    /** describe-* outputs, wrapper keys included, in one JSON array. */
    private String describeOutputsJson() throws Exception {
        Files.writeString(dir.resolve("local.key"), TestKeys.privateKeyPem(local));
        return """
                [
                  {"Certificate": {
                      "Arn": "arn:aws:transfer:us-east-1:111122223333:certificate/cert-0000000000000000a",
                      "CertificateId": "cert-0000000000000000a", "Usage": "SIGNING", "Status": "ACTIVE",
                      "Certificate": %s, "ActiveDate": "%s", "Serial": "ignored",
                      "Type": "CERTIFICATE_WITH_PRIVATE_KEY", "Description": "our-signing-key",
                      "PrivateKey": "file:local.key"}},
                  {"Certificate": {
                      "CertificateId": "cert-0000000000000000b", "Usage": "SIGNING", "Certificate": %s}},
                  {"Profile": {"Arn": "arn:aws:transfer:us-east-1:111122223333:profile/p-0000000000000000a",
                      "ProfileId": "p-0000000000000000a", "ProfileType": "LOCAL", "As2Id": "MYCOMPANY",
                      "CertificateIds": ["cert-0000000000000000a"], "Tags": []}},
                  {"Profile": {"ProfileId": "p-0000000000000000b", "ProfileType": "PARTNER", "As2Id": "PARTNER",
                      "CertificateIds": ["cert-0000000000000000b"]}},
                  {"Server": {"Arn": "arn:aws:transfer:us-east-1:111122223333:server/s-0000000000000000a",
                      "ServerId": "s-0000000000000000a", "Domain": "S3", "EndpointType": "VPC",
                      "Protocols": ["AS2"], "ProtocolDetails": {"As2Transports": ["HTTP"], "PassiveIp": "AUTO",
                      "SetStatOption": "DEFAULT", "TlsSessionResumptionMode": "ENFORCED"},
                      "IdentityProviderType": "SERVICE_MANAGED", "State": "ONLINE", "UserCount": 0}},
                  {"Connector": {"ConnectorId": "c-0000000000000000a", "Url": "http://partner.example:5080/",
                      "As2Config": {"LocalProfileId": "p-0000000000000000a",
                                    "PartnerProfileId": "p-0000000000000000b", "Compression": "ZLIB",
                                    "EncryptionAlgorithm": "AES128_CBC", "SigningAlgorithm": "SHA256",
                                    "MdnSigningAlgorithm": "DEFAULT", "MdnResponse": "SYNC"},
                      "Status": "ACTIVE"}},
                  {"Agreement": {"AgreementId": "a-0000000000000000a", "ServerId": "s-0000000000000000a",
                      "LocalProfileId": "p-0000000000000000a", "PartnerProfileId": "p-0000000000000000b",
                      "BaseDirectory": "/inbound/partner", "Status": "ACTIVE", "PreserveFilename": "ENABLED",
                      "EnforceMessageSigning": "ENABLED"}}
                ]""".formatted(json(TestKeys.certificatePem(local)), activeDate(),
                json(TestKeys.certificatePem(partner)));
    }

    /** An hour into the key's validity, in the offset form the AWS CLI prints. */
    private String activeDate() {
        return java.time.OffsetDateTime.ofInstant(local.notBefore().plusSeconds(3600), java.time.ZoneOffset.ofHours(-7))
                .toString();
    }

    @Test
    void loadsDescribeOutputsFromJsonUnchanged() throws Exception {
        Path file = dir.resolve("registry.json");
        Files.writeString(file, describeOutputsJson());
        TransferRegistry registry = RegistryFile.open(file, RegistrySettings.defaults(), false, null);

        Certificate signing = registry.describeCertificate("cert-0000000000000000a");
        assertThat(signing.getType()).isEqualTo(CertificateType.CERTIFICATE_WITH_PRIVATE_KEY);
        assertThat(signing.getArn()).contains("111122223333");
        assertThat(signing.getSerial()).isNotEqualTo("ignored");
        assertThat(signing.getActiveDate()).isEqualTo(local.notBefore().plusSeconds(3600));
        assertThat(registry.certificateEntry("cert-0000000000000000a").orElseThrow().material().hasPrivateKey())
                .isTrue();
        Connector connector = registry.describeConnector("c-0000000000000000a");
        assertThat(connector.getAs2Config().getCompression()).isEqualTo(CompressionEnum.ZLIB);
        assertThat(connector.getArn()).isEqualTo("arn:aws:transfer:us-east-1:000000000000:connector/c-0000000000000000a");
        Server server = registry.describeServer("s-0000000000000000a");
        assertThat(server.getUnmodelledFields()).containsEntry("EndpointType", "VPC");
        assertThat(server.getProtocolDetails().getUnmodelledFields()).containsEntry("PassiveIp", "AUTO");
        assertThat(registry.findActiveAgreement("s-0000000000000000a", "PARTNER", "MYCOMPANY")).get()
                .matches(a -> a.preservesFilename() && a.enforcesSigning());
    }

    @Test
    void loadsYamlWithPluralListsWrappersAndSeveralDocuments() throws Exception {
        System.setProperty("registry.test.key", TestKeys.privateKeyPem(local));
        Path file = dir.resolve("registry.yaml");
        Files.writeString(file, """
                Certificates:
                  - CertificateId: cert-0000000000000000a
                    Usage: ENCRYPTION
                    Certificate: |
                %s
                    PrivateKey: "{{sys:registry.test.key}}"
                  - CertificateId: cert-0000000000000000b
                    Usage: SIGNING
                    Certificate: |
                %s
                Profiles:
                  - {ProfileId: p-0000000000000000a, ProfileType: LOCAL, As2Id: MYCOMPANY,
                     CertificateIds: [cert-0000000000000000a]}
                  - {ProfileId: p-0000000000000000b, ProfileType: PARTNER, As2Id: PARTNER,
                     CertificateIds: [cert-0000000000000000b]}
                ---
                ServerId: s-0000000000000000a
                ---
                Connector:
                  ConnectorId: c-0000000000000000a
                  Url: https://partner.example/as2
                  As2Config:
                    LocalProfileId: p-0000000000000000a
                    PartnerProfileId: p-0000000000000000b
                    EncryptionAlgorithm: NONE
                    MdnResponse: NONE
                """.formatted(indent(TestKeys.certificatePem(local), 8),
                indent(TestKeys.certificatePem(partner), 8)));
        TransferRegistry registry = RegistryFile.open(file, RegistrySettings.defaults(), false, null);
        assertThat(registry.describeConnector("c-0000000000000000a").getAs2Config().getEncryptionAlgorithm())
                .isEqualTo(EncryptionAlg.NONE);
        assertThat(registry.describeConnector("c-0000000000000000a").getAs2Config().getMdnResponse())
                .isEqualTo(MdnResponse.NONE);
        assertThat(registry.listProfiles(null, null, ProfileType.PARTNER).items()).hasSize(1);
        assertThat(registry.describeServer("s-0000000000000000a").isOnline()).isTrue();
        assertThat(registry.certificateEntry("cert-0000000000000000a").orElseThrow().material().hasPrivateKey())
                .isTrue();
    }

    @Test
    void refusesClearTextSecretsInTheFile() throws Exception {
        Path file = dir.resolve("registry.json");
        Files.writeString(file, "{\"Certificate\": {\"CertificateId\": \"cert-0000000000000000a\", \"Usage\":"
                + " \"SIGNING\", \"Certificate\": " + json(TestKeys.certificatePem(local)) + ", \"PrivateKey\": "
                + json(TestKeys.privateKeyPem(local)) + "}}");
        assertThatThrownBy(() -> RegistryFile.open(file, RegistrySettings.defaults(), false, null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Certificate #1 (cert-0000000000000000a)")
                .hasMessageContaining("clear-text private key is not accepted")
                .message().doesNotContain("BEGIN PRIVATE KEY");

        String encrypted = io.transferas2.certs.PemCodec.privateKeyToPem(local.privateKey().orElseThrow(),
                "pw".toCharArray());
        Files.writeString(file, "{\"Certificate\": {\"CertificateId\": \"cert-0000000000000000a\", \"Usage\":"
                + " \"SIGNING\", \"Certificate\": " + json(TestKeys.certificatePem(local)) + ", \"PrivateKey\": "
                + json(encrypted) + ", \"PrivateKeyPassword\": \"pw\"}}");
        assertThatThrownBy(() -> RegistryFile.open(file, RegistrySettings.defaults(), false, null))
                .hasMessageContaining("PrivateKeyPassword must be a property placeholder");
    }

    @Test
    void explainsMistakesWithTheResourceAndField() throws Exception {
        Path file = dir.resolve("registry.yaml");
        Files.writeString(file, "Conectors: []\n");
        assertThatThrownBy(() -> RegistryFile.open(file, RegistrySettings.defaults(), false, null))
                .hasMessageContaining("unknown top-level key 'Conectors'");
        Files.writeString(file, "Connectors:\n  - ConnectorId: c-0000000000000000a\n    As2Config: {Compresion: ZLIB}\n");
        assertThatThrownBy(() -> RegistryFile.open(file, RegistrySettings.defaults(), false, null))
                .hasMessageContaining("Connector #1 (c-0000000000000000a)")
                .hasMessageContaining("unknown field 'As2Config.Compresion'; did you mean 'Compression'?");
        Files.writeString(file, "Connectors:\n  - ConnectorId: c-0000000000000000a\n    As2Config: {Compression: GZIP}\n");
        assertThatThrownBy(() -> RegistryFile.open(file, RegistrySettings.defaults(), false, null))
                .hasMessageContaining("'As2Config.Compression' has an invalid value 'GZIP'")
                .hasMessageContaining("[ZLIB, DISABLED]");
        Files.writeString(file, "Servers:\n  - Protocols: [AS2]\n");
        assertThatThrownBy(() -> RegistryFile.open(file, RegistrySettings.defaults(), false, null))
                .hasMessageContaining("ServerId is required in a registry file");
        Files.writeString(file, "Servers: [ {ServerId: s-0000000000000000a\n");
        assertThatThrownBy(() -> RegistryFile.open(file, RegistrySettings.defaults(), false, null))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> RegistryFile.open(dir.resolve("missing.yaml"), RegistrySettings.defaults(), false,
                null)).hasMessageContaining("does not exist");
    }

    @Test
    void persistsChangesAndKeepsApiImportedKeysEncryptedOutsideTheFile() throws Exception {
        Path file = dir.resolve("registry.yaml");
        char[] keyPassword = "master-secret".toCharArray();
        TransferRegistry registry = RegistryFile.open(file, RegistrySettings.defaults(), true, keyPassword);
        Fixtures f = new Fixtures(registry);
        Connector update = new Connector();
        update.setConnectorId(f.connectorId);
        update.setUrl("http://changed.example/as2");
        registry.updateConnector(update);

        // changes go to the state file beside the user's (absent here), never into the user's file
        Path state = dir.resolve("registry.api-state.yaml");
        assertThat(file).doesNotExist();
        String written = Files.readString(state);
        assertThat(written).doesNotContain("PRIVATE KEY").contains("changed.example")
                .contains("file:registry.api-state.yaml.keys/" + f.localSigningCert + ".pem");
        Path keyFile = dir.resolve("registry.api-state.yaml.keys").resolve(f.localSigningCert + ".pem");
        assertThat(Files.readString(keyFile)).contains("BEGIN ENCRYPTED PRIVATE KEY");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        TransferRegistry reopened = RegistryFile.open(file, RegistrySettings.defaults(), true, keyPassword);
        assertThat(reopened.describeConnector(f.connectorId).getUrl()).isEqualTo("http://changed.example/as2");
        assertThat(reopened.certificateEntry(f.localSigningCert).orElseThrow().material().privateKey().orElseThrow()
                .getEncoded()).isEqualTo(TestKeys.key("local").privateKey().orElseThrow().getEncoded());
        assertThat(reopened.findActiveAgreement(f.serverId, "PARTNER", "MYCOMPANY")).isPresent();

        assertThatThrownBy(() -> RegistryFile.open(state, RegistrySettings.defaults(), false, null))
                .hasMessageContaining("could not be resolved");

        reopened.deleteAgreement(f.agreementId, f.serverId);
        reopened.deleteConnector(f.connectorId);
        reopened.deleteProfile(f.localProfile);
        reopened.deleteCertificate(f.localSigningCert);
        assertThat(keyFile).doesNotExist();
        assertThat(dir.resolve("registry.api-state.yaml.keys").resolve(f.localEncryptionCert + ".pem")).exists();
    }

    @Test
    void withoutAKeyPasswordStoredKeysAreOwnerOnly() throws Exception {
        Path file = dir.resolve("registry.json");
        TransferRegistry registry = RegistryFile.open(file, RegistrySettings.defaults(), true, null);
        String id = registry.importCertificate(TestKeys.importInput(local, CertificateUsageType.SIGNING, true));
        Path keyFile = dir.resolve("registry.api-state.json.keys").resolve(id + ".pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                .isEqualTo("rwx------");
        Path state = dir.resolve("registry.api-state.json");
        assertThat(Files.readString(state)).doesNotContain("PRIVATE KEY");
        TransferRegistry reopened = RegistryFile.open(state, RegistrySettings.defaults(), false, null);
        assertThat(reopened.listCertificates(null, null).items()).extracting(Certificate::getCertificateId)
                .isEqualTo(List.of(id));
    }
}
