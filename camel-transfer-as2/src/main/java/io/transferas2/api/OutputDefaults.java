package io.transferas2.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.transferas2.model.ResourceKind;

/**
 * The values AWS reports for members a resource was created without: the defaults the service model documents
 * (Domain S3, IdentityProviderType SERVICE_MANAGED, ...) and the facts of this runtime (an AS2 server has no users,
 * a connector is ACTIVE and leaves through the service's own network). Applied to API output only; the registry
 * and its file keep what was given, the non-AWS extension members included, which the output leaves out.
 */
final class OutputDefaults {
    static final String SECURITY_POLICY = "TransferSecurityPolicy-2018-11";
    /**
     * The non-AWS members (connector As2Config.Extensions, agreement Extensions): never in API output, which stays
     * within botocore's shapes; they live in the registry file, and API updates keep them.
     */
    static final String EXTENSIONS = "Extensions";

    private OutputDefaults() {
    }

    static ObjectNode apply(ResourceKind kind, ObjectNode resource) {
        switch (kind) {
            case CONNECTOR -> {
                if (resource.get("As2Config") instanceof ObjectNode config) {
                    config.remove(EXTENSIONS);
                }
                putIfAbsent(resource, "Status", "ACTIVE");
                putIfAbsent(resource, "EgressType", "SERVICE_MANAGED");
            }
            case SERVER -> server(resource);
            case AGREEMENT -> {
                resource.remove(EXTENSIONS);
                putIfAbsent(resource, "PreserveFilename", "DISABLED");
                putIfAbsent(resource, "EnforceMessageSigning", "DISABLED");
            }
            default -> {
                // certificates and profiles have no documented defaults beyond what the registry stores
            }
        }
        return resource;
    }

    private static void server(ObjectNode server) {
        putIfAbsent(server, "Domain", "S3");
        // AWS: "If Protocol includes AS2, then the EndpointType must be VPC"
        putIfAbsent(server, "EndpointType", "VPC");
        putIfAbsent(server, "IdentityProviderType", "SERVICE_MANAGED");
        putIfAbsent(server, "SecurityPolicyName", SECURITY_POLICY);
        putIfAbsent(server, "IpAddressType", "IPV4");
        if (!server.has("UserCount")) {
            server.put("UserCount", 0);
        }
        ObjectNode details = server.has("ProtocolDetails") && server.get("ProtocolDetails").isObject()
                ? (ObjectNode) server.get("ProtocolDetails") : server.putObject("ProtocolDetails");
        putIfAbsent(details, "TlsSessionResumptionMode", "ENFORCED");
        putIfAbsent(details, "SetStatOption", "DEFAULT");
        if (!details.has("As2Transports")) {
            details.putArray("As2Transports").add("HTTP");
        }
        ObjectNode storage = server.has("S3StorageOptions") && server.get("S3StorageOptions").isObject()
                ? (ObjectNode) server.get("S3StorageOptions") : server.putObject("S3StorageOptions");
        // "If using the API or CLI, this is disabled by default"
        putIfAbsent(storage, "DirectoryListingOptimization", "DISABLED");
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.has(field) || node.get(field).isNull()) {
            node.put(field, value);
        }
    }
}
