package io.transferas2.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.transferas2.certs.KeySource;
import io.transferas2.certs.PemCodec;
import io.transferas2.model.Certificate;

/**
 * Writes the registry back to its file, atomically (temp file + rename), in the file's format.
 * <p>
 * Private keys never go into the file in clear. References (files, placeholders, keystores) are written as they were
 * given. Keys imported through the API as plain PEM are written to {@code <file>.keys/<CertificateId>.pem} with
 * owner-only permissions, encrypted when a key-encryption password is configured, and the file refers to them.
 */
public final class FileRegistryStore implements RegistryStore {
    /** Placeholder written for keys this store encrypted; the registry resolves it to the configured password. */
    public static final String MANAGED_KEY_PASSWORD = "{{transfer-as2-managed-key-password}}";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FileRegistryStore.class);

    private final Path file;
    private final Path keyDirectory;
    private final char[] keyEncryptionPassword;
    private final ObjectMapper mapper;
    private volatile boolean warnedClearKeys;

    /**
     * @param file                  the registry file
     * @param keyEncryptionPassword password that encrypts stored keys, or null to store them with owner-only
     *                              permissions only; the file refers to it as {@link #MANAGED_KEY_PASSWORD}
     */
    public FileRegistryStore(Path file, char[] keyEncryptionPassword) {
        this.file = file.toAbsolutePath().normalize();
        this.keyDirectory = this.file.resolveSibling(this.file.getFileName() + ".keys");
        this.keyEncryptionPassword = keyEncryptionPassword == null ? null : keyEncryptionPassword.clone();
        this.mapper = RegistryFile.mapperFor(this.file);
    }

    @Override
    public void save(RegistrySnapshot snapshot) {
        try {
            ObjectNode document = RegistryFile.toDocument(snapshot, mapper, (certificate, node) -> {
                KeySource source = snapshot.keySources().get(certificate.getCertificateId());
                if (source != null) {
                    writeKeyReference(certificate, source, node);
                }
                return node;
            });
            Files.createDirectories(file.getParent());
            writeAtomically(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
            // keys of deleted certificates go; a stored key stays while its certificate exists
            Set<String> keep = new HashSet<>();
            snapshot.certificates().forEach(c -> keep.add(c.getCertificateId() + ".pem"));
            removeOrphanKeys(keep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void writeKeyReference(Certificate certificate, KeySource source, ObjectNode node) {
        if (source.keyStore() != null) {
            node.set("KeyStore", mapper.valueToTree(source.keyStore()));
            return;
        }
        if (!source.isInlineClearPem()) {
            node.put("PrivateKey", source.privateKey());
            if (source.privateKeyPassword() != null) {
                node.put("PrivateKeyPassword", source.privateKeyPassword());
            }
            return;
        }
        Path keyFile = keyDirectory.resolve(certificate.getCertificateId() + ".pem");
        if (!Files.exists(keyFile)) {
            try {
                writeKey(keyFile, source.privateKey());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + keyFile, e);
            }
        }
        node.put("PrivateKey", "file:" + file.getParent().relativize(keyFile));
        if (keyEncryptionPassword != null) {
            node.put("PrivateKeyPassword", MANAGED_KEY_PASSWORD);
        }
    }

    private void writeKey(Path keyFile, String clearPem) throws IOException {
        Files.createDirectories(keyDirectory);
        restrictToOwner(keyDirectory, "rwx------");
        String pem = clearPem;
        if (keyEncryptionPassword != null) {
            pem = PemCodec.privateKeyToPem(PemCodec.readPrivateKey("PrivateKey", clearPem, null),
                    keyEncryptionPassword);
        } else if (!warnedClearKeys) {
            warnedClearKeys = true;
            LOG.warn("Private keys imported through the API are stored unencrypted (owner-only permissions) in {};"
                    + " set a key encryption password placeholder to encrypt them", keyDirectory);
        }
        Path temp = Files.createTempFile(keyDirectory, ".key", ".tmp");
        restrictToOwner(temp, "rw-------");
        Files.writeString(temp, pem, StandardCharsets.US_ASCII);
        move(temp, keyFile);
    }

    private void removeOrphanKeys(Set<String> keep) throws IOException {
        if (!Files.isDirectory(keyDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.list(keyDirectory)) {
            for (Path key : files.filter(p -> p.getFileName().toString().endsWith(".pem")).toList()) {
                if (!keep.contains(key.getFileName().toString())) {
                    Files.deleteIfExists(key);
                }
            }
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, content);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
