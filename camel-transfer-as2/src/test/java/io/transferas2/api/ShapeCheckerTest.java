package io.transferas2.api;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The model checker the API and the conformance test rely on, proven on documents that break the model. */
class ShapeCheckerTest {
    private final ShapeChecker checker = new ShapeChecker(ServiceModel.bundled());
    private final ObjectMapper json = new ObjectMapper();

    private static final String GOOD_CONNECTOR = """
            {"Connector": {"Arn": "arn:aws:transfer:eu-west-1:000000000000:connector/c-0123456789abcdef0",
              "ConnectorId": "c-0123456789abcdef0", "Url": "https://p.example.com/as2",
              "AccessRole": "arn:aws:iam::000000000000:role/as2", "Status": "ACTIVE",
              "EgressType": "SERVICE_MANAGED",
              "As2Config": {"LocalProfileId": "p-0123456789abcdef0", "Compression": "ZLIB"}}}""";

    @Test
    void aConformingDescribeConnectorPasses() throws Exception {
        assertThat(checker.check("DescribeConnectorResponse", json.readTree(GOOD_CONNECTOR))).isEmpty();
    }

    @Test
    void aMissingRequiredOutputMemberFails() throws Exception {
        JsonNode withoutStatus = json.readTree(GOOD_CONNECTOR.replace("\"Status\": \"ACTIVE\",", ""));
        assertThat(checker.check("DescribeConnectorResponse", withoutStatus)).extracting(Object::toString)
                .containsExactly("Value null at 'connector.status' failed to satisfy constraint: Member must not"
                        + " be null");
    }

    @Test
    void aPatternLengthEnumOrTypeViolationFails() throws Exception {
        JsonNode broken = json.readTree(GOOD_CONNECTOR
                .replace("\"ConnectorId\": \"c-0123456789abcdef0\"", "\"ConnectorId\": \"c-DEADBEEF\"")
                .replace("arn:aws:iam::000000000000:role/as2", "arn:aws:iam::0:user/bob")
                .replace("\"ZLIB\"", "\"GZIP\"")
                .replace("\"Url\": \"https://p.example.com/as2\"", "\"Url\": 42"));
        List<ShapeChecker.Violation> violations = checker.check("DescribeConnectorResponse", broken);
        assertThat(violations).extracting(Object::toString).containsExactlyInAnyOrder(
                "Value 'c-DEADBEEF' at 'connector.connectorId' failed to satisfy constraint: Member must have"
                        + " length greater than or equal to 19",
                "Value 'c-DEADBEEF' at 'connector.connectorId' failed to satisfy constraint: Member must satisfy"
                        + " regular expression pattern: c-([0-9a-f]{17})",
                "Value 'arn:aws:iam::0:user/bob' at 'connector.accessRole' failed to satisfy constraint: Member must"
                        + " satisfy regular expression pattern: arn:.*role/\\S+",
                "Value 'GZIP' at 'connector.as2Config.compression' failed to satisfy constraint: Member must satisfy"
                        + " enum value set: [ZLIB, DISABLED]",
                "Value at 'connector.url' must be a string, not number");
        assertThat(violations).filteredOn(v -> v.kind() == ShapeChecker.Kind.WRONG_TYPE).hasSize(1);
    }

    @Test
    void anUnknownMemberAndAnEmptyTagListFail() throws Exception {
        JsonNode broken = json.readTree(GOOD_CONNECTOR.replace("\"Status\": \"ACTIVE\",",
                "\"Status\": \"ACTIVE\", \"Tags\": [], \"Colour\": \"red\","));
        assertThat(checker.check("DescribeConnectorResponse", broken)).extracting(Object::toString)
                .containsExactlyInAnyOrder("Value at 'connector.tags' failed to satisfy constraint: Member must have"
                        + " length greater than or equal to 1", "Member 'connector.colour' is not part of the shape");
    }

    @Test
    void sensitiveValuesAreNotQuoted() throws Exception {
        JsonNode request = json.readTree("{\"Usage\": \"SIGNING\", \"Certificate\": \"x\", \"PrivateKey\":"
                + " \"topsecret\u0100\"}");
        assertThat(checker.check("ImportCertificateRequest", request)).extracting(Object::toString)
                .containsExactly("Value at 'privateKey' failed to satisfy constraint: Member must satisfy regular"
                        + " expression pattern: [\\t\\n\\r\\u0020-\\u00FF]+");
    }

    @Test
    void theBundledModelIsBotocoresFileByteForByte() throws Exception {
        byte[] bundled;
        try (InputStream in = ServiceModel.class.getResourceAsStream(ServiceModel.RESOURCE)) {
            bundled = in.readAllBytes();
        }
        Properties provenance = new Properties();
        try (InputStream in = ServiceModel.class.getResourceAsStream(
                "/io/transferas2/api/transfer-service-2.properties")) {
            provenance.load(in);
        }
        assertThat(sha256(bundled)).isEqualTo(provenance.getProperty("sha256"));
        Path installed = installedBotocoreModel();
        assumeTrue(installed != null, "python3 with botocore is not installed: compared with the recorded sha256"
                + " only");
        assertThat(sha256(Files.readAllBytes(installed)))
                .as("botocore's installed model differs from the bundled one: run refresh-service-model.sh and the"
                        + " tests").isEqualTo(sha256(bundled));
    }

    private static Path installedBotocoreModel() throws Exception {
        try {
            Process python = new ProcessBuilder("python3", "-c", "import botocore,os,glob;print(glob.glob("
                    + "os.path.join(os.path.dirname(botocore.__file__),'data','transfer','*','service-2.json.gz'))[0])")
                    .redirectErrorStream(true).start();
            String out = new String(python.getInputStream().readAllBytes()).trim();
            if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0) {
                return null;
            }
            return Path.of(out);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
