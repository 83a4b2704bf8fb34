package io.transferas2.as2;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.As2Algorithm;

/**
 * What {@link As2MessageParser} needs to read one inbound AS2 message. Build with {@link #builder()}.
 * <ul>
 * <li>The HTTP headers (any case; Content-Type is required) and the body stream, read once and not closed.</li>
 * <li>Every valid local decryption key with its certificate, newest first (from
 * {@code CertificateStore.decryptionKeys}); each is tried until one opens the message.</li>
 * <li>Every valid partner SIGNING certificate ({@code CertificateStore.verificationCertificates}); certificates inside
 * the message are never trusted on their own.</li>
 * <li>Policy: {@code requireEncryption} (default true, AWS's rule for plain HTTP) and {@code requireSignature}
 * (default false; the agreement's EnforceMessageSigning).</li>
 * <li>The MIC algorithms the partner asked for; by default read from the Disposition-Notification-Options header.</li>
 * </ul>
 */
public final class InboundMessageRequest {
    private final Map<String, String> headers;
    private final InputStream body;
    private final List<KeyMaterial> decryptionKeys;
    private final List<X509Certificate> partnerSigningCertificates;
    private final boolean requireEncryption;
    private final boolean requireSignature;
    private final Set<As2Algorithm> refusedAlgorithms;
    private final DispositionNotificationOptions notificationOptions;
    private final boolean echoMicAlgorithmName;
    private final As2Limits limits;
    private final Path tempDirectory;
    private final String keyNote;
    private final String partnerCertificateNote;

    private InboundMessageRequest(Builder b) {
        this.headers = Map.copyOf(b.headers);
        this.body = Objects.requireNonNull(b.body, "body");
        this.decryptionKeys = List.copyOf(b.decryptionKeys);
        this.partnerSigningCertificates = List.copyOf(b.partnerSigningCertificates);
        this.keyNote = b.keyNote;
        this.partnerCertificateNote = b.partnerCertificateNote;
        this.requireEncryption = b.requireEncryption;
        this.requireSignature = b.requireSignature;
        this.refusedAlgorithms = Set.copyOf(b.refusedAlgorithms);
        String dno = b.notificationOptions != null ? null : header(b.headers, "Disposition-Notification-Options");
        this.notificationOptions = b.notificationOptions != null ? b.notificationOptions
                : DispositionNotificationOptions.parse(dno);
        this.echoMicAlgorithmName = b.echoMicAlgorithmName;
        this.limits = b.limits;
        this.tempDirectory = b.tempDirectory;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The HTTP headers as given (names keep their case; look them up case-insensitively). */
    public Map<String, String> headers() {
        return headers;
    }

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        return header(headers, name);
    }

    public InputStream body() {
        return body;
    }

    public List<KeyMaterial> decryptionKeys() {
        return decryptionKeys;
    }

    public List<X509Certificate> partnerSigningCertificates() {
        return partnerSigningCertificates;
    }

    /** Why the local profile's keys are as they are (expired, not yet active ones), for decryption errors; or "". */
    public String keyNote() {
        return keyNote;
    }

    /** Why the partner's signing certificates are as they are (expired, not yet active ones), for errors; or "". */
    public String partnerCertificateNote() {
        return partnerCertificateNote;
    }

    public boolean requireEncryption() {
        return requireEncryption;
    }

    /** The agreement's minimum-security policy: algorithms a message may not use (empty: all are accepted). */
    public Set<As2Algorithm> refusedAlgorithms() {
        return refusedAlgorithms;
    }

    public boolean requireSignature() {
        return requireSignature;
    }

    /** The partner's Disposition-Notification-Options (empty when no MDN options were sent). */
    public DispositionNotificationOptions notificationOptions() {
        return notificationOptions;
    }

    /** Whether the MIC's algorithm is written back in the partner's own spelling rather than RFC 5751's. */
    public boolean echoMicAlgorithmName() {
        return echoMicAlgorithmName;
    }

