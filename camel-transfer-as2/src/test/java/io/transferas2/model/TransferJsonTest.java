package io.transferas2.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransferJsonTest {

    /** The shape `aws transfer describe-connector` prints, with fields this runtime does not model. */
    static final String DESCRIBED_CONNECTOR = """
            {
              "Arn": "arn:aws:transfer:us-east-1:111122223333:connector/c-1234567890abcdef0",
              "ConnectorId": "c-1234567890abcdef0",
              "Url": "https://partner.example.com:5443/as2",
              "As2Config": {
                "LocalProfileId": "p-11112222333344445",
                "PartnerProfileId": "p-aaaabbbbccccdddde",
                "MessageSubject": "Orders for ACME",
                "Compression": "ZLIB",
                "EncryptionAlgorithm": "AES256_CBC",
                "SigningAlgorithm": "SHA384",
                "MdnSigningAlgorithm": "DEFAULT",
                "MdnResponse": "ASYNC",
                "AsyncMdnConfig": {"Url": "https://mdn.example.com/as2", "ServerIds": ["s-0123456789abcdef0"]},
                "BasicAuthSecretId": "partner/acme",
                "PreserveContentType": "ENABLED"
              },
              "AccessRole": "arn:aws:iam::111122223333:role/as2-access",
              "Status": "ACTIVE",
              "ServiceManagedEgressIpAddresses": ["3.4.5.6", "7.8.9.10"],
              "SecurityPolicyName": "TransferSFTPConnectorSecurityPolicy-2024-03",
              "Tags": [{"Key": "team", "Value": "edi"}]
            }""";

    @Test
    void readsDescribeOutputWithAwsNamesAndKeepsUnmodelledFields() throws Exception {
        Connector c = TransferJson.json().readValue(DESCRIBED_CONNECTOR, Connector.class);
        assertThat(c.getConnectorId()).isEqualTo("c-1234567890abcdef0");
        assertThat(c.getAs2Config().getCompression()).isEqualTo(CompressionEnum.ZLIB);
        assertThat(c.getAs2Config().getMdnSigningAlgorithm()).isEqualTo(MdnSigningAlg.DEFAULT);
        assertThat(c.getAs2Config().effectiveMdnSigningAlgorithm()).isEqualTo(SigningAlg.SHA384);
        assertThat(c.getAs2Config().getAsyncMdnConfig().getServerIds()).containsExactly("s-0123456789abcdef0");
        assertThat(c.getTags()).containsExactly(new Tag("team", "edi"));
        assertThat(c.getUnmodelledFields()).containsKeys("Status", "ServiceManagedEgressIpAddresses",
                "SecurityPolicyName");

        JsonNode written = TransferJson.json().valueToTree(c);
        JsonNode original = TransferJson.json().readTree(DESCRIBED_CONNECTOR);
        assertThat(written).isEqualTo(original);
    }

    @Test
    void readsTimestampsInEveryFormAwsToolsPrint() throws Exception {
        Instant expected = Instant.parse("2026-05-14T19:00:00Z");
        for (String value : List.of("\"2026-05-14T12:00:00-07:00\"", "\"2026-05-14T19:00:00Z\"",
                "\"2026-05-14T19:00:00.000000+00:00\"", "1778785200", "1778785200.0")) {
            Certificate c = TransferJson.json().readValue("{\"ActiveDate\": " + value + "}", Certificate.class);
            assertThat(c.getActiveDate()).as(value).isEqualTo(expected);
        }
        Certificate dateOnly = TransferJson.yaml().readValue("InactiveDate: 2027-01-01", Certificate.class);
        assertThat(dateOnly.getInactiveDate()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        Certificate fraction = TransferJson.json().readValue("{\"ActiveDate\": 1778785200.25}", Certificate.class);
        assertThat(fraction.getActiveDate()).isEqualTo(expected.plusMillis(250));
    }

    @Test
    void filesUseIsoTimestampsAndTheWireUsesEpochSeconds() throws Exception {
        Certificate c = new Certificate();
        c.setActiveDate(Instant.parse("2026-05-14T19:00:00.5Z"));
        assertThat(TransferJson.json().writeValueAsString(c)).contains("\"ActiveDate\":\"2026-05-14T19:00:00.500Z\"");
        assertThat(TransferJson.wire().writeValueAsString(c)).contains("\"ActiveDate\":1778785200.5");
    }

    @Test
    void privateKeyIsInputOnly() throws Exception {
        Certificate c = TransferJson.json().readValue(
                "{\"PrivateKey\": \"-----BEGIN PRIVATE KEY-----\", \"PrivateKeyPassword\": \"{{env:X}}\"}",
                Certificate.class);
        assertThat(c.getPrivateKey()).startsWith("-----BEGIN");
        String written = TransferJson.json().writeValueAsString(c);
        assertThat(written).doesNotContain("PrivateKey").doesNotContain("BEGIN");
        assertThat(TransferJson.copy(c).hasKeyInput()).isFalse();
    }

    @Test
    void idsFollowAwsFormats() {
        for (ResourceKind kind : ResourceKind.values()) {
            String id = kind.newId();
            assertThat(id).startsWith(kind.idPrefix()).hasSize(kind.idPrefix().length() + 17);
            assertThat(kind.isValidId(id)).isTrue();
        }
        assertThat(ResourceKind.CONNECTOR.isValidId("c-1234567890ABCDEF0")).isFalse();
        assertThat(ResourceKind.CONNECTOR.isValidId("c-1234567890abcdef")).isFalse();
        assertThat(ResourceKind.CERTIFICATE.isValidId("cert-1234567890abcdef0")).isTrue();
    }

    @Test
    void effectiveDefaultsAreDocumentedValues() {
        As2ConnectorConfig empty = new As2ConnectorConfig();
        assertThat(empty.effectiveCompression()).isEqualTo(CompressionEnum.DISABLED);
        assertThat(empty.effectiveEncryptionAlgorithm()).isEqualTo(EncryptionAlg.AES256_CBC);
        assertThat(empty.effectiveSigningAlgorithm()).isEqualTo(SigningAlg.SHA256);
        assertThat(empty.effectiveMdnSigningAlgorithm()).isEqualTo(SigningAlg.SHA256);
        assertThat(empty.effectiveMdnResponse()).isEqualTo(MdnResponse.SYNC);
        assertThat(empty.effectivePreserveContentType()).isEqualTo(PreserveContentType.DISABLED);
        empty.setSigningAlgorithm(SigningAlg.NONE);
        assertThat(empty.effectiveMdnSigningAlgorithm()).isEqualTo(SigningAlg.NONE);
        empty.setMdnSigningAlgorithm(MdnSigningAlg.SHA512);
        assertThat(empty.effectiveMdnSigningAlgorithm()).isEqualTo(SigningAlg.SHA512);
    }
}
