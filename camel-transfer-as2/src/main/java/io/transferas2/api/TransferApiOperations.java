package io.transferas2.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.transferas2.model.Agreement;
import io.transferas2.model.Certificate;
import io.transferas2.model.Connector;
import io.transferas2.model.FileTransferRequest;
import io.transferas2.model.Profile;
import io.transferas2.model.ProfileType;
import io.transferas2.model.ResourceKind;
import io.transferas2.model.Server;
import io.transferas2.model.Tag;
import io.transferas2.model.TransferJson;
import io.transferas2.model.TransferResource;
import io.transferas2.registry.FileTransferRules;
import io.transferas2.registry.InvalidRequestException;
import io.transferas2.registry.Page;
import io.transferas2.registry.ResourceNotFoundException;
import io.transferas2.registry.ServiceUnavailableException;
import io.transferas2.registry.ThrottlingException;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.registry.ValueReferences;
import io.transferas2.store.FileTransferResult;

/**
 * Maps each AWS Transfer operation's JSON request onto the model and the {@link TransferRegistry}, and the result
 * back onto AWS's response shape. The request is first checked against the operation's input shape in AWS's service
 * model (as AWS does, with its error types); every other rule is the registry's.
 */
public final class TransferApiOperations {
    private static final Set<String> LISTED_CONNECTOR = Set.of("Arn", "ConnectorId", "Url");
    private static final Set<String> LISTED_PROFILE = Set.of("Arn", "ProfileId", "As2Id", "ProfileType");
    private static final Set<String> LISTED_CERTIFICATE = Set.of("Arn", "CertificateId", "Usage", "Status",
            "ActiveDate", "InactiveDate", "Type", "Description");
    private static final Set<String> LISTED_AGREEMENT = Set.of("Arn", "AgreementId", "Description", "Status",
            "ServerId", "LocalProfileId", "PartnerProfileId");
    private static final Set<String> LISTED_SERVER = Set.of("Arn", "Domain", "IdentityProviderType", "EndpointType",
            "LoggingRole", "ServerId", "State", "UserCount");

    private static final java.util.regex.Pattern TRANSFER_ID = java.util.regex.Pattern.compile("[0-9a-zA-Z./-]{1,512}");

    private final TransferRegistry registry;
    private final RateLimiter fileTransferLimiter;
    private final FileTransferStarter starter;
    private final FileTransferResults results;
    private final ObjectMapper wire = TransferJson.wire();
    private final ServiceModel model = ServiceModel.bundled();
    private final ShapeChecker checker = new ShapeChecker(model);

    public TransferApiOperations(TransferRegistry registry, RateLimiter fileTransferLimiter,
                                 FileTransferStarter starter) {
        this(registry, fileTransferLimiter, starter, (c, t, m, n) -> {
            throw new ServiceUnavailableException("ListFileTransferResults needs the transfer store");
        });
    }

    public TransferApiOperations(TransferRegistry registry, RateLimiter fileTransferLimiter,
                                 FileTransferStarter starter, FileTransferResults results) {
        this.registry = registry;
        this.fileTransferLimiter = fileTransferLimiter;
        this.starter = starter;
        this.results = results;
    }

