package io.transferas2.api;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.TransferJson;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives every operation the API serves with AWS JSON 1.1 requests signed by the AWS SDK's SigV4 signer, and checks
 * them against botocore's Transfer service model read at test time: a happy path with every member that applies to
 * AS2, every response against its output shape (types, required members, length, pattern, enum, range, no member
 * outside the shape), partial updates, paging, and each error the model declares for the operation. Raw requests,
 * not the typed SDK client: the model is newer than the SDK's classes (SDK 2.35.0 drops members it does not know).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceModelConformanceTest {
    private static final String ROLE = "arn:aws:iam::000000000000:role/as2-access";
    private static final String LOG_GROUP = "arn:aws:logs:eu-west-1:000000000000:log-group:as2:*";
    private static final Set<String> PROTOCOL_ERRORS = Set.of("ValidationException", "SerializationException");

    /** Input members that do not apply to AS2 resources, so no happy path sends them; each with the reason. */
    private static final Map<String, String> NOT_FOR_AS2 = Map.ofEntries(
            Map.entry("CreateConnector.sftpConfig", "SFTP connectors only; refused on AS2 connectors"),
            Map.entry("CreateConnector.egressConfig", "SFTP connectors only (VPC_LATTICE egress); refused"),
            Map.entry("CreateConnector.securityPolicyName", "SFTP connector policies (TransferSFTPConnector...)"),
            Map.entry("UpdateConnector.sftpConfig", "SFTP connectors only"),
            Map.entry("UpdateConnector.egressConfig", "SFTP connectors only"),
            Map.entry("UpdateConnector.securityPolicyName", "SFTP connector policies"),
            Map.entry("CreateServer.certificate", "an ACM certificate for FTPS"),
            Map.entry("CreateServer.hostKey", "an SFTP host key"),
            Map.entry("CreateServer.endpointDetails", "VPC networking, which this runtime does not manage"),
            Map.entry("CreateServer.identityProviderDetails", "users' identity providers; AS2 has no users"),
            Map.entry("CreateServer.workflowDetails", "managed workflows, not part of this runtime"),
            Map.entry("CreateServer.protocolDetails.passiveIp", "FTP passive mode"),
            Map.entry("UpdateServer.certificate", "an ACM certificate for FTPS"),
            Map.entry("UpdateServer.hostKey", "an SFTP host key"),
            Map.entry("UpdateServer.endpointDetails", "VPC networking"),
            Map.entry("UpdateServer.identityProviderDetails", "users' identity providers"),
            Map.entry("UpdateServer.workflowDetails", "managed workflows"),
            Map.entry("UpdateServer.protocolDetails.passiveIp", "FTP passive mode"),
            Map.entry("StartFileTransfer.retrieveFilePaths", "SFTP connectors only"),
            Map.entry("StartFileTransfer.localDirectoryPath", "SFTP connectors only"),
            Map.entry("StartFileTransfer.remoteDirectoryPath", "SFTP connectors only"),
            Map.entry("CreateAgreement.customDirectories", "exclusive with BaseDirectory: its own happy path"
                    + " (CreateAgreement with CustomDirectories) is checked in happyPaths"),
            Map.entry("UpdateAgreement.customDirectories", "exclusive with BaseDirectory: sent in partialUpdates"));

    /** Errors the model declares that this runtime never answers for the operation, each with the reason. */
    private static final Map<String, String> NOT_PRODUCED = Map.ofEntries(
            Map.entry("ResourceExistsException:CreateConnector", "IDs are generated; nothing can collide"),
            Map.entry("ResourceExistsException:UpdateConnector", "nothing a connector update can collide with"),
            Map.entry("ResourceExistsException:CreateServer", "IDs are generated; nothing can collide"),
            Map.entry("ResourceExistsException:UpdateServer", "nothing a server update can collide with"),
            Map.entry("ConflictException:UpdateServer", "no asynchronous server changes to conflict with"),
            Map.entry("ThrottlingException:*", "only StartFileTransfer has a quota (3/s, as AWS)"),
            Map.entry("ServiceUnavailableException:*", "only StartFileTransfer depends on another route"),
            Map.entry("InternalServiceError:read", "reads touch memory only; writes fail this way when the"
                    + " registry cannot be saved"),
            Map.entry("ResourceNotFoundException:list", "a listing without a parent resource has nothing to miss"),
            Map.entry("ResourceNotFoundException:ImportCertificate", "references nothing"),
            Map.entry("ResourceNotFoundException:CreateServer", "references nothing"));

    private final ServiceModel model = ServiceModel.bundled();
    private final ShapeChecker checker = new ShapeChecker(model);
    private final ObjectMapper json = TransferJson.wire();
    /** Member paths each operation's successful requests carried. */
    private final Map<String, Set<String>> sentMembers = new ConcurrentHashMap<>();
    /** Error types each operation answered. */
    private final Map<String, Set<String>> answeredErrors = new ConcurrentHashMap<>();
    private ApiHarness api;
    private SignedHttp raw;
    private final Ids ids = new Ids();

    /** The resources the happy paths created. */
    private static final class Ids {
        String signingCert;
        String encryptionCert;
        String localProfile;
        String partnerProfile;
        String partnerProfile2;
        String server;
        String server2;
        String connector;
        String agreement;
        String agreementCustom;
        String connectorArn;
    }

    @BeforeAll
    void start() throws Exception {
        api = ApiHarness.start(Map.of("configuration.accessKeys", ApiHarness.KEY_ID + ":" + ApiHarness.SECRET + ","
                        + ApiHarness.READ_ONLY_KEY_ID + ":" + ApiHarness.READ_ONLY_SECRET,
                        "configuration.readOnlyAccessKeys", ApiHarness.READ_ONLY_KEY_ID,
                        "configuration.startFileTransferRate", "1", "storeDirectory",
                        java.nio.file.Files.createTempDirectory("conformance-store").toString()), "transfer-as2:api",
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        // accepted into the transfer store (files stay QUEUED: no route sends them), so that
                        // ListFileTransferResults has a transfer to answer; "/garbage" stands for a broken route
                        from("direct:transfer-as2-start-file-transfer").routeId("outbound-stand-in")
                                .choice()
                                .when(body().contains("/garbage")).setBody(constant("not json"))
                                .otherwise().to("transfer-as2:transfers");
                    }
                });
        raw = new SignedHttp(api.endpoint());
    }

    @AfterAll
    void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    @Test
    @Order(1)
    void everyServedOperationIsInTheModelWithItsMembers() {
        for (ApiOperation operation : ApiOperation.values()) {
            assertThat(model.hasOperation(operation.awsName())).as(operation.awsName()).isTrue();
            JsonNode input = model.shape(model.inputShape(operation.awsName()).orElseThrow());
            Set<String> modelled = new TreeSet<>();
            input.path("members").fieldNames().forEachRemaining(modelled::add);
            assertThat(new TreeSet<>(operation.members())).as(operation.awsName()).isEqualTo(modelled);
        }
    }

    @Test
    @Order(2)
    void happyPathsWithEveryMemberThatAppliesToAs2() throws Exception {
        KeyMaterial signing = TestKeys.key("conformance-signing");
        KeyMaterial issuer = TestKeys.key("conformance-chain");
        Instant notBefore = signing.certificate().getNotBefore().toInstant().plus(1, ChronoUnit.DAYS);
        Instant notAfter = signing.certificate().getNotAfter().toInstant().minus(1, ChronoUnit.DAYS);
        ids.signingCert = ok("ImportCertificate", obj("Usage", "SIGNING",
                "Certificate", TestKeys.certificatePem(signing),
                "CertificateChain", TestKeys.certificatePem(issuer),
                "PrivateKey", TestKeys.privateKeyPem(signing),
                "ActiveDate", notBefore.getEpochSecond(), "InactiveDate", notAfter.getEpochSecond(),
                "Description", "signing-2026", "Tags", tags("team", "edi"))).path("CertificateId").asText();
        ids.encryptionCert = ok("ImportCertificate", obj("Usage", "ENCRYPTION",
                "Certificate", TestKeys.certificatePem(TestKeys.key("conformance-encryption"))))
                .path("CertificateId").asText();
        ids.localProfile = ok("CreateProfile", obj("As2Id", "CONFORMANCE LOCAL", "ProfileType", "LOCAL",
                "CertificateIds", List.of(ids.signingCert, ids.encryptionCert), "Tags", tags("side", "ours")))
                .path("ProfileId").asText();
        ids.partnerProfile = ok("CreateProfile", obj("As2Id", "CONFORMANCE-PARTNER", "ProfileType", "PARTNER"))
                .path("ProfileId").asText();
        ids.partnerProfile2 = ok("CreateProfile", obj("As2Id", "CONFORMANCE-PARTNER-2", "ProfileType",
                "PARTNER")).path("ProfileId").asText();
        ObjectNode server = obj("Domain", "S3", "EndpointType", "VPC", "IdentityProviderType", "SERVICE_MANAGED",
                "LoggingRole", ROLE, "PostAuthenticationLoginBanner", "Authorised use only.",
                "PreAuthenticationLoginBanner", "EDI gateway", "Protocols", List.of("AS2"),
                "ProtocolDetails", obj("As2Transports", List.of("HTTP"), "TlsSessionResumptionMode", "ENFORCED",
                        "SetStatOption", "DEFAULT"),
                "SecurityPolicyName", "TransferSecurityPolicy-2024-01", "Tags", tags("env", "test"),
                "StructuredLogDestinations", List.of(LOG_GROUP),
                "S3StorageOptions", obj("DirectoryListingOptimization", "DISABLED"), "IpAddressType", "IPV4");
        ids.server = ok("CreateServer", server).path("ServerId").asText();
        ids.server2 = ok("CreateServer", obj("Protocols", List.of("AS2"))).path("ServerId").asText();
        ObjectNode connector = ok("CreateConnector", obj("Url", "https://partner.example.com/as2",
                "As2Config", obj("LocalProfileId", ids.localProfile, "PartnerProfileId", ids.partnerProfile,
                        "MessageSubject", "Invoices 2026", "Compression", "ZLIB",
                        "EncryptionAlgorithm", "AES256_CBC", "SigningAlgorithm", "SHA256",
                        "MdnSigningAlgorithm", "SHA256", "MdnResponse", "ASYNC",
                        "BasicAuthSecretId", "as2/partner/basic", "PreserveContentType", "ENABLED",
                        "AsyncMdnConfig", obj("Url", "https://as2.example.com/mdn", "ServerIds",
                                List.of(ids.server))),
                "AccessRole", ROLE, "LoggingRole", ROLE, "Tags", tags("partner", "acme"),
                "IpAddressType", "IPV4"));
        ids.connector = connector.path("ConnectorId").asText();
        ids.agreement = ok("CreateAgreement", obj("Description", "acme-inbound", "ServerId", ids.server,
                "LocalProfileId", ids.localProfile, "PartnerProfileId", ids.partnerProfile,
                "BaseDirectory", "/inbound-bucket/acme", "AccessRole", ROLE, "Status", "ACTIVE",
                "Tags", tags("partner", "acme"), "PreserveFilename", "ENABLED", "EnforceMessageSigning",
                "ENABLED")).path("AgreementId").asText();
        ids.agreementCustom = ok("CreateAgreement", obj("ServerId", ids.server, "LocalProfileId", ids.localProfile,
                "PartnerProfileId", ids.partnerProfile2, "AccessRole", ROLE, "CustomDirectories", obj(
                        "FailedFilesDirectory", "/bucket/failed", "MdnFilesDirectory", "/bucket/mdn",
                        "PayloadFilesDirectory", "/bucket/payload", "StatusFilesDirectory", "/bucket/status",
                        "TemporaryFilesDirectory", "/bucket/tmp"))).path("AgreementId").asText();
        String transferId = ok("StartFileTransfer", obj("ConnectorId", ids.connector, "SendFilePaths",
                List.of("/outbound-bucket/inv-1.edi", "/outbound-bucket/inv-2.edi"), "CustomHttpHeaders",
                List.of(obj("Key", "X-Partner-Ref", "Value", "PO 4711/A")))).path("TransferId").asText();
        String firstPage = ok("ListFileTransferResults", obj("ConnectorId", ids.connector, "TransferId", transferId,
                "MaxResults", 1)).path("NextToken").asText();
        ok("ListFileTransferResults", obj("ConnectorId", ids.connector, "TransferId", transferId, "MaxResults", 1,
                "NextToken", firstPage));

        // every Describe*, then tags and the remaining writes with all their members
        ids.connectorArn = ok("DescribeConnector", obj("ConnectorId", ids.connector)).path("Connector").path("Arn")
                .asText();
        ok("DescribeCertificate", obj("CertificateId", ids.signingCert));
        ok("DescribeProfile", obj("ProfileId", ids.localProfile));
        ok("DescribeServer", obj("ServerId", ids.server));
        ok("DescribeServer", obj("ServerId", ids.server2));
        ok("DescribeAgreement", obj("AgreementId", ids.agreement, "ServerId", ids.server));
        ok("DescribeAgreement", obj("AgreementId", ids.agreementCustom, "ServerId", ids.server));
        ok("TagResource", obj("Arn", ids.connectorArn, "Tags", tags("cost-centre", "42")));
        ok("ListTagsForResource", obj("Arn", ids.connectorArn, "MaxResults", 1));
        ok("UntagResource", obj("Arn", ids.connectorArn, "TagKeys", List.of("cost-centre")));
        ok("UpdateCertificate", obj("CertificateId", ids.signingCert, "ActiveDate", notBefore.getEpochSecond(),
                "InactiveDate", notAfter.getEpochSecond(), "Description", "signing-2026-renamed"));
        ok("UpdateProfile", obj("ProfileId", ids.localProfile, "CertificateIds", List.of(ids.signingCert,
                ids.encryptionCert)));
        ok("UpdateConnector", obj("ConnectorId", ids.connector, "Url", "https://partner.example.com/as2/v2",
                "As2Config", obj("LocalProfileId", ids.localProfile, "PartnerProfileId", ids.partnerProfile,
                        "MessageSubject", "Invoices", "Compression", "DISABLED",
                        "EncryptionAlgorithm", "AES128_CBC", "SigningAlgorithm", "SHA384",
                        "MdnSigningAlgorithm", "DEFAULT", "MdnResponse", "SYNC",
                        "BasicAuthSecretId", "", "PreserveContentType", "DISABLED",
                        "AsyncMdnConfig", obj("Url", "https://as2.example.com/mdn2", "ServerIds",
                                List.of(ids.server))),
                "AccessRole", ROLE, "LoggingRole", ROLE, "IpAddressType", "DUALSTACK"));
        ok("UpdateServer", obj("ServerId", ids.server, "LoggingRole", ROLE,
                "PostAuthenticationLoginBanner", "Bye", "PreAuthenticationLoginBanner", "Hello",
                "Protocols", List.of("AS2"), "ProtocolDetails", obj("As2Transports", List.of("HTTP"),
                        "TlsSessionResumptionMode", "ENABLED", "SetStatOption", "ENABLE_NO_OP"),
                "SecurityPolicyName", "TransferSecurityPolicy-2024-01", "EndpointType", "VPC",
                "StructuredLogDestinations", List.of(LOG_GROUP), "S3StorageOptions",
                obj("DirectoryListingOptimization", "ENABLED"), "IpAddressType", "IPV4",
                "IdentityProviderType", "SERVICE_MANAGED"));
        ok("UpdateAgreement", obj("AgreementId", ids.agreement, "ServerId", ids.server,
                "Description", "acme-inbound-2", "Status", "ACTIVE", "LocalProfileId", ids.localProfile,
                "PartnerProfileId", ids.partnerProfile, "BaseDirectory", "/inbound-bucket/acme2",
                "AccessRole", ROLE, "PreserveFilename", "DISABLED", "EnforceMessageSigning", "DISABLED"));
        ok("StopServer", obj("ServerId", ids.server2));
        ok("StartServer", obj("ServerId", ids.server2));
        for (String list : List.of("ListConnectors", "ListCertificates", "ListServers")) {
            ok(list, obj("MaxResults", 1000));
        }
        ok("ListProfiles", obj("MaxResults", 1000, "ProfileType", "PARTNER"));
        ok("ListAgreements", obj("MaxResults", 1000, "ServerId", ids.server));
    }

    @Test
    @Order(3)
    void describeOutputsCarryTheModelsRequiredMembersAndDefaults() throws Exception {
        JsonNode connector = ok("DescribeConnector", obj("ConnectorId", ids.connector)).path("Connector");
        assertThat(connector.path("Status").asText()).isEqualTo("ACTIVE");
        assertThat(connector.path("EgressType").asText()).isEqualTo("SERVICE_MANAGED");
        // the Url-only AsyncMdnConfig update of partialUpdates has not run yet; ServerIds came with the update
        assertThat(connector.path("As2Config").has("BasicAuthSecretId")).isFalse();
        JsonNode server = ok("DescribeServer", obj("ServerId", ids.server2)).path("Server");
        assertThat(server.path("Domain").asText()).isEqualTo("S3");
        assertThat(server.path("IdentityProviderType").asText()).isEqualTo("SERVICE_MANAGED");
        assertThat(server.path("UserCount").asInt(-1)).isZero();
        assertThat(server.path("ProtocolDetails").path("TlsSessionResumptionMode").asText()).isEqualTo("ENFORCED");
        JsonNode agreement = ok("DescribeAgreement", obj("AgreementId", ids.agreementCustom, "ServerId", ids.server))
                .path("Agreement");
        assertThat(agreement.path("PreserveFilename").asText()).isEqualTo("DISABLED");
        assertThat(agreement.path("EnforceMessageSigning").asText()).isEqualTo("DISABLED");
        JsonNode certificate = ok("DescribeCertificate", obj("CertificateId", ids.signingCert)).path("Certificate");
        assertThat(certificate.path("Serial").asText()).matches("[0-9a-f]{1,48}");

        // an empty LoggingRole removes it, so ListServers still meets the Role shape (min 20)
        ok("UpdateServer", obj("ServerId", ids.server, "LoggingRole", ""));
        assertThat(ok("DescribeServer", obj("ServerId", ids.server)).path("Server").has("LoggingRole")).isFalse();
        ok("ListServers", obj());
        ok("UpdateServer", obj("ServerId", ids.server, "LoggingRole", ROLE));
    }

    @Test
    @Order(4)
    void partialUpdatesChangeOnlyWhatTheyName() throws Exception {
        partial("DescribeConnector", obj("ConnectorId", ids.connector), "Connector",
                "UpdateConnector", obj("ConnectorId", ids.connector, "As2Config", obj("Compression", "ZLIB")),
                "As2Config.Compression");
        partial("DescribeConnector", obj("ConnectorId", ids.connector), "Connector",
                "UpdateConnector", obj("ConnectorId", ids.connector, "As2Config", obj("AsyncMdnConfig",
                        obj("Url", "https://as2.example.com/mdn3"))), "As2Config.AsyncMdnConfig.Url");
        partial("DescribeConnector", obj("ConnectorId", ids.connector), "Connector",
                "UpdateConnector", obj("ConnectorId", ids.connector, "Url", "https://partner.example.com/as2/v3"),
                "Url");
        partial("DescribeCertificate", obj("CertificateId", ids.signingCert), "Certificate",
                "UpdateCertificate", obj("CertificateId", ids.signingCert, "Description", "only-this"),
                "Description");
        partial("DescribeProfile", obj("ProfileId", ids.localProfile), "Profile",
                "UpdateProfile", obj("ProfileId", ids.localProfile, "CertificateIds", List.of(ids.signingCert)),
                "CertificateIds");
        partial("DescribeAgreement", obj("AgreementId", ids.agreement, "ServerId", ids.server), "Agreement",
                "UpdateAgreement", obj("AgreementId", ids.agreement, "ServerId", ids.server, "Status", "INACTIVE"),
                "Status");
        partial("DescribeAgreement", obj("AgreementId", ids.agreement, "ServerId", ids.server), "Agreement",
                "UpdateAgreement", obj("AgreementId", ids.agreement, "ServerId", ids.server, "CustomDirectories",
                        obj("FailedFilesDirectory", "/b/f", "MdnFilesDirectory", "/b/m", "PayloadFilesDirectory",
                                "/b/p", "StatusFilesDirectory", "/b/s", "TemporaryFilesDirectory", "/b/t")),
                "CustomDirectories", "BaseDirectory");
        partial("DescribeServer", obj("ServerId", ids.server), "Server",
                "UpdateServer", obj("ServerId", ids.server, "PreAuthenticationLoginBanner", "Only this"),
                "PreAuthenticationLoginBanner");
    }

    @Test
    @Order(5)
    void pagingVisitsEveryItemOnceAndTokensStayWithTheirListing() throws Exception {
        pages("ListConnectors", obj(), "Connectors", "ConnectorId", 1);
        ok("CreateConnector", obj("Url", "https://second.example.com/as2", "AccessRole", ROLE, "As2Config",
                obj("LocalProfileId", ids.localProfile, "PartnerProfileId", ids.partnerProfile)));
        String connectorsToken = pages("ListConnectors", obj(), "Connectors", "ConnectorId", 2);
        String certificatesToken = pages("ListCertificates", obj(), "Certificates", "CertificateId", 2);
        pages("ListProfiles", obj(), "Profiles", "ProfileId", 3);
        String partnersToken = pages("ListProfiles", obj("ProfileType", "PARTNER"), "Profiles", "ProfileId", 2);
        pages("ListServers", obj(), "Servers", "ServerId", 2);
        String agreementsToken = pages("ListAgreements", obj("ServerId", ids.server), "Agreements",
                "AgreementId", 2);
        ok("TagResource", obj("Arn", ids.connectorArn, "Tags", tags("a", "1")));
        String tagsToken = pages("ListTagsForResource", obj("Arn", ids.connectorArn), "Tags", "Key", 2);

        assertThat(error("ListConnectors", obj("NextToken", certificatesToken))).isEqualTo(
                "InvalidNextTokenException");
        assertThat(error("ListCertificates", obj("NextToken", connectorsToken))).isEqualTo(
                "InvalidNextTokenException");
        assertThat(error("ListProfiles", obj("NextToken", partnersToken))).isEqualTo("InvalidNextTokenException");
        assertThat(error("ListAgreements", obj("ServerId", ids.server2, "NextToken", agreementsToken)))
                .isEqualTo("InvalidNextTokenException");
        assertThat(error("ListServers", obj("NextToken", tagsToken))).isEqualTo("InvalidNextTokenException");
        assertThat(error("ListTagsForResource", obj("Arn", ids.connectorArn, "NextToken", "bm90LWEtdG9rZW4")))
                .isEqualTo("InvalidNextTokenException");
    }

    @Test
    @Order(6)
    void everyModelledErrorIsAnsweredOrExplained() throws Exception {
        String missingConnector = "c-00000000000000000";
        String missingProfile = "p-00000000000000000";
        String missingCert = "cert-00000000000000000";
        String missingServer = "s-00000000000000000";
        String missingAgreement = "a-00000000000000000";
        String missingArn = "arn:aws:transfer:eu-west-1:000000000000:connector/" + missingConnector;
        Map<String, ObjectNode> notFound = new LinkedHashMap<>();
        notFound.put("CreateConnector", obj("Url", "https://x.example.com", "AccessRole", ROLE, "As2Config",
                obj("LocalProfileId", missingProfile, "PartnerProfileId", ids.partnerProfile)));
        notFound.put("UpdateConnector", obj("ConnectorId", missingConnector, "Url", "https://x.example.com"));
        notFound.put("DescribeConnector", obj("ConnectorId", missingConnector));
        notFound.put("DeleteConnector", obj("ConnectorId", missingConnector));
        notFound.put("CreateProfile", obj("As2Id", "X", "ProfileType", "LOCAL", "CertificateIds",
                List.of(missingCert)));
        notFound.put("UpdateProfile", obj("ProfileId", missingProfile));
        notFound.put("DescribeProfile", obj("ProfileId", missingProfile));
        notFound.put("DeleteProfile", obj("ProfileId", missingProfile));
        notFound.put("UpdateCertificate", obj("CertificateId", missingCert, "Description", "x"));
        notFound.put("DescribeCertificate", obj("CertificateId", missingCert));
        notFound.put("DeleteCertificate", obj("CertificateId", missingCert));
        notFound.put("CreateAgreement", obj("ServerId", missingServer, "LocalProfileId", ids.localProfile,
                "PartnerProfileId", ids.partnerProfile, "AccessRole", ROLE, "BaseDirectory", "/b"));
        notFound.put("UpdateAgreement", obj("AgreementId", missingAgreement, "ServerId", ids.server));
        notFound.put("DescribeAgreement", obj("AgreementId", missingAgreement, "ServerId", ids.server));
        notFound.put("DeleteAgreement", obj("AgreementId", missingAgreement, "ServerId", ids.server));
        notFound.put("ListAgreements", obj("ServerId", missingServer));
        notFound.put("UpdateServer", obj("ServerId", missingServer));
        notFound.put("DescribeServer", obj("ServerId", missingServer));
        notFound.put("DeleteServer", obj("ServerId", missingServer));
        notFound.put("StartServer", obj("ServerId", missingServer));
        notFound.put("StopServer", obj("ServerId", missingServer));
        notFound.put("StartFileTransfer", obj("ConnectorId", missingConnector,
                "SendFilePaths", List.of("/outbound-bucket/k.edi")));
        notFound.put("TagResource", obj("Arn", missingArn, "Tags", tags("k", "v")));
        notFound.put("UntagResource", obj("Arn", missingArn, "TagKeys", List.of("k")));

        Map<String, Set<String>> covered = new TreeMap<>();
        for (ApiOperation operation : ApiOperation.values()) {
            String name = operation.awsName();
            for (String modelled : model.errors(name)) {
                if (operation == ApiOperation.START_FILE_TRANSFER) {
                    Thread.sleep(1100); // a fresh token of the 1/s quota, so only the error under test answers
                }
                String answered = switch (modelled) {
                    case "ResourceNotFoundException" -> notFound.containsKey(name)
                            ? error(name, notFound.get(name)) : null;
                    case "InvalidRequestException" -> error(name, invalidRequest(operation));
                    case "InvalidNextTokenException" -> error(name, withRequired(name, obj("NextToken",
                            "bm90LWEtdG9rZW4")));
                    case "InternalServiceError" -> operation == ApiOperation.START_FILE_TRANSFER
                            ? error(name, obj("ConnectorId", ids.connector, "SendFilePaths",
                                    List.of("/outbound-bucket/garbage")))
                            : operation.isReadOnly() ? null : failingStore(operation);
                    case "AccessDeniedException" -> raw(name, invalidRequest(operation), ApiHarness.READ_ONLY_KEY_ID,
                            ApiHarness.READ_ONLY_SECRET);
                    case "ThrottlingException" -> "StartFileTransfer".equals(name) ? throttled() : null;
                    case "ServiceUnavailableException" -> "StartFileTransfer".equals(name) ? unavailable() : null;
                    case "ResourceExistsException" -> name.endsWith("Agreement") ? ambiguousAgreement(name) : null;
                    default -> null;
                };
                if (answered == null) {
                    assertThat(explained(modelled, operation)).as(modelled + " of " + name
                            + " is neither answered nor explained").isNotNull();
                } else {
                    assertThat(answered).as(modelled + " of " + name).isEqualTo(modelled);
                    covered.computeIfAbsent(name, k -> new TreeSet<>()).add(modelled);
                }
            }
        }
        assertThat(covered.keySet()).hasSize(ApiOperation.values().length);
    }

    @Test
    @Order(7)
    void deletesRemoveWhatTheyName() throws Exception {
        ok("UntagResource", obj("Arn", ids.connectorArn, "TagKeys", List.of("a", "partner")));
        assertThat(ok("ListTagsForResource", obj("Arn", ids.connectorArn)).has("Tags")).isFalse();
        ok("ListConnectors", obj()).path("Connectors").forEach(c -> {
            try {
                ok("DeleteConnector", obj("ConnectorId", c.path("ConnectorId").asText()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (String server : List.of(ids.server, ids.server2)) {
            for (JsonNode agreement : ok("ListAgreements", obj("ServerId", server)).path("Agreements")) {
                ok("DeleteAgreement", obj("AgreementId", agreement.path("AgreementId").asText(), "ServerId",
                        server));
            }
        }
        for (JsonNode server : ok("ListServers", obj()).path("Servers")) {
            ok("DeleteServer", obj("ServerId", server.path("ServerId").asText()));
        }
        for (JsonNode profile : ok("ListProfiles", obj()).path("Profiles")) {
            ok("DeleteProfile", obj("ProfileId", profile.path("ProfileId").asText()));
        }
        for (JsonNode certificate : ok("ListCertificates", obj()).path("Certificates")) {
            ok("DeleteCertificate", obj("CertificateId", certificate.path("CertificateId").asText()));
        }
        assertThat(error("DescribeConnector", obj("ConnectorId", ids.connector)))
                .isEqualTo("ResourceNotFoundException");
        assertThat(ok("ListServers", obj()).path("Servers").size()).isZero();
    }

    @Test
    @Order(8)
    void everyMemberThatAppliesToAs2WasSentAndEveryAnswerWasModelled() {
        for (ApiOperation operation : ApiOperation.values()) {
            String name = operation.awsName();
            Set<String> expected = new TreeSet<>();
            memberPaths(model.inputShape(name).orElseThrow(), "", expected, 0);
            expected.removeIf(path -> NOT_FOR_AS2.keySet().stream().anyMatch(excluded ->
                    (name + "." + path).equals(excluded) || (name + "." + path).startsWith(excluded + ".")));
            assertThat(sentMembers.getOrDefault(name, Set.of())).as("members sent to " + name)
                    .containsAll(expected);
        }
        answeredErrors.forEach((operation, errors) -> {
            Set<String> allowed = new TreeSet<>(model.errors(operation));
            allowed.addAll(PROTOCOL_ERRORS);
            assertThat(allowed).as("errors answered by " + operation).containsAll(errors);
        });
    }

    // ---- error triggers ------------------------------------------------------------------------------------

    private ObjectNode invalidRequest(ApiOperation operation) {
        return switch (operation) {
            case CREATE_CONNECTOR -> obj("Url", "ftp://partner.example.com", "AccessRole", ROLE, "As2Config",
                    obj("LocalProfileId", ids.localProfile, "PartnerProfileId", ids.partnerProfile));
            case UPDATE_CONNECTOR -> obj("ConnectorId", ids.connector, "Url", "ftp://partner.example.com");
            case DELETE_PROFILE -> obj("ProfileId", ids.localProfile);
            case DELETE_CERTIFICATE -> obj("CertificateId", ids.signingCert);
            case DELETE_SERVER -> obj("ServerId", ids.server);
            case CREATE_SERVER -> obj("Protocols", List.of("AS2"), "Domain", "EFS");
            case UPDATE_SERVER -> obj("ServerId", ids.server, "EndpointType", "PUBLIC");
            case CREATE_PROFILE -> obj("As2Id", "X", "ProfileType", "LOCAL", "CertificateIds",
                    List.of(ids.signingCert, ids.signingCert));
            case UPDATE_PROFILE -> obj("ProfileId", ids.localProfile, "CertificateIds",
                    List.of(ids.signingCert, ids.signingCert));
            case IMPORT_CERTIFICATE -> obj("Usage", "SIGNING", "Certificate", "-----BEGIN CERTIFICATE-----\nAA==\n"
                    + "-----END CERTIFICATE-----\n");
            case CREATE_AGREEMENT -> obj("ServerId", ids.server, "LocalProfileId", ids.partnerProfile,
                    "PartnerProfileId", ids.partnerProfile, "AccessRole", ROLE, "BaseDirectory", "/b");
            case UPDATE_AGREEMENT -> obj("AgreementId", ids.agreement, "ServerId", ids.server, "LocalProfileId",
                    ids.partnerProfile);
            case START_FILE_TRANSFER -> obj("ConnectorId", ids.connector, "SendFilePaths", List.of("no-bucket"));
            case LIST_TAGS_FOR_RESOURCE -> obj("Arn", "arn:aws:transfer:eu-west-1:000000000000:connector/"
                    + "c-00000000000000000");
            case UPDATE_CERTIFICATE -> obj("CertificateId", ids.signingCert, "ActiveDate", 0);
            // no semantic rule left to break: an unknown member (refused here, ignored by AWS)
            default -> withRequired(operation.awsName(), obj("Unknown", "x"));
        };
    }

    private String failingStore(ApiOperation operation) throws Exception {
        // deletes get a fresh resource that nothing references, so only the failing save can refuse them
        String fresh = switch (operation) {
            case DELETE_PROFILE -> ok("CreateProfile", obj("As2Id", "UNUSED-" + UUID.randomUUID(), "ProfileType",
                    "PARTNER")).path("ProfileId").asText();
            case DELETE_CERTIFICATE -> ok("ImportCertificate", obj("Usage", "ENCRYPTION", "Certificate",
                    TestKeys.certificatePem(TestKeys.key("conformance-unused")))).path("CertificateId").asText();
            case DELETE_SERVER -> ok("CreateServer", obj("Protocols", List.of("AS2"))).path("ServerId").asText();
            default -> null;
        };
        var registry = api.component().transferRegistry();
        registry.setStore(snapshot -> {
            throw new IllegalStateException("disk full");
        });
        try {
            ObjectNode request = switch (operation) {
                case CREATE_CONNECTOR -> obj("Url", "https://x.example.com", "AccessRole", ROLE, "As2Config",
                        obj("LocalProfileId", ids.localProfile, "PartnerProfileId", ids.partnerProfile));
                case UPDATE_CONNECTOR -> obj("ConnectorId", ids.connector, "Url", "https://x.example.com");
                case CREATE_PROFILE -> obj("As2Id", "NOT-SAVED", "ProfileType", "PARTNER");
                case UPDATE_PROFILE -> obj("ProfileId", ids.partnerProfile2);
                case IMPORT_CERTIFICATE -> obj("Usage", "ENCRYPTION", "Certificate",
                        TestKeys.certificatePem(TestKeys.key("conformance-not-saved")));
                case UPDATE_CERTIFICATE -> obj("CertificateId", ids.encryptionCert, "Description", "x");
                case CREATE_AGREEMENT -> obj("ServerId", ids.server2, "LocalProfileId", ids.localProfile,
                        "PartnerProfileId", ids.partnerProfile, "AccessRole", ROLE, "BaseDirectory", "/b");
                case UPDATE_AGREEMENT -> obj("AgreementId", ids.agreement, "ServerId", ids.server,
                        "Description", "x");
                case CREATE_SERVER -> obj("Protocols", List.of("AS2"));
                case UPDATE_SERVER, START_SERVER, STOP_SERVER -> obj("ServerId", ids.server2);
                case TAG_RESOURCE -> obj("Arn", ids.connectorArn, "Tags", tags("x", "y"));
                case UNTAG_RESOURCE -> obj("Arn", ids.connectorArn, "TagKeys", List.of("a"));
                case DELETE_CONNECTOR -> obj("ConnectorId", ids.connector);
                case DELETE_PROFILE -> obj("ProfileId", fresh);
                case DELETE_CERTIFICATE -> obj("CertificateId", fresh);
                case DELETE_AGREEMENT -> obj("AgreementId", ids.agreement, "ServerId", ids.server);
                case DELETE_SERVER -> obj("ServerId", fresh);
                default -> null;
            };
            return request == null ? null : error(operation.awsName(), request);
        } finally {
            registry.setStore(null);
        }
    }

    private String throttled() throws Exception {
        String last = null;
        for (int i = 0; i < 5 && !"ThrottlingException".equals(last); i++) {
            last = error("StartFileTransfer", obj("ConnectorId", ids.connector, "SendFilePaths",
                    List.of("/outbound-bucket/k.edi")), true);
        }
        return last;
    }

    private String unavailable() throws Exception {
        api.context.getRouteController().stopRoute("outbound-stand-in");
        try {
            Thread.sleep(1100); // a fresh StartFileTransfer token (rate 1/s)
            return error("StartFileTransfer", obj("ConnectorId", ids.connector,
                    "SendFilePaths", List.of("/outbound-bucket/k.edi")));
        } finally {
            api.context.getRouteController().startRoute("outbound-stand-in");
        }
    }

    private String ambiguousAgreement(String operation) throws Exception {
        if ("CreateAgreement".equals(operation)) {
            return error(operation, obj("ServerId", ids.server, "LocalProfileId", ids.localProfile,
                    "PartnerProfileId", ids.partnerProfile2, "AccessRole", ROLE, "BaseDirectory", "/b"));
        }
        // UpdateAgreement: reactivating an agreement whose profiles another active one already serves
        String second = ok("CreateAgreement", obj("ServerId", ids.server2, "LocalProfileId", ids.localProfile,
                "PartnerProfileId", ids.partnerProfile2, "AccessRole", ROLE, "BaseDirectory", "/b",
                "Status", "INACTIVE")).path("AgreementId").asText();
        ok("CreateAgreement", obj("ServerId", ids.server2, "LocalProfileId", ids.localProfile,
                "PartnerProfileId", ids.partnerProfile2, "AccessRole", ROLE, "BaseDirectory", "/c"));
        return error(operation, obj("AgreementId", second, "ServerId", ids.server2, "Status", "ACTIVE"));
    }

    private static String explained(String error, ApiOperation operation) {
        String name = operation.awsName();
        String reason = NOT_PRODUCED.get(error + ":" + name);
        if (reason == null) {
            reason = NOT_PRODUCED.get(error + ":*");
        }
        if (reason == null && operation.isReadOnly()) {
            reason = NOT_PRODUCED.get(error + ":read");
        }
        if (reason == null && name.startsWith("List")) {
            reason = NOT_PRODUCED.get(error + ":list");
        }
        return reason;
    }

    // ---- calls ---------------------------------------------------------------------------------------------

    /** A call that must succeed; the request must itself meet the model, and the answer its output shape. */
    private ObjectNode ok(String operation, ObjectNode request) throws Exception {
        assertThat(checker.check(model.inputShape(operation).orElseThrow(), request))
                .as("the test's own %s request meets the model", operation).isEmpty();
        HttpResponse<String> response = send(operation, request, ApiHarness.KEY_ID, ApiHarness.SECRET);
        assertThat(response.statusCode()).as(operation + ": " + response.body()).isEqualTo(200);
        ObjectNode body = response.body().isEmpty() ? json.createObjectNode()
                : (ObjectNode) json.readTree(response.body());
        String output = model.outputShape(operation).orElse(null);
        if (output == null) {
            assertThat(body.size()).as(operation + " answers no members").isZero();
        } else {
            assertThat(checker.check(output, body)).as(operation + " output " + body).isEmpty();
        }
        Set<String> sent = sentMembers.computeIfAbsent(operation, k -> ConcurrentHashMap.newKeySet());
        collectPaths(request, "", sent);
        return body;
    }

    private String error(String operation, ObjectNode request) throws Exception {
        return error(operation, request, false);
    }

    private String error(String operation, ObjectNode request, boolean successAllowed) throws Exception {
        HttpResponse<String> response = send(operation, request, ApiHarness.KEY_ID, ApiHarness.SECRET);
        if (response.statusCode() == 200 && successAllowed) {
            return null;
        }
        return errorOf(operation, response);
    }

    private String raw(String operation, ObjectNode request, String keyId, String secret) throws Exception {
        return errorOf(operation, send(operation, request, keyId, secret));
    }

    private String errorOf(String operation, HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(operation + " must fail: " + response.body()).isBetween(400, 599);
        JsonNode body = json.readTree(response.body());
        String type = body.path("__type").asText();
        assertThat(type).as(operation + " error type").isNotEmpty();
        assertThat(body.path("Message").asText()).as(operation + " error message").isNotEmpty();
        if (model.errors(operation).contains(type)) {
            // a modelled error's members meet its shape (Message, Resource, ResourceType, RetryAfterSeconds)
            ObjectNode members = body.deepCopy();
            members.remove("__type");
            if (!model.shape(type).path("members").has("Message")) {
                members.remove("Message"); // the JSON protocol's message, which the SDKs read for every error
            }
            assertThat(checker.check(type, members)).as(operation + " " + type + " " + body).isEmpty();
        }
        answeredErrors.computeIfAbsent(operation, k -> ConcurrentHashMap.newKeySet()).add(type);
        return type;
    }

    private HttpResponse<String> send(String operation, ObjectNode request, String keyId, String secret)
            throws Exception {
        String body = json.writeValueAsString(request);
        return raw.send(raw.sign("TransferService." + operation, body, keyId, secret, "eu-west-1",
                Clock.systemUTC()), body);
    }

    /** Describe, update one thing, describe: only the named members changed, and to what was sent. */
    private void partial(String describe, ObjectNode describeRequest, String wrapper, String update,
                         ObjectNode updateRequest, String... changed) throws Exception {
        ObjectNode before = (ObjectNode) ok(describe, describeRequest).path(wrapper);
        ok(update, updateRequest);
        ObjectNode after = (ObjectNode) ok(describe, describeRequest).path(wrapper);
        ObjectNode expected = before.deepCopy();
        ObjectNode afterWithout = after.deepCopy();
        for (String path : changed) {
            remove(expected, path);
            remove(afterWithout, path);
        }
        assertThat(afterWithout).as(update + " changed only " + List.of(changed)).isEqualTo(expected);
        JsonNode sent = updateRequest.at("/" + changed[0].replace('.', '/'));
        assertThat(after.at("/" + changed[0].replace('.', '/'))).as(changed[0]).isEqualTo(sent);
    }

    private static void remove(ObjectNode node, String path) {
        String[] parts = path.split("\\.");
        ObjectNode parent = node;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.get(parts[i]);
            if (!(next instanceof ObjectNode object)) {
                return;
            }
            parent = object;
        }
        parent.remove(parts[parts.length - 1]);
    }

    /** Pages with MaxResults 1 through a listing; every page meets the model; returns a NextToken of it. */
    private String pages(String operation, ObjectNode filters, String itemsField, String idField, int atLeast)
            throws Exception {
        List<String> all = new ArrayList<>();
        ok(operation, withMax(filters, 1000)).path(itemsField).forEach(i -> all.add(i.path(idField).asText()));
        assertThat(all).as(operation).hasSizeGreaterThanOrEqualTo(atLeast);
        List<String> paged = new ArrayList<>();
        String token = null;
        String firstToken = null;
        do {
            ObjectNode request = withMax(filters, 1);
            if (token != null) {
                request.put("NextToken", token);
            }
            JsonNode page = ok(operation, request);
            assertThat(page.path(itemsField).size()).isLessThanOrEqualTo(1);
            page.path(itemsField).forEach(i -> paged.add(i.path(idField).asText()));
            token = page.path("NextToken").isTextual() ? page.path("NextToken").asText() : null;
            if (firstToken == null) {
                firstToken = token;
            }
        } while (token != null);
        assertThat(paged).as(operation + " pages").isEqualTo(all);
        return firstToken;
    }

    private static ObjectNode withMax(ObjectNode filters, int max) {
        ObjectNode request = filters.deepCopy();
        request.put("MaxResults", max);
        return request;
    }

    /** Adds the IDs an operation requires so that only the member under test is wrong. */
    private ObjectNode withRequired(String operation, ObjectNode request) {
        JsonNode input = model.shape(model.inputShape(operation).orElseThrow());
        for (JsonNode required : input.path("required")) {
            String member = required.asText();
            if (!request.has(member)) {
                switch (member) {
                    case "ServerId" -> request.put(member, ids.server);
                    case "ConnectorId" -> request.put(member, ids.connector);
                    case "ProfileId" -> request.put(member, ids.localProfile);
                    case "CertificateId" -> request.put(member, ids.signingCert);
                    case "AgreementId" -> request.put(member, ids.agreement);
                    case "Arn" -> request.put(member, ids.connectorArn);
                    default -> { }
                }
            }
        }
        return request;
    }

    // ---- model walking -------------------------------------------------------------------------------------

    private void memberPaths(String shapeName, String prefix, Set<String> out, int depth) {
        JsonNode shape = model.shape(shapeName);
        if (depth > 4) {
            return;
        }
        if ("structure".equals(shape.path("type").asText())) {
            shape.path("members").fields().forEachRemaining(member -> {
                String path = prefix.isEmpty() ? lower(member.getKey()) : prefix + "." + lower(member.getKey());
                out.add(path);
                memberPaths(member.getValue().path("shape").asText(), path, out, depth + 1);
            });
        } else if ("list".equals(shape.path("type").asText())) {
            memberPaths(shape.path("member").path("shape").asText(), prefix, out, depth + 1);
        }
    }

    private static void collectPaths(JsonNode node, String prefix, Set<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String path = prefix.isEmpty() ? lower(field.getKey()) : prefix + "." + lower(field.getKey());
                out.add(path);
                collectPaths(field.getValue(), path, out);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectPaths(item, prefix, out));
        }
    }

    private static String lower(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    // ---- JSON ----------------------------------------------------------------------------------------------

    private ObjectNode obj(Object... keyValues) {
        ObjectNode node = json.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.set((String) keyValues[i], json.valueToTree(keyValues[i + 1]));
        }
        return node;
    }

    private List<ObjectNode> tags(String key, String value) {
        return List.of(obj("Key", key, "Value", value));
    }
}
