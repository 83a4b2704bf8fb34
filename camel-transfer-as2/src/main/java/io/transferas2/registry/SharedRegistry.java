package io.transferas2.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.certs.KeySource;
import io.transferas2.certs.PemCodec;
import io.transferas2.model.Certificate;
import io.transferas2.model.TransferJson;

/**
 * A registry that lives in a database shared by several nodes ({@link RegistryDatabase}). Every change made on this
 * node is written there with the next version, in one transaction; {@link #refresh()}, polled, reloads the registry
 * when another node wrote a newer version. An empty database is seeded from the registry file, once, by whichever node
 * starts first.
 * <p>
 * Private keys never go into the database in clear: references (file:, placeholders, keystores) are written as given,
 * and keys imported through the API are encrypted with the key encryption password (without one, such an import is
 * refused). File references are read on each node, so every node needs the same files.
 */
public final class SharedRegistry implements RegistryStore {
    private static final Logger LOG = LoggerFactory.getLogger(SharedRegistry.class);
    private static final ObjectMapper JSON = TransferJson.json();
    private static final List<String> PLURALS = List.of("Certificates", "Profiles", "Servers", "Connectors",
            "Agreements");

    private final RegistryDatabase database;
    private final RegistrySettings settings;
    private final char[] keyEncryptionPassword;
    private final String node;
    private final TransferRegistry registry;
    /** Encrypted PEM of keys imported in clear, by CertificateId, so each is encrypted once. */
    private final Map<String, String> encryptedKeys = new ConcurrentHashMap<>();
    private volatile long version;

    private SharedRegistry(RegistryDatabase database, RegistrySettings settings, char[] keyEncryptionPassword,
                           String node) {
        this.database = database;
        this.keyEncryptionPassword = keyEncryptionPassword == null ? null : keyEncryptionPassword.clone();
        this.node = node;
        this.settings = withManagedKeyPassword(settings, this.keyEncryptionPassword);
        this.registry = new TransferRegistry(this.settings);
    }

    /**
     * Opens the shared registry: loads it from the database, or seeds an empty database from {@code seedFile} (which
     * may be null), then persists every later change there.
     */
    public static SharedRegistry open(RegistryDatabase database, RegistrySettings settings, Path seedFile,
                                      char[] keyEncryptionPassword, String node) {
        if (seedFile != null && settings.baseDir() == null) {
            // file: references are relative to the registry file, on every node
            settings.baseDir(seedFile.toAbsolutePath().normalize().getParent());
        }
        SharedRegistry shared = new SharedRegistry(database, settings, keyEncryptionPassword, node);
        shared.start(seedFile);
        return shared;
    }

    private void start(Path seedFile) {
        RegistryDatabase.Contents contents = database.read();
        if (contents.version() == 0 && seedFile != null) {
            TransferRegistry seed = new TransferRegistry(settings);
            RegistryFile.load(seedFile, seed);
            try {
                version = database.write(0, resourcesOf(seed.snapshot()), node);
                registry.replaceWith(seed);
                LOG.info("transfer-as2 shared registry: seeded the empty database from {} (version {})", seedFile,
                        version);
            } catch (RegistryConflictException e) {
                // another node seeded it at the same moment: take its version
                contents = database.read();
                load(contents);
            }
        } else {
            load(contents);
            LOG.info("transfer-as2 shared registry: loaded version {} from the database ({} resources)", version,
                    contents.resources().size());
        }
        registry.setStore(this);
    }

    /** The registry every endpoint of this node reads. */
    public TransferRegistry registry() {
        return registry;
    }

    /** The version this node holds. */
    public long version() {
        return version;
    }

    /**
     * Reloads the registry when another node wrote a newer version; called periodically.
     *
     * @return true when it reloaded
     */
    public synchronized boolean refresh() {
        if (database.version() == version) {
            return false;
        }
        RegistryDatabase.Contents contents = database.read();
        if (contents.version() == version) {
            return false;
        }
        int changed = load(contents);
        if (changed < 0) {
            return false;
        }
        LOG.info("transfer-as2 shared registry: version {} loaded ({} resource(s) changed on another node)",
                contents.version(), changed);
        return true;
    }

