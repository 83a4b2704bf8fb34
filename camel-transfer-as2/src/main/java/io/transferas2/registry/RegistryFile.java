package io.transferas2.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.transferas2.certs.CertificateImporter;
import io.transferas2.model.Agreement;
import io.transferas2.model.Certificate;
import io.transferas2.model.Connector;
import io.transferas2.model.Profile;
import io.transferas2.model.ResourceKind;
import io.transferas2.model.Server;
import io.transferas2.model.TransferJson;
import io.transferas2.model.TransferResource;

/**
 * Reads a registry file, YAML or JSON, holding resources of every kind. Each of these shapes is accepted, and they can
 * be mixed:
 * <ul>
 * <li>plural lists: {@code Certificates: [...]}, {@code Profiles}, {@code Servers}, {@code Connectors},
 * {@code Agreements};</li>
 * <li>the output of {@code aws transfer describe-*}, wrapper key included: {@code {"Connector": {...}}};</li>
 * <li>a bare resource object, recognised by its ID field ({@code ConnectorId}, ...);</li>
 * <li>a list of any of these, or several YAML documents separated by {@code ---}.</li>
 * </ul>
 * Resources are created in dependency order (certificates, profiles, servers, connectors, agreements) with full
 * validation, so a broken file fails at start-up with the resource and the rule named.
 */
