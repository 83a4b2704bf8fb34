package io.transferas2.certs;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.transferas2.model.Certificate;
import io.transferas2.model.CertificateType;
import io.transferas2.registry.InvalidRequestException;
import io.transferas2.registry.SecretResolver;
import io.transferas2.registry.ValueReferences;

/**
 * Turns an ImportCertificate input into a stored certificate: parses the PEM or keystore entry, applies the RSA rules,
 * checks the key matches, and computes Type, Serial, NotBeforeDate and NotAfterDate. ActiveDate and InactiveDate
 * default to the validity period and must lie within it.
 */
public final class CertificateImporter {
    /** AWS limits on the PEM fields. */
    public static final int MAX_CERTIFICATE_CHARS = 16_384;
    public static final int MAX_CHAIN_CHARS = 2_097_152;
    public static final int MAX_PRIVATE_KEY_CHARS = 16_384;

    /** Where the input comes from: a configuration file may not hold clear-text secrets, the API may. */
    public enum Origin {
        FILE, API
    }

    /** The certificate to store (no key fields), its parsed material, and where its key came from (or null). */
    public record Imported(Certificate certificate, KeyMaterial material, KeySource keySource) {
    }

    private final Origin origin;
    private final Path baseDir;
    private final SecretResolver secrets;

    public CertificateImporter(Origin origin, Path baseDir, SecretResolver secrets) {
        this.origin = origin;
        this.baseDir = baseDir;
        this.secrets = secrets;
    }

    public Imported importCertificate(Certificate input) {
        List<X509Certificate> chain;
        PrivateKey privateKey;
        if (input.getKeyStore() != null) {
            if (input.getCertificate() != null || input.getPrivateKey() != null) {
                throw new InvalidRequestException("KeyStore: give either KeyStore or Certificate/PrivateKey, not both");
            }
            KeyStoreEntryReader.Entry entry = readKeyStore(input);
            chain = entry.chain();
            privateKey = entry.privateKey();
        } else {
            chain = readCertificateChain(input);
            privateKey = readPrivateKey(input, chain.get(0));
        }
        X509Certificate leaf = chain.get(0);
        RsaKeyRules.checkCertificate("Certificate", leaf);
        if (privateKey != null) {
            RsaKeyRules.checkPrivateKey("PrivateKey", privateKey, leaf);
        }
        Certificate stored = describe(input, leaf, chain.subList(1, chain.size()), privateKey != null);
        KeyMaterial material = new KeyMaterial(input.getCertificateId(), leaf, chain.subList(1, chain.size()),
                privateKey);
        KeySource source = privateKey == null ? null
                : new KeySource(input.getPrivateKey(), input.getPrivateKeyPassword(), input.getKeyStore());
        return new Imported(stored, material, source);
    }

    private KeyStoreEntryReader.Entry readKeyStore(Certificate input) {
        var ref = input.getKeyStore();
        if (ref.getFile() == null) {
            throw new InvalidRequestException("KeyStore.File is required");
        }
        boolean fromFile = origin == Origin.FILE;
        char[] storePassword = ValueReferences.password("KeyStore.Password", ref.getPassword(), secrets, fromFile);
        char[] keyPassword = ValueReferences.password("KeyStore.KeyPassword", ref.getKeyPassword(), secrets,
                fromFile);
        // File is a path by definition: a bare one is read as a file (relative to the registry file), not as bytes
        String file = ValueReferences.isReference(ref.getFile()) ? ref.getFile() : "file:" + ref.getFile();
        byte[] bytes = ValueReferences.bytes("KeyStore.File", file, baseDir, secrets);
        return KeyStoreEntryReader.read("KeyStore", bytes, ref.getType(), ref.getFile(), ref.getAlias(),
                storePassword, keyPassword);
    }

    private List<X509Certificate> readCertificateChain(Certificate input) {
        if (input.getCertificate() == null || input.getCertificate().isBlank()) {
            throw new InvalidRequestException("Certificate is required: a PEM certificate, or use KeyStore");
        }
        String pem = ValueReferences.text("Certificate", input.getCertificate(), baseDir, secrets);
        if (pem.length() > MAX_CERTIFICATE_CHARS) {
            throw new InvalidRequestException("Certificate must be at most " + MAX_CERTIFICATE_CHARS
                    + " characters, was " + pem.length());
        }
        List<X509Certificate> chain = new ArrayList<>(PemCodec.readCertificates("Certificate", pem));
        if (input.getCertificateChain() != null && !input.getCertificateChain().isBlank()) {
            if (chain.size() > 1) {
                throw new InvalidRequestException("CertificateChain must be omitted when Certificate already"
                        + " contains the chain");
            }
            String chainPem = ValueReferences.text("CertificateChain", input.getCertificateChain(), baseDir, secrets);
            if (chainPem.length() > MAX_CHAIN_CHARS) {
                throw new InvalidRequestException("CertificateChain must be at most " + MAX_CHAIN_CHARS
                        + " characters");
            }
            chain.addAll(PemCodec.readCertificates("CertificateChain", chainPem));
        }
        return chain;
    }

