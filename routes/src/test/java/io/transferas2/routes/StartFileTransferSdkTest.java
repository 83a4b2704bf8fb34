package io.transferas2.routes;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.transfer.TransferClient;
import software.amazon.awssdk.services.transfer.model.CertificateUsageType;
import software.amazon.awssdk.services.transfer.model.CompressionEnum;
import software.amazon.awssdk.services.transfer.model.EncryptionAlg;
import software.amazon.awssdk.services.transfer.model.MdnResponse;
import software.amazon.awssdk.services.transfer.model.ProfileType;
import software.amazon.awssdk.services.transfer.model.SigningAlg;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.certs.PemCodec;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * StartFileTransfer through a connector created with the real AWS SDK (issue 7): MYCOMPANY's station runs the
 * control-plane API of the route pack (api.camel.yaml); the test imports the certificates, creates the profiles and
 * the connector with {@link TransferClient}, puts a file into the embedded S3, calls {@code startFileTransfer} and
 * finds the file delivered at PARTNER and the JSON status file under {@code <parent>/processed/}.
 */
class StartFileTransferSdkTest {
    private static final String KEY_ID = "AKIAROUTEPACKTEST001";
    private static final String SECRET = "routePackTestSecret/0123456789+abcdefghij";

    @TempDir
    Path dir;

    @Test
    void startFileTransferThroughAnSdkCreatedConnectorDeliversTheFileEndToEnd() throws Exception {
        try (TwoStations stations = TwoStations.start(dir, Map.of("transferas2.api.enabled", "true",
                "camel.component.transfer-as2.access-keys", KEY_ID + ":" + SECRET), Map.of());
             TransferClient transfer = TransferClient.builder()
                     .endpointOverride(URI.create("http://127.0.0.1:" + stations.a.port + "/"))
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID,
                             SECRET)))
                     .build()) {
            KeyMaterial mine = StationKeys.key("mycompany");
            KeyMaterial theirs = StationKeys.key("partner");
            String signing = transfer.importCertificate(b -> b.usage(CertificateUsageType.SIGNING)
                    .certificate(pem(mine)).privateKey(PemCodec.privateKeyToPem(mine.privateKey().orElseThrow(),
                            null)).description("MYCOMPANY-signing")).certificateId();
            String decryption = transfer.importCertificate(b -> b.usage(CertificateUsageType.ENCRYPTION)
                    .certificate(pem(mine)).privateKey(PemCodec.privateKeyToPem(mine.privateKey().orElseThrow(),
                            null))).certificateId();
            String partnerSigning = transfer.importCertificate(b -> b.usage(CertificateUsageType.SIGNING)
                    .certificate(pem(theirs))).certificateId();
            String partnerEncryption = transfer.importCertificate(b -> b.usage(CertificateUsageType.ENCRYPTION)
                    .certificate(pem(theirs))).certificateId();
            String local = transfer.createProfile(b -> b.as2Id("MYCOMPANY").profileType(ProfileType.LOCAL)
                    .certificateIds(signing, decryption)).profileId();
            String partner = transfer.createProfile(b -> b.as2Id("PARTNER").profileType(ProfileType.PARTNER)
                    .certificateIds(partnerSigning, partnerEncryption)).profileId();
            String connectorId = transfer.createConnector(b -> b
                    .url("http://127.0.0.1:" + stations.b.port + "/as2")
                    .accessRole("arn:aws:iam::000000000000:role/as2")
                    .as2Config(c -> c.localProfileId(local).partnerProfileId(partner)
                            .compression(CompressionEnum.ZLIB).encryptionAlgorithm(EncryptionAlg.AES192_CBC)
                            .signingAlgorithm(SigningAlg.SHA384).mdnSigningAlgorithm("SHA384")
                            .mdnResponse(MdnResponse.SYNC))).connectorId();
            stations.a.put(A_BUCKET, "sdk/orders/order-77.xml", "<order id=\"77\"/>");

            String transferId = transfer.startFileTransfer(b -> b.connectorId(connectorId)
                    .sendFilePaths("/mycompany-edi/sdk/orders/order-77.xml")).transferId();

            assertThat(transferId).matches(Json.UUID);
            // the MDN is written first, then the status JSON
            List<String> results = Await.until("the status JSON", java.time.Duration.ofSeconds(30),
                    () -> stations.a.list(A_BUCKET, "sdk/orders/processed/"),
                    keys -> keys.stream().anyMatch(k -> k.endsWith(".json")));
            String json = results.stream().filter(k -> k.endsWith(".json")).findFirst().orElseThrow();
            assertThat(json).matches("sdk/orders/processed/order-77\\." + transferId + "\\." + Json.MESSAGE_ID
                    + "\\.xml\\.json");
            JsonNode status = Json.parse(stations.a.read(A_BUCKET, json));
            assertThat(status.path("status-code").asText()).isEqualTo("COMPLETED");
            assertThat(status.path("connector-id").asText()).isEqualTo(connectorId);
            assertThat(status.path("transfer-id").asText()).isEqualTo(transferId);
            assertThat(status.path("file-path").asText()).isEqualTo("/mycompany-edi/sdk/orders/order-77.xml");
            assertThat(status.path("requester-content-type").asText()).isEqualTo("application/xml");
            assertThat(status.path("as2-from").asText()).isEqualTo("MYCOMPANY");
            assertThat(status.path("as2-to").asText()).isEqualTo("PARTNER");
            assertThat(status.path("disposition").asText()).endsWith("processed");
            assertThat(status.path("as2-message-id").asText()).matches(Json.MESSAGE_ID);
            String landed = "inbound/mycompany/processed/order-77." + status.path("as2-message-id").asText()
                    + ".xml";
            Await.keys(stations.b, B_BUCKET, landed, 3);
            assertThat(stations.b.read(B_BUCKET, landed)).isEqualTo("<order id=\"77\"/>");
            assertThat(stations.a.list(A_BUCKET, "sdk/orders/processing/")).isEmpty();
        }
    }

    private static String pem(KeyMaterial key) {
        return PemCodec.toPem(List.of(key.certificate()));
    }
}
