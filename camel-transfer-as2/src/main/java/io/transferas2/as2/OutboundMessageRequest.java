package io.transferas2.as2;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.Deflater;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.As2Algorithm;
import io.transferas2.model.As2ConnectorConfig;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

/**
 * What {@link As2MessageBuilder} needs to build one outbound AS2 message. Build with {@link #builder()}; algorithms
 * default to {@link As2ConnectorConfig}'s effective defaults (SHA256, AES256_CBC, no compression) and can be taken
 * from a connector with {@link Builder#config(As2ConnectorConfig)}.
 */
public final class OutboundMessageRequest {
    private final InputStream payload;
    private final String filename;
    private final String contentType;
    private final PrivateKey signingKey;
    private final List<X509Certificate> signingChain;
    private final X509Certificate encryptionCertificate;
    private final SigningAlg signingAlgorithm;
    private final As2Algorithm contentEncryption;
    private final As2Algorithm keyTransport;
    private final As2Algorithm signatureScheme;
    private final CompressionEnum compression;
    private final CompressionOrder compressionOrder;
    private final TransferEncoding transferEncoding;
    private final boolean algorithmProtection;
    private final MicAlgorithm micAlgorithm;
    private final AlgorithmNameStyle algorithmNameStyle;
    private final int compressionLevel;
    private final Path tempDirectory;