    /** Runs one operation; the request is the parsed JSON body. */
    public ObjectNode handle(ApiOperation operation, ObjectNode request) {
        checkMembers(operation, request);
        checkAgainstModel(operation, request);
        return switch (operation) {
            case CREATE_CONNECTOR -> id(ResourceKind.CONNECTOR,
                    registry.createConnector(model(request, Connector.class)));
            case UPDATE_CONNECTOR -> {
                Connector update = model(request, Connector.class);
                registry.updateConnector(update);
                yield id(ResourceKind.CONNECTOR, update.getConnectorId());
            }
            case DESCRIBE_CONNECTOR -> described(registry.describeConnector(text(request, "ConnectorId")));
            case LIST_CONNECTORS -> listed("Connectors", registry.listConnectors(maxResults(request),
                    text(request, "NextToken")), LISTED_CONNECTOR);
            case DELETE_CONNECTOR -> {
                registry.deleteConnector(text(request, "ConnectorId"));
                yield empty();
            }
            case CREATE_PROFILE -> id(ResourceKind.PROFILE, registry.createProfile(model(request, Profile.class)));
            case UPDATE_PROFILE -> {
                Profile update = model(request, Profile.class);
                registry.updateProfile(update);
                yield id(ResourceKind.PROFILE, update.getProfileId());
            }
            case DESCRIBE_PROFILE -> described(registry.describeProfile(text(request, "ProfileId")));
            case LIST_PROFILES -> listed("Profiles", registry.listProfiles(maxResults(request),
                    text(request, "NextToken"), profileType(request)), LISTED_PROFILE);
            case DELETE_PROFILE -> {
                registry.deleteProfile(text(request, "ProfileId"));
                yield empty();
            }
            case IMPORT_CERTIFICATE -> id(ResourceKind.CERTIFICATE,
                    registry.importCertificate(certificateInput(request)));
            case UPDATE_CERTIFICATE -> {
                Certificate update = model(request, Certificate.class);
                registry.updateCertificate(update);
                yield id(ResourceKind.CERTIFICATE, update.getCertificateId());
            }
            case DESCRIBE_CERTIFICATE -> described(registry.describeCertificate(text(request, "CertificateId")));
            case LIST_CERTIFICATES -> listed("Certificates", registry.listCertificates(maxResults(request),
                    text(request, "NextToken")), LISTED_CERTIFICATE);
            case DELETE_CERTIFICATE -> {
                registry.deleteCertificate(text(request, "CertificateId"));
                yield empty();
            }
            case CREATE_AGREEMENT -> id(ResourceKind.AGREEMENT,
                    registry.createAgreement(model(request, Agreement.class)));
            case UPDATE_AGREEMENT -> {
                Agreement update = model(request, Agreement.class);
                registry.updateAgreement(update);
                yield id(ResourceKind.AGREEMENT, update.getAgreementId());
            }
            case DESCRIBE_AGREEMENT -> described(registry.describeAgreement(text(request, "AgreementId"),
                    text(request, "ServerId")));
            case LIST_AGREEMENTS -> listed("Agreements", registry.listAgreements(text(request, "ServerId"),
                    maxResults(request), text(request, "NextToken")), LISTED_AGREEMENT);
            case DELETE_AGREEMENT -> {
                registry.deleteAgreement(text(request, "AgreementId"), text(request, "ServerId"));
                yield empty();
            }
            case CREATE_SERVER -> id(ResourceKind.SERVER, registry.createServer(model(requireProtocols(request),
                    Server.class)));
            case UPDATE_SERVER -> {
                Server update = model(request, Server.class);
                registry.updateServer(update);
                yield id(ResourceKind.SERVER, update.getServerId());
            }
            case DESCRIBE_SERVER -> described(registry.describeServer(text(request, "ServerId")));
            case LIST_SERVERS -> listed("Servers", registry.listServers(maxResults(request),
                    text(request, "NextToken")), LISTED_SERVER);
            case DELETE_SERVER -> {
                registry.deleteServer(text(request, "ServerId"));
                yield empty();
            }
            case START_SERVER -> {
                registry.startServer(text(request, "ServerId"));
                yield empty();
            }
            case STOP_SERVER -> {
                registry.stopServer(text(request, "ServerId"));
                yield empty();
            }
            case START_FILE_TRANSFER -> startFileTransfer(request);
            case LIST_FILE_TRANSFER_RESULTS -> listFileTransferResults(request);
            case TAG_RESOURCE -> {
                registry.tagResource(text(request, "Arn"), list(request, "Tags", Tag.class));
                yield empty();
            }
            case UNTAG_RESOURCE -> {
                registry.untagResource(text(request, "Arn"), list(request, "TagKeys", String.class));
                yield empty();
            }
            case LIST_TAGS_FOR_RESOURCE -> listTags(request);
        };
    }