public final class RegistryFile {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RegistryFile.class);
    private static final Map<ResourceKind, String> PLURAL = Map.of(
            ResourceKind.CERTIFICATE, "Certificates", ResourceKind.PROFILE, "Profiles",
            ResourceKind.CONNECTOR, "Connectors", ResourceKind.AGREEMENT, "Agreements",
            ResourceKind.SERVER, "Servers");
    private static final List<ResourceKind> LOAD_ORDER = List.of(ResourceKind.CERTIFICATE, ResourceKind.PROFILE,
            ResourceKind.SERVER, ResourceKind.CONNECTOR, ResourceKind.AGREEMENT);

    private RegistryFile() {
    }

    /**
     * Opens a registry over a file. With {@code persistChanges} every later change is written to the state file
     * beside it ({@link #stateFileOf}), never to the user's file, whose comments and references stay as written; once
     * the state file exists it is loaded instead of the user's file.
     */
    public static TransferRegistry open(Path file, RegistrySettings settings, boolean persistChanges,
                                        char[] keyEncryptionPassword) {
        Path absolute = file.toAbsolutePath().normalize();
        SecretResolver secrets = settings.secrets();
        char[] managed = keyEncryptionPassword == null ? null : keyEncryptionPassword.clone();
        settings.secrets(expression -> {
            if (FileRegistryStore.MANAGED_KEY_PASSWORD.equals(expression.trim())) {
                if (managed == null) {
                    throw new IllegalArgumentException("keys in " + absolute + ".keys are encrypted: configure the"
                            + " key encryption password");
                }
                return new String(managed);
            }
            return secrets.resolve(expression);
        });
        TransferRegistry registry = new TransferRegistry(settings.baseDir(absolute.getParent()));
        Path state = stateFileOf(absolute);
        if (persistChanges && Files.exists(state)) {
            if (Files.exists(absolute) && newer(absolute, state)) {
                LOG.warn("{} changed after {} was written; the station loads {} (the registry as the API left it)."
                        + " Delete it to start again from {}", absolute, state, state, absolute);
            }
            LOG.info("transfer-as2 registry: loading {} (changes made through the API) instead of {}", state,
                    absolute.getFileName());
            load(state, registry);
        } else if (Files.exists(absolute)) {
            load(absolute, registry);
        } else if (!persistChanges) {
            throw new InvalidRequestException("Registry file " + absolute + " does not exist");
        }
        if (persistChanges) {
            registry.setStore(new FileRegistryStore(state, keyEncryptionPassword));
        }
        return registry;
    }

    /** Where persist-registry-changes writes: {@code registry.yaml} -> {@code registry.api-state.yaml}. */
    public static Path stateFileOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String state = dot > 0 ? name.substring(0, dot) + ".api-state" + name.substring(dot) : name + ".api-state";
        return file.resolveSibling(state);
    }

    private static boolean newer(Path file, Path than) {
        try {
            return Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Loads every resource of the file into the registry. */
    public static void load(Path file, TransferRegistry registry) {
        Map<ResourceKind, List<JsonNode>> byKind = new EnumMap<>(ResourceKind.class);
        LOAD_ORDER.forEach(k -> byKind.put(k, new ArrayList<>()));
        ObjectMapper mapper = mapperFor(file);
        try (MappingIterator<JsonNode> documents = mapper.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (documents.hasNext()) {
                collect(documents.next(), byKind, file);
            }
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(file + ": not valid " + format(file) + " (" + e.getOriginalMessage()
                    + " at line " + (e.getLocation() != null ? e.getLocation().getLineNr() : "?") + ")");
        } catch (IOException e) {
            throw new InvalidRequestException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            // MappingIterator wraps what it meets while moving to the next document
            if (e.getCause() instanceof JsonProcessingException jpe) {
                throw new InvalidRequestException(file + ": not valid " + format(file) + " ("
                        + jpe.getOriginalMessage() + ")");
            }
            if (e.getCause() instanceof IOException io) {
                // e.g. CharConversionException: bytes that are not text in the encoding the parser detected
                throw new InvalidRequestException(file + ": not valid " + format(file) + " (" + io.getMessage() + ")");
            }
            throw e;
        }
        create(registry, byKind, file.getFileName().toString());
    }

    /**
     * Loads resources given as one document in the file's shape (plural lists, describe-* wrappers, bare resources),
     * in dependency order with full validation; {@code label} names the source in errors.
     */
    public static void load(JsonNode document, TransferRegistry registry, String label) {
        Map<ResourceKind, List<JsonNode>> byKind = new EnumMap<>(ResourceKind.class);
        LOAD_ORDER.forEach(k -> byKind.put(k, new ArrayList<>()));
        collect(document, byKind, Path.of(label));
        create(registry, byKind, label);
    }

    private static void create(TransferRegistry registry, Map<ResourceKind, List<JsonNode>> byKind, String source) {
        for (ResourceKind kind : LOAD_ORDER) {
            List<JsonNode> nodes = byKind.get(kind);
            for (int i = 0; i < nodes.size(); i++) {
                JsonNode node = nodes.get(i);
                String label = kind.displayName() + " #" + (i + 1)
                        + (node.hasNonNull(kind.idField()) ? " (" + node.get(kind.idField()).asText() + ")" : "");
                try {
                    create(registry, kind, convert(node, kind));
                } catch (TransferServiceException e) {
                    throw new InvalidRequestException(source + ": " + label + ": " + e.getMessage(), e);
                }
            }
        }
    }

    public static ObjectMapper mapperFor(Path file) {
        return format(file).equals("JSON") ? TransferJson.json() : TransferJson.yaml();
    }

    private static String format(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "JSON" : "YAML";
    }

    private static void collect(JsonNode document, Map<ResourceKind, List<JsonNode>> byKind, Path file) {
        if (document == null || document.isNull() || document.isMissingNode()) {
            return;
        }
        if (document.isArray()) {
            document.forEach(element -> collect(element, byKind, file));
            return;
        }
        if (!document.isObject()) {
            throw new InvalidRequestException(file + ": expected a map of resources, found " + document.getNodeType());
        }
        ResourceKind bare = bareKind(document);
        if (bare != null) {
            byKind.get(bare).add(document);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = document.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            ResourceKind kind = kindOfKey(field.getKey());
            if (kind == null) {
                throw new InvalidRequestException(file + ": unknown top-level key '" + field.getKey()
                        + "'; expected Certificates, Profiles, Servers, Connectors, Agreements or a describe-*"
                        + " wrapper such as Connector");
            }
            if (field.getValue().isArray()) {
                field.getValue().forEach(byKind.get(kind)::add);
            } else if (field.getValue().isObject()) {
                byKind.get(kind).add(field.getValue());
            } else {
                throw new InvalidRequestException(file + ": '" + field.getKey() + "' must hold a resource or a list");
            }
        }
    }

    private static ResourceKind bareKind(JsonNode node) {
        // AgreementId first: an agreement also carries a ServerId
        for (ResourceKind kind : List.of(ResourceKind.AGREEMENT, ResourceKind.CONNECTOR, ResourceKind.CERTIFICATE,
                ResourceKind.PROFILE, ResourceKind.SERVER)) {
            if (node.has(kind.idField())) {
                return kind;
            }
        }
        return null;
    }

    private static ResourceKind kindOfKey(String key) {
        for (ResourceKind kind : ResourceKind.values()) {
            if (kind.displayName().equals(key) || PLURAL.get(kind).equals(key)) {
                return kind;
            }
        }
        return null;
    }

    /** Maps a JSON node to its model class, turning Jackson's errors into a message that names the field. */
    static TransferResource convert(JsonNode node, ResourceKind kind) {
        Class<? extends TransferResource> type = typeOf(kind);
        try {
            return TransferJson.json().treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            String suggestion = AwsFieldCatalog.closest(e.getPropertyName(),
                    e.getKnownPropertyIds().stream().map(Object::toString).collect(java.util.stream.Collectors.toSet()));
            throw new InvalidRequestException("unknown field '" + path(e) + "'"
                    + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ""));
        } catch (InvalidFormatException e) {
            String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                    ? "; allowed values: " + java.util.Arrays.toString(e.getTargetType().getEnumConstants())
                    : "";
            throw new InvalidRequestException("field '" + path(e) + "' has an invalid value '" + e.getValue() + "'"
                    + allowed);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("cannot read " + kind.displayName() + ": " + e.getOriginalMessage());
        }
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static Class<? extends TransferResource> typeOf(ResourceKind kind) {
        return switch (kind) {
            case CERTIFICATE -> Certificate.class;
            case PROFILE -> Profile.class;
            case CONNECTOR -> Connector.class;
            case AGREEMENT -> Agreement.class;
            case SERVER -> Server.class;
        };
    }

    private static void create(TransferRegistry registry, ResourceKind kind, TransferResource resource) {
        if (resource.id() == null) {
            throw new InvalidRequestException(kind.idField() + " is required in a registry file, so that IDs stay"
                    + " stable across restarts");
        }
        switch (kind) {
            case CERTIFICATE -> registry.importCertificate((Certificate) resource, CertificateImporter.Origin.FILE);
            case PROFILE -> registry.createProfile((Profile) resource);
            case SERVER -> registry.createServer((Server) resource);
            case CONNECTOR -> registry.createConnector((Connector) resource);
            case AGREEMENT -> registry.createAgreement((Agreement) resource);
        }
    }

    /** The document a snapshot is written as: plural lists, in load order. */
    public static ObjectNode toDocument(RegistrySnapshot snapshot, ObjectMapper mapper,
                                 java.util.function.BiFunction<Certificate, ObjectNode, ObjectNode> certificateWriter) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode certificates = root.putArray(PLURAL.get(ResourceKind.CERTIFICATE));
        for (Certificate certificate : snapshot.certificates()) {
            ObjectNode node = mapper.valueToTree(certificate);
            node.remove("Status");
            certificates.add(certificateWriter.apply(certificate, node));
        }
        putAll(root, PLURAL.get(ResourceKind.PROFILE), snapshot.profiles(), mapper);
        putAll(root, PLURAL.get(ResourceKind.SERVER), snapshot.servers(), mapper);
        putAll(root, PLURAL.get(ResourceKind.CONNECTOR), snapshot.connectors(), mapper);
        putAll(root, PLURAL.get(ResourceKind.AGREEMENT), snapshot.agreements(), mapper);
        return root;
    }

    private static void putAll(ObjectNode root, String key, List<? extends TransferResource> resources,
                               ObjectMapper mapper) {
        ArrayNode array = root.putArray(key);
        resources.forEach(r -> array.add(mapper.<JsonNode> valueToTree(r)));
    }
}