    public As2Limits limits() {
        return limits;
    }

    /** Where the payload temp file goes; null means {@code java.io.tmpdir}. */
    public Path tempDirectory() {
        return tempDirectory;
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Builder for {@link InboundMessageRequest}. */
    public static final class Builder {
        private final Map<String, String> headers = new LinkedHashMap<>();
        private InputStream body;
        private final List<KeyMaterial> decryptionKeys = new ArrayList<>();
        private final List<X509Certificate> partnerSigningCertificates = new ArrayList<>();
        private boolean requireEncryption = true;
        private boolean requireSignature;
        private Collection<As2Algorithm> refusedAlgorithms = List.of();
        private DispositionNotificationOptions notificationOptions;
        private boolean echoMicAlgorithmName;
        private As2Limits limits = As2Limits.defaults();
        private Path tempDirectory;
        private String keyNote = "";
        private String partnerCertificateNote = "";

        private Builder() {
        }

        /** Adds HTTP headers; values are converted with {@code String.valueOf}, lists joined with ", ". */
        public Builder headers(Map<String, ?> httpHeaders) {
            httpHeaders.forEach((k, v) -> {
                if (k != null && v != null) {
                    header(k, v instanceof Collection<?> c
                            ? String.join(", ", c.stream().map(String::valueOf).toList()) : String.valueOf(v));
                }
            });
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder body(InputStream body) {
            this.body = body;
            return this;
        }

        /** Local keys that may decrypt the message, replacing any set before; keyless ones are skipped. */
        public Builder decryptionKeys(Collection<KeyMaterial> keys) {
            decryptionKeys.clear();
            keys.stream().filter(KeyMaterial::hasPrivateKey).forEach(decryptionKeys::add);
            return this;
        }

        /** The partner's signing certificates, replacing any set before. */
        public Builder partnerSigningCertificates(Collection<X509Certificate> certificates) {
            partnerSigningCertificates.clear();
            partnerSigningCertificates.addAll(certificates);
            return this;
        }

        /** The partner profile's SIGNING certificates as held by the certificate store, replacing any set before. */
        public Builder partnerSigningMaterial(Collection<KeyMaterial> certificates) {
            partnerSigningCertificates.clear();
            certificates.forEach(k -> partnerSigningCertificates.add(k.certificate()));
            return this;
        }

        /** Explains the local profile's unusable decryption keys in errors (see {@link #keyNote()}). */
        public Builder keyNote(String note) {
            this.keyNote = note == null ? "" : note;
            return this;
        }

        /** Explains the partner's unusable signing certificates in errors (see {@link #partnerCertificateNote()}). */
        public Builder partnerCertificateNote(String note) {
            this.partnerCertificateNote = note == null ? "" : note;
            return this;
        }

        public Builder requireEncryption(boolean require) {
            this.requireEncryption = require;
            return this;
        }

        /**
         * Algorithms the message may not use (the agreement's {@code Extensions.RefusedAlgorithms}); a message using
         * one fails with {@code insufficient-message-security}. Default: none refused.
         */
        public Builder refusedAlgorithms(Collection<As2Algorithm> refused) {
            this.refusedAlgorithms = refused == null ? List.of() : List.copyOf(refused);
            return this;
        }

        public Builder requireSignature(boolean require) {
            this.requireSignature = require;
            return this;
        }

        /** Overrides the Disposition-Notification-Options read from the headers. */
        public Builder notificationOptions(DispositionNotificationOptions options) {
            this.notificationOptions = options;
            return this;
        }

        public Builder echoMicAlgorithmName(boolean echo) {
            this.echoMicAlgorithmName = echo;
            return this;
        }

        public Builder limits(As2Limits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        public Builder tempDirectory(Path dir) {
            this.tempDirectory = dir;
            return this;
        }

        public InboundMessageRequest build() {
            return new InboundMessageRequest(this);
        }
    }
}