    /**
     * AWS creates an SFTP server when Protocols is left out; this runtime serves AS2 only, so it asks for the
     * protocol rather than create something else than what AWS would.
     */
    private static ObjectNode requireProtocols(ObjectNode request) {
        if (!request.hasNonNull("Protocols")) {
            throw new InvalidRequestException("Protocols is required here: AWS creates an SFTP server without it,"
                    + " and this runtime serves AS2 only; give Protocols [AS2]");
        }
        return request;
    }

    private ObjectNode startFileTransfer(ObjectNode request) {
        if (!fileTransferLimiter.tryAcquire()) {
            throw new ThrottlingException("Rate exceeded: StartFileTransfer accepts "
                    + fileTransferLimiter.ratePerSecond() + " requests per second",
                    Long.toString(fileTransferLimiter.secondsUntilNextToken()));
        }
        FileTransferRequest transfer = model(request, FileTransferRequest.class);
        Connector connector = FileTransferRules.check(registry, transfer);
        String transferId = starter.start(transfer, connector);
        ObjectNode response = wire.createObjectNode();
        response.put("TransferId", transferId);
        return response;
    }

    /**
     * Each file of a StartFileTransfer: FilePath, StatusCode (QUEUED, IN_PROGRESS, COMPLETED, FAILED), FailureCode
     * and FailureMessage, in request order. AWS offers this for SFTP connectors only; here it covers AS2.
     */
    private ObjectNode listFileTransferResults(ObjectNode request) {
        String connectorId = text(request, "ConnectorId");
        String transferId = text(request, "TransferId");
        if (connectorId == null || transferId == null) {
            throw new InvalidRequestException("ConnectorId and TransferId are required");
        }
        if (!TRANSFER_ID.matcher(transferId).matches()) {
            throw new InvalidRequestException("TransferId must match [0-9a-zA-Z./-]{1,512}");
        }
        Integer max = maxResults(request);
        if (max != null && (max < 1 || max > 1000)) {
            throw new InvalidRequestException("MaxResults must be between 1 and 1000");
        }
        registry.describeConnector(connectorId);
        Page<FileTransferResult> page = results.results(connectorId, transferId, max == null ? 1000 : max,
                text(request, "NextToken")).orElseThrow(() -> new ResourceNotFoundException("Transfer " + transferId
                        + " of connector " + connectorId + " does not exist.", "Transfer", transferId));
        ObjectNode response = wire.createObjectNode();
        ArrayNode items = response.putArray("FileTransferResults");
        for (FileTransferResult file : page.items()) {
            ObjectNode item = items.addObject();
            item.put("FilePath", file.filePath());
            item.put("StatusCode", file.status().awsStatusCode());
            if (file.failureCode() != null) {
                item.put("FailureCode", file.failureCode());
            }
            if (file.failureMessage() != null) {
                item.put("FailureMessage", file.failureMessage());
            }
        }
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }

    private ObjectNode listTags(ObjectNode request) {
        String arn = text(request, "Arn");
        Page<Tag> page = registry.listTagsForResource(arn, maxResults(request), text(request, "NextToken"));
        ObjectNode response = wire.createObjectNode();
        response.put("Arn", arn);
        if (!page.items().isEmpty()) {
            // the model's Tags holds 1-50 entries: no tags is no Tags member
            response.set("Tags", wire.valueToTree(page.items()));
        }
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }

    /** ImportCertificate takes PEM text only: file and placeholder references are for the registry file. */
    private Certificate certificateInput(ObjectNode request) {
        Certificate input = model(request, Certificate.class);
        for (String[] field : new String[][] { { "Certificate", input.getCertificate() },
                { "CertificateChain", input.getCertificateChain() }, { "PrivateKey", input.getPrivateKey() } }) {
            if (field[1] != null && ValueReferences.isReference(field[1].trim())) {
                throw new InvalidRequestException(field[0] + " must be PEM text; file: references and placeholders"
                        + " are accepted only in the registry file");
            }
        }
        return input;
    }

