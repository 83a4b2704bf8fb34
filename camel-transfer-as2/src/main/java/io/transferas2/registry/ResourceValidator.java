package io.transferas2.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.transferas2.model.Agreement;
import io.transferas2.model.AgreementExtensions;
import io.transferas2.model.As2Algorithm;
import io.transferas2.model.As2AsyncMdnConnectorConfig;
import io.transferas2.model.As2ConnectorConfig;
import io.transferas2.model.As2ConnectorExtensions;
import io.transferas2.model.As2Transport;
import io.transferas2.model.Certificate;
import io.transferas2.model.Connector;
import io.transferas2.model.CustomDirectories;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.MdnResponse;
import io.transferas2.model.Profile;
import io.transferas2.model.ProfileType;
import io.transferas2.model.Protocol;
import io.transferas2.model.ResourceKind;
import io.transferas2.model.Server;
import io.transferas2.model.SigningAlg;
import io.transferas2.model.Tag;
import io.transferas2.model.TransferResource;

/**
 * Every validation rule of the AWS Transfer AS2 model. Each failure is an {@link InvalidRequestException} (or a
 * {@link ResourceNotFoundException} for a missing reference) whose message names the field and the rule.
 */
final class ResourceValidator {
    static final int MAX_URL = 255;
    static final int MAX_DESCRIPTION = 200;
    static final int MAX_SUBJECT = 1024;
    static final int MAX_DIRECTORY = 1024;
    static final int MAX_AS2_ID = 128;
    static final int MAX_TAGS = 50;
    static final int MAX_ASYNC_SERVER_IDS = 10;
    static final int MAX_SECRET_ID = 2048;
    static final int MAX_ROLE = 2048;
    /** The model's patterns, applied to registry files as the API applies them to requests. */
    /** The model's As2Id pattern [\u0020-\u007E\s]* less its control characters, which would break AS2 headers. */
    private static final Pattern AS2_ID = Pattern.compile("[\\u0020-\\u007E]*");
    private static final Pattern DESCRIPTION = Pattern.compile("[\\u0021-\\u007E]+");
    private static final Pattern ROLE = Pattern.compile("arn:.*role/\\S+");
    private static final Set<String> IP_ADDRESS_TYPES = Set.of("IPV4", "DUALSTACK");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\u0020-\\u007E\\t]+");
    private static final Pattern DIRECTORY = Pattern.compile("(|/.*)");
    private static final Pattern ARN = Pattern.compile("arn:[a-z-]+:transfer:[a-z0-9-]*:[0-9]*:[a-z]+/.+");

    /** What validation needs to see of the registry. */
    interface Lookup {
        Optional<Profile> profile(String id);

        Optional<Server> server(String id);

        boolean certificateExists(String id);

        List<Agreement> agreementsOf(String serverId);
    }

    private final Lookup lookup;
    private final RegistryLimits limits;

    ResourceValidator(Lookup lookup, RegistryLimits limits) {
        this.lookup = lookup;
        this.limits = limits;
    }

    // ---- common --------------------------------------------------------------------------------------------

    void checkId(TransferResource resource) {
        ResourceKind kind = resource.kind();
        if (!kind.isValidId(resource.id())) {
            throw new InvalidRequestException(kind.idField() + " '" + resource.id() + "' is not valid: expected "
                    + kind.idPrefix() + " followed by 17 lowercase hex characters");
        }
    }

    void checkCommon(TransferResource resource) {
        checkId(resource);
        String arn = resource.getArn();
        if (arn != null && (!ARN.matcher(arn).matches() || !arn.endsWith("/" + resource.id())
                || !arn.contains(":" + resource.kind().arnType() + "/"))) {
            throw new InvalidRequestException("Arn '" + arn + "' is not a " + resource.kind().displayName()
                    + " ARN ending in " + resource.id());
        }
        checkTags(resource.getTags());
        checkIpAddressType(resource);
        AwsFieldCatalog.check(resource.kind(), resource.getUnmodelledFields().keySet(),
                modelledFields(resource.getClass()));
    }

    void checkTags(List<Tag> tags) {
        if (tags == null) {
            return;
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidRequestException("Tags: at most " + MAX_TAGS + " tags per resource, got " + tags.size());
        }
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            if (tag == null || tag.getKey() == null || tag.getKey().isEmpty() || tag.getKey().length() > 128) {
                throw new InvalidRequestException("Tags: each Key must be 1-128 characters");
            }
            if (tag.getValue() == null || tag.getValue().length() > 256) {
                throw new InvalidRequestException("Tags: Value of '" + tag.getKey() + "' must be 0-256 characters");
            }
            if (tag.getKey().toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw new InvalidRequestException("Tags: Key '" + tag.getKey() + "' uses the prefix aws:, which AWS"
                        + " reserves for its own tags");
            }
            if (!keys.add(tag.getKey())) {
                throw new InvalidRequestException("Tags: Key '" + tag.getKey() + "' appears twice");
            }
        }
    }

    static Set<String> modelledFields(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().startsWith("set") && m.getParameterCount() == 1)
                .map(m -> m.getName().substring(3))
                .collect(Collectors.toSet());
    }

    // ---- certificates --------------------------------------------------------------------------------------

    void checkCertificateInput(Certificate c) {
        if (c.getUsage() == null) {
            throw new InvalidRequestException("Usage is required: SIGNING, ENCRYPTION or TLS");
        }
        checkDescription(c.getDescription());
    }

    void checkDescription(String description) {
        if (description != null && (description.isEmpty() || description.length() > MAX_DESCRIPTION
                || !DESCRIPTION.matcher(description).matches())) {
            throw new InvalidRequestException("Description must be 1-" + MAX_DESCRIPTION + " printable ASCII"
                    + " characters without spaces (AWS's pattern [\\u0021-\\u007E]+), was '" + description + "'");
        }
    }

    private static void checkIpAddressType(TransferResource resource) {
        Object type = resource.getUnmodelledFields().get("IpAddressType");
        if (type != null && !IP_ADDRESS_TYPES.contains(String.valueOf(type))) {
            throw new InvalidRequestException("IpAddressType '" + type + "' is not valid: one of "
                    + new java.util.TreeSet<>(IP_ADDRESS_TYPES));
        }
    }

    // ---- profiles ------------------------------------------------------------------------------------------

    void checkProfile(Profile p) {
        if (p.getProfileType() == null) {
            throw new InvalidRequestException("ProfileType is required: LOCAL or PARTNER");
        }
        checkAs2Id("As2Id", p.getAs2Id());
        checkProfileCertificates(p.certificateIdList());
    }

    static void checkAs2Id(String field, String as2Id) {
        if (as2Id == null || as2Id.isEmpty() || as2Id.length() > MAX_AS2_ID) {
            throw new InvalidRequestException(field + " is required and must be 1-" + MAX_AS2_ID + " characters");
        }
        if (!AS2_ID.matcher(as2Id).matches()) {
            throw new InvalidRequestException(field + " '" + as2Id + "' must be printable ASCII, spaces allowed; AWS's"
                    + " pattern also allows tabs and line breaks, which would break the AS2-From/AS2-To headers");
        }
    }

    void checkProfileCertificates(List<String> certificateIds) {
        if (certificateIds.size() > limits.certificatesPerProfile()) {
            throw new InvalidRequestException("CertificateIds: a profile holds at most "
                    + limits.certificatesPerProfile() + " certificates, got " + certificateIds.size());
        }
        if (new HashSet<>(certificateIds).size() != certificateIds.size()) {
            throw new InvalidRequestException("CertificateIds: a certificate is listed twice");
        }
        for (String id : certificateIds) {
            if (!lookup.certificateExists(id)) {
                throw new ResourceNotFoundException("CertificateIds: certificate " + id + " does not exist.",
                        ResourceKind.CERTIFICATE.displayName(), id);
            }
        }
    }

    // ---- connectors ----------------------------------------------------------------------------------------

    void checkConnector(Connector c) {
        for (String sftpOnly : List.of("SftpConfig", "EgressConfig")) {
            if (c.getUnmodelledFields().containsKey(sftpOnly)) {
                throw new InvalidRequestException(sftpOnly + " belongs to SFTP connectors; an AS2 connector (one with"
                        + " As2Config) cannot have it");
            }
        }
        URI url = checkUrl("Url", c.getUrl());
        checkRole("AccessRole", c.getAccessRole());
        checkRole("LoggingRole", c.getLoggingRole());
        As2ConnectorConfig config = c.getAs2Config();
        if (config == null) {
            throw new InvalidRequestException("As2Config is required");
        }
        requireProfile("As2Config.LocalProfileId", config.getLocalProfileId(), ProfileType.LOCAL);
        requireProfile("As2Config.PartnerProfileId", config.getPartnerProfileId(), ProfileType.PARTNER);
        String subject = config.getMessageSubject();
        if (subject != null && (subject.isEmpty() || subject.length() > MAX_SUBJECT
                || !PRINTABLE_ASCII.matcher(subject).matches())) {
            throw new InvalidRequestException("As2Config.MessageSubject must be 1-" + MAX_SUBJECT
                    + " printable ASCII characters");
        }
        if (config.getEncryptionAlgorithm() == EncryptionAlg.NONE && !"https".equals(url.getScheme())) {
            throw new InvalidRequestException("As2Config.EncryptionAlgorithm NONE is allowed only when Url uses"
                    + " https, so that nothing travels in clear text");
        }
        if (config.getBasicAuthSecretId() != null && config.getBasicAuthSecretId().length() > MAX_SECRET_ID) {
            throw new InvalidRequestException("As2Config.BasicAuthSecretId must be at most " + MAX_SECRET_ID
                    + " characters");
        }
        checkAsyncMdn(config);
        checkExtensions(config);
    }

    /** The non-AWS As2Config.Extensions: each member of its kind, and nothing that contradicts the AWS members. */
    private static void checkExtensions(As2ConnectorConfig config) {
        As2ConnectorExtensions x = config.getExtensions();
        if (x == null) {
            return;
        }
        As2Algorithm enc = x.getEncryptionAlgorithm();
        if (enc != null && enc != As2Algorithm.AES128_GCM && enc != As2Algorithm.AES256_GCM) {
            throw new InvalidRequestException("As2Config.Extensions.EncryptionAlgorithm must be AES128_GCM or"
                    + " AES256_GCM (the CBC modes are set with As2Config.EncryptionAlgorithm)");
        }
        requireKind("As2Config.Extensions.KeyEncryptionAlgorithm", x.getKeyEncryptionAlgorithm(),
                As2Algorithm.Kind.KEY_TRANSPORT);
        requireKind("As2Config.Extensions.SignatureAlgorithm", x.getSignatureAlgorithm(), As2Algorithm.Kind.SIGNATURE);
        boolean unencrypted = config.getEncryptionAlgorithm() == EncryptionAlg.NONE;
        if (unencrypted && (enc != null || x.getKeyEncryptionAlgorithm() != null)) {
            throw new InvalidRequestException("As2Config.Extensions.EncryptionAlgorithm and KeyEncryptionAlgorithm"
                    + " need encryption, but As2Config.EncryptionAlgorithm is NONE");
        }
        if (config.getSigningAlgorithm() == SigningAlg.NONE && x.getSignatureAlgorithm() != null) {
            throw new InvalidRequestException("As2Config.Extensions.SignatureAlgorithm needs signing, but"
                    + " As2Config.SigningAlgorithm is NONE");
        }
    }

    private static void checkAgreementExtensions(Agreement a) {
        AgreementExtensions x = a.getExtensions();
        if (x == null) {
            return;
        }
        requireKind("Extensions.MdnSignatureAlgorithm", x.getMdnSignatureAlgorithm(), As2Algorithm.Kind.SIGNATURE);
        if (x.getRefusedAlgorithms() != null && x.getRefusedAlgorithms().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidRequestException("Extensions.RefusedAlgorithms must not contain an empty entry");
        }
    }

    private static void requireKind(String field, As2Algorithm value, As2Algorithm.Kind kind) {
        if (value != null && value.kind() != kind) {
            List<As2Algorithm> allowed = Arrays.stream(As2Algorithm.values())
                    .filter(a -> a.kind() == kind).toList();
            throw new InvalidRequestException(field + " must be a " + kind + ", one of " + allowed + "; " + value
                    + " is a " + value.kind());
        }
    }

    private void checkAsyncMdn(As2ConnectorConfig config) {
        As2AsyncMdnConnectorConfig async = config.getAsyncMdnConfig();
        if (config.getMdnResponse() == MdnResponse.ASYNC && (async == null || async.getUrl() == null)) {
            throw new InvalidRequestException("As2Config.AsyncMdnConfig.Url is required when MdnResponse is ASYNC");
        }
        if (async == null) {
            return;
        }
        if (async.getUrl() != null) {
            checkUrl("As2Config.AsyncMdnConfig.Url", async.getUrl());
        }
        List<String> serverIds = async.getServerIds();
        if (serverIds != null) {
            if (serverIds.isEmpty() || serverIds.size() > MAX_ASYNC_SERVER_IDS) {
                throw new InvalidRequestException("As2Config.AsyncMdnConfig.ServerIds must list 1-"
                        + MAX_ASYNC_SERVER_IDS + " servers");
            }
            for (String serverId : serverIds) {
                requireServer("As2Config.AsyncMdnConfig.ServerIds", serverId);
            }
        }
    }

    static URI checkUrl(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_URL) {
            throw new InvalidRequestException(field + " is required and must be at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidRequestException(field + " '" + value + "' must use http or https");
            }
            if (uri.getHost() == null) {
                throw new InvalidRequestException(field + " '" + value + "' has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(field + " '" + value + "' is not a valid URL: " + e.getReason());
        }
    }

    static void checkRole(String field, String role) {
        if (role != null && (role.length() < 20 || role.length() > MAX_ROLE || !ROLE.matcher(role).matches())) {
            throw new InvalidRequestException(field + " must be an IAM role ARN (arn:...:role/name) of 20-"
                    + MAX_ROLE + " characters, was '" + role + "'");
        }
    }

    // ---- agreements ----------------------------------------------------------------------------------------

    void checkAgreement(Agreement a, boolean creating) {
        requireServer("ServerId", a.getServerId());
        Profile local = requireProfile("LocalProfileId", a.getLocalProfileId(), ProfileType.LOCAL);
        Profile partner = requireProfile("PartnerProfileId", a.getPartnerProfileId(), ProfileType.PARTNER);
        checkDescription(a.getDescription());
        checkRole("AccessRole", a.getAccessRole());
        checkDirectories(a);
        checkAgreementExtensions(a);
        List<Agreement> siblings = lookup.agreementsOf(a.getServerId()).stream()
                .filter(other -> !other.getAgreementId().equals(a.getAgreementId()))
                .toList();
        if (creating && siblings.size() >= limits.agreementsPerServer()) {
            throw new InvalidRequestException("Server " + a.getServerId() + " already has "
                    + limits.agreementsPerServer() + " agreements, the maximum");
        }
        if (a.isActive()) {
            for (Agreement other : siblings) {
                if (other.isActive() && sameAs2Id(other.getLocalProfileId(), local)
                        && sameAs2Id(other.getPartnerProfileId(), partner)) {
                    throw new ResourceExistsException("Agreement " + other.getAgreementId() + " on server "
                            + a.getServerId() + " already accepts messages from " + partner.getAs2Id() + " to "
                            + local.getAs2Id() + "; deactivate it first, inbound lookup must be unambiguous",
                            ResourceKind.AGREEMENT.displayName(), other.getAgreementId());
                }
            }
        }
    }

    private boolean sameAs2Id(String profileId, Profile profile) {
        return lookup.profile(profileId).map(p -> p.getAs2Id().equals(profile.getAs2Id())).orElse(false);
    }

    private static void checkDirectories(Agreement a) {
        boolean base = a.getBaseDirectory() != null;
        CustomDirectories custom = a.getCustomDirectories();
        if (base && custom != null) {
            throw new InvalidRequestException("BaseDirectory and CustomDirectories are mutually exclusive; give one");
        }
        if (!base && custom == null) {
            throw new InvalidRequestException("Either BaseDirectory or CustomDirectories is required");
        }
        if (base) {
            checkDirectory("BaseDirectory", a.getBaseDirectory());
            return;
        }
        checkDirectory("CustomDirectories.FailedFilesDirectory", custom.getFailedFilesDirectory());
        checkDirectory("CustomDirectories.MdnFilesDirectory", custom.getMdnFilesDirectory());
        checkDirectory("CustomDirectories.PayloadFilesDirectory", custom.getPayloadFilesDirectory());
        checkDirectory("CustomDirectories.StatusFilesDirectory", custom.getStatusFilesDirectory());
        checkDirectory("CustomDirectories.TemporaryFilesDirectory", custom.getTemporaryFilesDirectory());
    }

    private static void checkDirectory(String field, String value) {
        if (value == null) {
            throw new InvalidRequestException(field + " is required (CustomDirectories needs all five directories)");
        }
        if (value.length() > MAX_DIRECTORY || !DIRECTORY.matcher(value).matches()) {
            throw new InvalidRequestException(field + " '" + value + "' must be empty or start with /bucket, at most "
                    + MAX_DIRECTORY + " characters");
        }
        if (value.contains("/../") || value.endsWith("/..") || value.contains("/./")) {
            throw new InvalidRequestException(field + " '" + value + "' must not contain . or .. segments");
        }
    }

    // ---- servers -------------------------------------------------------------------------------------------

    static void checkServer(Server s) {
        Object domain = s.getUnmodelledFields().get("Domain");
        if (domain != null && !"S3".equals(domain)) {
            throw new InvalidRequestException("Domain '" + domain + "' is not valid for an AS2 server: AWS requires"
                    + " S3 when Protocols include AS2");
        }
        Object endpointType = s.getUnmodelledFields().get("EndpointType");
        if (endpointType != null && !"VPC".equals(endpointType)) {
            throw new InvalidRequestException("EndpointType '" + endpointType + "' is not valid for an AS2 server:"
                    + " AWS requires VPC when Protocols include AS2");
        }
        Object loggingRole = s.getUnmodelledFields().get("LoggingRole");
        if (loggingRole != null) {
            checkRole("LoggingRole", String.valueOf(loggingRole));
        }
        List<Protocol> protocols = s.getProtocols();
        if (protocols != null && !protocols.contains(Protocol.AS2)) {
            throw new InvalidRequestException("Protocols must include AS2: this runtime serves the AS2 subset only");
        }
        if (s.getProtocolDetails() != null && s.getProtocolDetails().getAs2Transports() != null
                && !s.getProtocolDetails().getAs2Transports().equals(List.of(As2Transport.HTTP))) {
            throw new InvalidRequestException("ProtocolDetails.As2Transports must be [HTTP]");
        }
    }

    // ---- references ----------------------------------------------------------------------------------------

    Profile requireProfile(String field, String id, ProfileType type) {
        if (id == null) {
            throw new InvalidRequestException(field + " is required");
        }
        Profile profile = lookup.profile(id).orElseThrow(() -> new ResourceNotFoundException(
                field + ": profile " + id + " does not exist.", ResourceKind.PROFILE.displayName(), id));
        if (profile.getProfileType() != type) {
            throw new InvalidRequestException(field + ": profile " + id + " is a " + profile.getProfileType()
                    + " profile, expected " + type);
        }
        return profile;
    }

    void requireServer(String field, String id) {
        if (id == null) {
            throw new InvalidRequestException(field + " is required");
        }
        if (lookup.server(id).isEmpty()) {
            throw new ResourceNotFoundException(field + ": server " + id + " does not exist.",
                    ResourceKind.SERVER.displayName(), id);
        }
    }
}