    private OutboundMessageRequest(Builder b) {
        this.payload = Objects.requireNonNull(b.payload, "payload");
        this.filename = b.filename;
        this.contentType = b.contentType == null || b.contentType.isBlank() ? "application/octet-stream"
                : b.contentType;
        this.signingKey = b.signingKey;
        this.signingChain = b.signingChain == null ? List.of() : List.copyOf(b.signingChain);
        this.encryptionCertificate = b.encryptionCertificate;
        this.signingAlgorithm = Objects.requireNonNull(b.signingAlgorithm, "signingAlgorithm");
        this.contentEncryption = b.contentEncryption;
        this.keyTransport = Objects.requireNonNull(b.keyTransport, "keyTransport");
        this.signatureScheme = Objects.requireNonNull(b.signatureScheme, "signatureScheme");
        if (contentEncryption != null && contentEncryption.kind() != As2Algorithm.Kind.ENCRYPTION
                || keyTransport.kind() != As2Algorithm.Kind.KEY_TRANSPORT
                || signatureScheme.kind() != As2Algorithm.Kind.SIGNATURE) {
            throw new IllegalArgumentException("content encryption " + contentEncryption + ", key transport "
                    + keyTransport + " or signature scheme " + signatureScheme + " is of the wrong kind");
        }
        this.compression = Objects.requireNonNull(b.compression, "compression");
        this.compressionOrder = Objects.requireNonNull(b.compressionOrder, "compressionOrder");
        this.transferEncoding = Objects.requireNonNull(b.transferEncoding, "transferEncoding");
        this.algorithmProtection = b.algorithmProtection;
        this.micAlgorithm = b.micAlgorithm;
        this.algorithmNameStyle = Objects.requireNonNull(b.algorithmNameStyle, "algorithmNameStyle");
        this.compressionLevel = b.compressionLevel;
        this.tempDirectory = b.tempDirectory;
        if (signingAlgorithm != SigningAlg.NONE && (signingKey == null || signingChain.isEmpty())) {
            throw new IllegalArgumentException("signing with " + signingAlgorithm
                    + " needs a signing key and certificate");
        }
        if (contentEncryption != null && encryptionCertificate == null) {
            throw new IllegalArgumentException("encryption with " + contentEncryption
                    + " needs the partner's encryption certificate");
        }
        if (filename != null && (filename.indexOf('\r') >= 0 || filename.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("filename must not contain line breaks");
        }
        if (this.contentType.indexOf('\r') >= 0 || this.contentType.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("contentType must not contain line breaks");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public InputStream payload() {
        return payload;
    }

    public Optional<String> filename() {
        return Optional.ofNullable(filename);
    }

    public String contentType() {
        return contentType;
    }

    PrivateKey signingKey() {
        return signingKey;
    }

    public List<X509Certificate> signingChain() {
        return signingChain;
    }

    public Optional<X509Certificate> encryptionCertificate() {
        return Optional.ofNullable(encryptionCertificate);
    }

    public SigningAlg signingAlgorithm() {
        return signingAlgorithm;
    }

    /** The AWS EncryptionAlg: NONE when unencrypted, null for AES-GCM (see {@link #contentEncryption()}). */
    public EncryptionAlg encryptionAlgorithm() {
        return contentEncryption == null ? EncryptionAlg.NONE : contentEncryption.awsEncryption();
    }

    /** The content encryption, AWS's CBC modes or AES-GCM; empty when unencrypted. */
    public Optional<As2Algorithm> contentEncryption() {
        return Optional.ofNullable(contentEncryption);
    }

    /** RSAES_PKCS1_V1_5 (default) or RSAES_OAEP. */
    public As2Algorithm keyTransport() {
        return keyTransport;
    }

    /** RSASSA_PKCS1_V1_5 (default) or RSASSA_PSS. */
    public As2Algorithm signatureScheme() {
        return signatureScheme;
    }

    public CompressionEnum compression() {
        return compression;
    }

    public CompressionOrder compressionOrder() {
        return compressionOrder;
    }

    public TransferEncoding transferEncoding() {
        return transferEncoding;
    }

    public boolean algorithmProtection() {
        return algorithmProtection;
    }

    /**
     * The MIC algorithm: the one we will ask the partner for in {@code signed-receipt-micalg}. When unset, the
     * receiver's default applies: the signing digest for signed messages, else SHA-1.
     */
    public MicAlgorithm micAlgorithm() {
        if (micAlgorithm != null) {
            return micAlgorithm;
        }
        return MicAlgorithm.of(signingAlgorithm).orElse(MicAlgorithm.SHA1);
    }

    public AlgorithmNameStyle algorithmNameStyle() {
        return algorithmNameStyle;
    }

    public int compressionLevel() {
        return compressionLevel;
    }

    public Path tempDirectory() {
        return tempDirectory;
    }

    /** Builder for {@link OutboundMessageRequest}. */
    public static final class Builder {
        private InputStream payload;
        private String filename;
        private String contentType;
        private PrivateKey signingKey;
        private List<X509Certificate> signingChain;
        private X509Certificate encryptionCertificate;
        private SigningAlg signingAlgorithm = SigningAlg.SHA256;
        private As2Algorithm contentEncryption = As2Algorithm.AES256_CBC;
        private As2Algorithm keyTransport = As2Algorithm.RSAES_PKCS1_V1_5;
        private As2Algorithm signatureScheme = As2Algorithm.RSASSA_PKCS1_V1_5;
        private CompressionEnum compression = CompressionEnum.DISABLED;
        private CompressionOrder compressionOrder = CompressionOrder.BEFORE_SIGNING;
        private TransferEncoding transferEncoding = TransferEncoding.BINARY;
        private boolean algorithmProtection = true;
        private MicAlgorithm micAlgorithm;
        private AlgorithmNameStyle algorithmNameStyle = AlgorithmNameStyle.RFC5751;
        private int compressionLevel = Deflater.DEFAULT_COMPRESSION;
        private Path tempDirectory;

        private Builder() {
        }

        /** The payload stream, read once and not closed. */
        public Builder payload(InputStream payload) {
            this.payload = payload;
            return this;
        }

        public Builder filename(String filename) {
            this.filename = filename;
            return this;
        }

        /** The payload's Content-Type; default {@code application/octet-stream}. */
        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder signingKey(PrivateKey key, List<X509Certificate> chain) {
            this.signingKey = key;
            this.signingChain = chain;
            return this;
        }

        /** Our signing key and certificate chain, as {@code CertificateStore.signingKey} returns them. */
        public Builder signingKey(KeyMaterial material) {
            return signingKey(material.privateKey().orElseThrow(
                    () -> new IllegalArgumentException("signing certificate has no private key")),
                    material.fullChain());
        }

        public Builder encryptionCertificate(X509Certificate certificate) {
            this.encryptionCertificate = certificate;
            return this;
        }

        public Builder encryptionCertificate(KeyMaterial material) {
            return encryptionCertificate(material.certificate());
        }

        /**
         * SigningAlgorithm, EncryptionAlgorithm and Compression from a connector, with AWS's defaults, and the
         * algorithms of its {@code Extensions}.
         */
        public Builder config(As2ConnectorConfig config) {
            this.signingAlgorithm = config.effectiveSigningAlgorithm();
            this.contentEncryption = config.effectiveContentEncryption();
            this.keyTransport = config.effectiveKeyEncryptionAlgorithm();
            this.signatureScheme = config.effectiveSignatureScheme();
            this.compression = config.effectiveCompression();
            return this;
        }

        public Builder signingAlgorithm(SigningAlg alg) {
            this.signingAlgorithm = alg;
            return this;
        }

        public Builder encryptionAlgorithm(EncryptionAlg alg) {
            this.contentEncryption = As2Algorithm.ofAws(Objects.requireNonNull(alg, "encryptionAlgorithm"));
            return this;
        }

        /** Content encryption including AES128_GCM and AES256_GCM; null for none. */
        public Builder contentEncryption(As2Algorithm algorithm) {
            this.contentEncryption = algorithm;
            return this;
        }

        /** RSAES_PKCS1_V1_5 (default) or RSAES_OAEP (SHA-256, MGF1-SHA-256). */
        public Builder keyTransport(As2Algorithm algorithm) {
            this.keyTransport = algorithm;
            return this;
        }

        /** RSASSA_PKCS1_V1_5 (default) or RSASSA_PSS. */
        public Builder signatureScheme(As2Algorithm algorithm) {
            this.signatureScheme = algorithm;
            return this;
        }

        public Builder compression(CompressionEnum compression) {
            this.compression = compression;
            return this;
        }

        public Builder compressionOrder(CompressionOrder order) {
            this.compressionOrder = order;
            return this;
        }

        /**
         * Content-Transfer-Encoding of the entities inside the S/MIME layers; default binary. The outermost entity is
         * the HTTP body and always binary, so this has no effect on an unsigned, unencrypted message.
         */
        public Builder transferEncoding(TransferEncoding encoding) {
            this.transferEncoding = encoding;
            return this;
        }

        /** Whether to add the CMS algorithm-protection attribute (RFC 6211); default true. */
        public Builder algorithmProtection(boolean include) {
            this.algorithmProtection = include;
            return this;
        }

        public Builder micAlgorithm(MicAlgorithm algorithm) {
            this.micAlgorithm = algorithm;
            return this;
        }

        /** How {@code micalg} is spelt; default RFC 5751 ({@code sha-256}). */
        public Builder algorithmNameStyle(AlgorithmNameStyle style) {
            this.algorithmNameStyle = style;
            return this;
        }

        /** ZLIB level 0-9 or -1 for zlib's default (6). */
        public Builder compressionLevel(int level) {
            if (level < -1 || level > 9) {
                throw new IllegalArgumentException("compression level must be -1..9");
            }
            this.compressionLevel = level;
            return this;
        }

        public Builder tempDirectory(Path dir) {
            this.tempDirectory = dir;
            return this;
        }

        public OutboundMessageRequest build() {
            return new OutboundMessageRequest(this);
        }
    }
}