    // ---- request parsing -----------------------------------------------------------------------------------

    /**
     * The model's rules for the request shape, answered as AWS does: a value of the wrong JSON type is a
     * SerializationException, a broken length, pattern, enum, range or required rule a ValidationException that lists
     * them all. Unknown nested members are refused like unknown top-level ones.
     */
    private void checkAgainstModel(ApiOperation operation, ObjectNode request) {
        String shape = model.inputShape(operation.awsName()).orElse(null);
        if (shape == null) {
            return;
        }
        List<ShapeChecker.Violation> violations = checker.check(shape, request);
        for (ShapeChecker.Violation violation : violations) {
            if (violation.kind() == ShapeChecker.Kind.WRONG_TYPE) {
                throw ApiProtocolException.serialization(violation.message());
            }
        }
        for (ShapeChecker.Violation violation : violations) {
            if (violation.kind() == ShapeChecker.Kind.UNKNOWN_MEMBER) {
                throw new InvalidRequestException(operation.awsName() + ": " + violation.message());
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProtocolException.validation(violations.stream().map(ShapeChecker.Violation::message).toList());
        }
    }

    private static void checkMembers(ApiOperation operation, ObjectNode request) {
        Iterator<String> names = request.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!operation.members().contains(name)) {
                throw new InvalidRequestException(operation.awsName() + ": unknown member '" + name + "'; expected "
                        + operation.members().stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private <T> T model(ObjectNode request, Class<T> type) {
        try {
            return wire.treeToValue(request, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRequestException("Unknown member '" + path(e) + "'");
        } catch (InvalidFormatException e) {
            String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                    ? ": one of " + List.of(e.getTargetType().getEnumConstants()) : "";
            throw new InvalidRequestException("Value '" + e.getValue() + "' at '" + path(e) + "' is not valid"
                    + allowed);
        } catch (JsonMappingException e) {
            throw ApiProtocolException.serialization("Member '" + path(e) + "' has the wrong type: "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ApiProtocolException.serialization("The request could not be read: " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private <T> List<T> list(ObjectNode request, String field, Class<T> type) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiProtocolException.serialization(field + " must be a list");
        }
        List<T> values = new ArrayList<>();
        for (JsonNode item : node) {
            try {
                values.add(wire.treeToValue(item, type));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw ApiProtocolException.serialization(field + " has an entry of the wrong type");
            }
        }
        return values;
    }

    private static String text(ObjectNode request, String field) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiProtocolException.serialization(field + " must be a string");
        }
        return node.asText();
    }

    private static Integer maxResults(ObjectNode request) {
        JsonNode node = request.get("MaxResults");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw ApiProtocolException.serialization("MaxResults must be an integer");
        }
        return node.intValue();
    }

    private static ProfileType profileType(ObjectNode request) {
        String value = text(request, "ProfileType");
        if (value == null) {
            return null;
        }
        try {
            return ProfileType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Value '" + value + "' at 'ProfileType' is not valid: one of "
                    + List.of(ProfileType.values()));
        }
    }

    // ---- responses -----------------------------------------------------------------------------------------

    private ObjectNode id(ResourceKind kind, String id) {
        ObjectNode response = wire.createObjectNode();
        response.put(kind.idField(), id);
        return response;
    }

    private ObjectNode described(TransferResource resource) {
        ObjectNode response = wire.createObjectNode();
        response.set(resource.kind().displayName(), OutputDefaults.apply(resource.kind(), wire.valueToTree(resource)));
        return response;
    }

    private ObjectNode listed(String field, Page<? extends TransferResource> page, Set<String> listedMembers) {
        ObjectNode response = wire.createObjectNode();
        ArrayNode items = response.putArray(field);
        for (TransferResource resource : page.items()) {
            ObjectNode item = OutputDefaults.apply(resource.kind(), wire.valueToTree(resource));
            item.retain(listedMembers);
            items.add(item);
        }
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }

    private ObjectNode empty() {
        return wire.createObjectNode();
    }
}