    private PrivateKey readPrivateKey(Certificate input, X509Certificate leaf) {
        String value = input.getPrivateKey();
        if (value == null || value.isBlank()) {
            if (input.getPrivateKeyPassword() != null) {
                throw new InvalidRequestException("PrivateKeyPassword is set but PrivateKey is missing");
            }
            return null;
        }
        boolean literal = !ValueReferences.isReference(value);
        if (literal && value.length() > MAX_PRIVATE_KEY_CHARS) {
            throw new InvalidRequestException("PrivateKey must be at most " + MAX_PRIVATE_KEY_CHARS + " characters");
        }
        if (literal && origin == Origin.FILE && !PemCodec.isEncryptedKey(value)) {
            throw new InvalidRequestException("PrivateKey: a clear-text private key is not accepted in the registry"
                    + " file; use PrivateKey: file:<path>, a placeholder such as {{env:AS2_KEY_PEM}}, or an"
                    + " encrypted PEM with PrivateKeyPassword: {{env:...}}");
        }
        if (literal && !PemCodec.looksLikePrivateKey(value)) {
            throw new InvalidRequestException("PrivateKey: expected a PEM private key, a file: reference or a"
                    + " placeholder");
        }
        String pem = ValueReferences.text("PrivateKey", value, baseDir, secrets);
        char[] password = ValueReferences.password("PrivateKeyPassword", input.getPrivateKeyPassword(), secrets,
                origin == Origin.FILE);
        return PemCodec.readPrivateKey("PrivateKey", pem, password);
    }

    private static Certificate describe(Certificate input, X509Certificate leaf, List<X509Certificate> chain,
                                        boolean withKey) {
        Certificate stored = new Certificate();
        stored.setCertificateId(input.getCertificateId());
        stored.setArn(input.getArn());
        stored.setTags(input.getTags());
        input.getUnmodelledFields().forEach(stored::putUnmodelledField);
        stored.setUsage(input.getUsage());
        stored.setDescription(input.getDescription());
        stored.setCertificate(PemCodec.toPem(List.of(leaf)));
        stored.setCertificateChain(chain.isEmpty() ? null : PemCodec.toPem(chain));
        stored.setType(withKey ? CertificateType.CERTIFICATE_WITH_PRIVATE_KEY : CertificateType.CERTIFICATE);
        stored.setSerial(serial(leaf));
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        stored.setNotBeforeDate(notBefore);
        stored.setNotAfterDate(notAfter);
        stored.setActiveDate(input.getActiveDate() != null ? input.getActiveDate() : notBefore);
        stored.setInactiveDate(input.getInactiveDate() != null ? input.getInactiveDate() : notAfter);
        checkActivePeriod(stored);
        return stored;
    }

    /** ActiveDate and InactiveDate must lie within NotBeforeDate..NotAfterDate, ActiveDate before InactiveDate. */
    public static void checkActivePeriod(Certificate c) {
        if (c.getActiveDate().isBefore(c.getNotBeforeDate()) || c.getActiveDate().isAfter(c.getNotAfterDate())) {
            throw new InvalidRequestException("ActiveDate " + c.getActiveDate() + " must lie within the certificate's"
                    + " validity " + c.getNotBeforeDate() + " .. " + c.getNotAfterDate());
        }
        if (c.getInactiveDate().isBefore(c.getNotBeforeDate()) || c.getInactiveDate().isAfter(c.getNotAfterDate())) {
            throw new InvalidRequestException("InactiveDate " + c.getInactiveDate() + " must lie within the"
                    + " certificate's validity " + c.getNotBeforeDate() + " .. " + c.getNotAfterDate());
        }
        if (!c.getActiveDate().isBefore(c.getInactiveDate())) {
            throw new InvalidRequestException("ActiveDate " + c.getActiveDate() + " must be before InactiveDate "
                    + c.getInactiveDate());
        }
    }

    /**
     * Lowercase hex of the serial number without separators: AWS's CertSerial allows 48 characters, which a
     * colon-separated 20-byte serial (59 characters) would exceed.
     */
    static String serial(X509Certificate certificate) {
        byte[] bytes = certificate.getSerialNumber().toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return HexFormat.of().formatHex(bytes, start, bytes.length);
    }
}