    private int load(RegistryDatabase.Contents contents) {
        ObjectNode document = JSON.createObjectNode();
        PLURALS.forEach(document::putArray);
        for (RegistryDatabase.Resource r : contents.resources()) {
            try {
                ((com.fasterxml.jackson.databind.node.ArrayNode) document.get(r.kind())).add(JSON.readTree(r.json()));
            } catch (JsonProcessingException | NullPointerException e) {
                throw new IllegalStateException("shared registry: resource " + r.kind() + " " + r.id()
                        + " in the database cannot be read", e);
            }
        }
        TransferRegistry fresh = new TransferRegistry(settings);
        RegistryFile.load(document, fresh, "shared registry version " + contents.version());
        // under the registry's write lock, where this node's own changes move the version too
        return registry.replaceWith(fresh, () -> {
            if (contents.version() <= version && version != 0) {
                return false;
            }
            version = contents.version();
            return true;
        });
    }

    /** Called by the registry under its write lock after each change made on this node. */
    @Override
    public void save(RegistrySnapshot snapshot) {
        try {
            version = database.write(version, resourcesOf(snapshot), node);
        } catch (RegistryConflictException e) {
            // the change is undone by the registry; fetch the other node's version so a retry succeeds
            Thread refresh = new Thread(this::refreshQuietly, "transfer-as2-registry-refresh");
            refresh.setDaemon(true);
            refresh.start();
            throw e;
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("transfer-as2 shared registry: refresh failed: {}", e.getMessage());
        }
    }

    private List<RegistryDatabase.Resource> resourcesOf(RegistrySnapshot snapshot) {
        ObjectNode document = RegistryFile.toDocument(snapshot, JSON, (certificate, node) -> {
            KeySource source = snapshot.keySources().get(certificate.getCertificateId());
            if (source != null) {
                writeKey(certificate, source, node);
            }
            return node;
        });
        List<RegistryDatabase.Resource> resources = new ArrayList<>();
        for (String plural : PLURALS) {
            for (JsonNode resource : document.path(plural)) {
                String id = resource.path(idField(plural)).asText();
                resources.add(new RegistryDatabase.Resource(plural, id, resource.toString()));
            }
        }
        return resources;
    }

    private static String idField(String plural) {
        return plural.substring(0, plural.length() - 1) + "Id";
    }

    private void writeKey(Certificate certificate, KeySource source, ObjectNode node) {
        if (source.keyStore() != null) {
            node.set("KeyStore", JSON.valueToTree(source.keyStore()));
            return;
        }
        if (!source.isInlineClearPem()) {
            node.put("PrivateKey", source.privateKey());
            if (source.privateKeyPassword() != null) {
                node.put("PrivateKeyPassword", source.privateKeyPassword());
            }
            return;
        }
        if (keyEncryptionPassword == null) {
            throw new InvalidRequestException("The shared registry stores private keys encrypted: configure the"
                    + " key encryption password (keyEncryptionPassword) to import keys through the API");
        }
        String encrypted = encryptedKeys.computeIfAbsent(certificate.getCertificateId(), id ->
                PemCodec.privateKeyToPem(PemCodec.readPrivateKey("PrivateKey", source.privateKey(), null),
                        keyEncryptionPassword));
        node.put("PrivateKey", encrypted);
        node.put("PrivateKeyPassword", FileRegistryStore.MANAGED_KEY_PASSWORD);
    }

    /** The settings with the placeholder of managed keys resolved to the key encryption password. */
    private static RegistrySettings withManagedKeyPassword(RegistrySettings settings, char[] password) {
        SecretResolver secrets = settings.secrets();
        return settings.secrets(expression -> {
            if (FileRegistryStore.MANAGED_KEY_PASSWORD.equals(expression.trim())) {
                if (password == null) {
                    throw new IllegalArgumentException("keys in the shared registry are encrypted: configure the"
                            + " key encryption password");
                }
                return new String(password);
            }
            return secrets.resolve(expression);
        });
    }
}
