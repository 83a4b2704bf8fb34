package io.transferas2.api;

import java.util.Optional;
import java.util.Set;

/**
 * The AWS Transfer operations the API serves, with the members each request may carry: exactly those of the
 * operation's input shape in botocore's service model ({@link ServiceModel}; ServiceModelConformanceTest keeps the two
 * equal). A member outside the set is a client error, which catches typos in hand-written requests.
 */
public enum ApiOperation {
    CREATE_CONNECTOR("CreateConnector", "Url", "As2Config", "AccessRole", "LoggingRole", "Tags", "SftpConfig",
            "SecurityPolicyName", "EgressConfig", "IpAddressType"),
    UPDATE_CONNECTOR("UpdateConnector", "ConnectorId", "Url", "As2Config", "AccessRole", "LoggingRole", "SftpConfig",
            "SecurityPolicyName", "EgressConfig", "IpAddressType"),
    DESCRIBE_CONNECTOR("DescribeConnector", "ConnectorId"),
    LIST_CONNECTORS("ListConnectors", "MaxResults", "NextToken"),
    DELETE_CONNECTOR("DeleteConnector", "ConnectorId"),

    CREATE_PROFILE("CreateProfile", "As2Id", "ProfileType", "CertificateIds", "Tags"),
    UPDATE_PROFILE("UpdateProfile", "ProfileId", "CertificateIds"),
    DESCRIBE_PROFILE("DescribeProfile", "ProfileId"),
    LIST_PROFILES("ListProfiles", "MaxResults", "NextToken", "ProfileType"),
    DELETE_PROFILE("DeleteProfile", "ProfileId"),

    IMPORT_CERTIFICATE("ImportCertificate", "Usage", "Certificate", "CertificateChain", "PrivateKey", "ActiveDate",
            "InactiveDate", "Description", "Tags"),
    UPDATE_CERTIFICATE("UpdateCertificate", "CertificateId", "ActiveDate", "InactiveDate", "Description"),
    DESCRIBE_CERTIFICATE("DescribeCertificate", "CertificateId"),
    LIST_CERTIFICATES("ListCertificates", "MaxResults", "NextToken"),
    DELETE_CERTIFICATE("DeleteCertificate", "CertificateId"),

    CREATE_AGREEMENT("CreateAgreement", "Description", "ServerId", "LocalProfileId", "PartnerProfileId",
            "BaseDirectory", "AccessRole", "Status", "Tags", "PreserveFilename", "EnforceMessageSigning",
            "CustomDirectories"),
    UPDATE_AGREEMENT("UpdateAgreement", "AgreementId", "ServerId", "Description", "Status", "LocalProfileId",
            "PartnerProfileId", "BaseDirectory", "AccessRole", "PreserveFilename", "EnforceMessageSigning",
            "CustomDirectories"),
    DESCRIBE_AGREEMENT("DescribeAgreement", "AgreementId", "ServerId"),
    LIST_AGREEMENTS("ListAgreements", "MaxResults", "NextToken", "ServerId"),
    DELETE_AGREEMENT("DeleteAgreement", "AgreementId", "ServerId"),

    CREATE_SERVER("CreateServer", "Certificate", "Domain", "EndpointDetails", "EndpointType", "HostKey",
            "IdentityProviderDetails", "IdentityProviderType", "LoggingRole", "PostAuthenticationLoginBanner",
            "PreAuthenticationLoginBanner", "Protocols", "ProtocolDetails", "SecurityPolicyName", "Tags",
            "WorkflowDetails", "StructuredLogDestinations", "S3StorageOptions", "IpAddressType"),
    UPDATE_SERVER("UpdateServer", "Certificate", "ProtocolDetails", "EndpointDetails", "EndpointType", "HostKey",
            "IdentityProviderDetails", "LoggingRole", "PostAuthenticationLoginBanner", "PreAuthenticationLoginBanner",
            "Protocols", "SecurityPolicyName", "ServerId", "WorkflowDetails", "StructuredLogDestinations",
            "S3StorageOptions", "IpAddressType", "IdentityProviderType"),
    DESCRIBE_SERVER("DescribeServer", "ServerId"),
    LIST_SERVERS("ListServers", "MaxResults", "NextToken"),
    DELETE_SERVER("DeleteServer", "ServerId"),
    START_SERVER("StartServer", "ServerId"),
    STOP_SERVER("StopServer", "ServerId"),

    START_FILE_TRANSFER("StartFileTransfer", "ConnectorId", "SendFilePaths", "CustomHttpHeaders",
            "RetrieveFilePaths", "LocalDirectoryPath", "RemoteDirectoryPath"),
    LIST_FILE_TRANSFER_RESULTS("ListFileTransferResults", "ConnectorId", "TransferId", "NextToken", "MaxResults"),

    TAG_RESOURCE("TagResource", "Arn", "Tags"),
    UNTAG_RESOURCE("UntagResource", "Arn", "TagKeys"),
    LIST_TAGS_FOR_RESOURCE("ListTagsForResource", "Arn", "MaxResults", "NextToken");

    /** The X-Amz-Target prefix of the Transfer service. */
    public static final String TARGET_PREFIX = "TransferService.";

    private final String awsName;
    private final Set<String> members;

    ApiOperation(String awsName, String... members) {
        this.awsName = awsName;
        this.members = Set.of(members);
    }

    /** The AWS operation name, e.g. {@code CreateConnector}. */
    public String awsName() {
        return awsName;
    }

    /** The request members the operation accepts. */
    public Set<String> members() {
        return members;
    }

    /** Describe* and List* only read; a read-only access key may call them. */
    public boolean isReadOnly() {
        return awsName.startsWith("Describe") || awsName.startsWith("List");
    }

    /** The operation an {@code X-Amz-Target} header names. */
    public static Optional<ApiOperation> fromTarget(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            return Optional.empty();
        }
        String name = target.substring(TARGET_PREFIX.length());
        for (ApiOperation operation : values()) {
            if (operation.awsName.equals(name)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
