package io.transferas2.as2;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.As2Algorithm;

/**
 * What {@link As2MdnBuilder} needs to build an MDN for a received message. Build with {@link #builder()}. Signing is
 * optional: give a key and a digest when the partner asked for a signed receipt (use the first supported algorithm of
 * their {@code signed-receipt-micalg}).
 */
public final class MdnRequest {
    private final String reportingUa;
    private final String originalRecipient;
    private final String finalRecipient;
    private final String originalMessageId;
    private final Mic receivedContentMic;
    private final Disposition disposition;
    private final String text;
    private final PrivateKey signingKey;
    private final List<X509Certificate> signingChain;
    private final MicAlgorithm signingAlgorithm;
    private final boolean algorithmProtection;
    private final As2Algorithm signatureScheme;
    private final AlgorithmNameStyle algorithmNameStyle;

    private MdnRequest(Builder b) {
        this.reportingUa = b.reportingUa;
        this.originalRecipient = b.originalRecipient;
        this.finalRecipient = Objects.requireNonNull(b.finalRecipient != null ? b.finalRecipient
                : b.originalRecipient, "finalRecipient");
        this.originalMessageId = Objects.requireNonNull(b.originalMessageId, "originalMessageId");
        this.receivedContentMic = b.receivedContentMic;
        this.disposition = Objects.requireNonNull(b.disposition, "disposition");
        this.text = b.text;
        this.signingKey = b.signingKey;
        this.signingChain = b.signingChain == null ? List.of() : List.copyOf(b.signingChain);
        this.signingAlgorithm = b.signingAlgorithm;
        this.algorithmProtection = b.algorithmProtection;
        this.signatureScheme = b.signatureScheme;
        this.algorithmNameStyle = b.algorithmNameStyle;
        if (signingAlgorithm != null && (signingKey == null || signingChain.isEmpty())) {
            throw new IllegalArgumentException("a signed MDN needs a signing key and certificate");
        }
        for (String v : new String[] {reportingUa, originalRecipient, finalRecipient, originalMessageId}) {
            if (v != null && (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0)) {
                throw new IllegalArgumentException("MDN fields must not contain line breaks");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String reportingUa() {
        return reportingUa;
    }

    public Optional<String> originalRecipient() {
        return Optional.ofNullable(originalRecipient);
    }

    public String finalRecipient() {
        return finalRecipient;
    }

    public String originalMessageId() {
        return originalMessageId;
    }

    public Optional<Mic> receivedContentMic() {
        return Optional.ofNullable(receivedContentMic);
    }

    public Disposition disposition() {
        return disposition;
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    PrivateKey signingKey() {
        return signingKey;
    }

    List<X509Certificate> signingChain() {
        return signingChain;
    }

    /** The digest to sign with; empty for an unsigned MDN. */
    public Optional<MicAlgorithm> signingAlgorithm() {
        return Optional.ofNullable(signingAlgorithm);
    }

    /** RSASSA_PKCS1_V1_5 (default) or RSASSA_PSS. */
    public As2Algorithm signatureScheme() {
        return signatureScheme;
    }

    public boolean algorithmProtection() {
        return algorithmProtection;
    }

    public AlgorithmNameStyle algorithmNameStyle() {
        return algorithmNameStyle;
    }

    /** Builder for {@link MdnRequest}. */
    public static final class Builder {
        private String reportingUa = "camel-transfer-as2";
        private String originalRecipient;
        private String finalRecipient;
        private String originalMessageId;
        private Mic receivedContentMic;
        private Disposition disposition = Disposition.processed();
        private String text;
        private PrivateKey signingKey;
        private List<X509Certificate> signingChain;
        private MicAlgorithm signingAlgorithm;
        private boolean algorithmProtection = true;
        private As2Algorithm signatureScheme = As2Algorithm.RSASSA_PKCS1_V1_5;
        private AlgorithmNameStyle algorithmNameStyle = AlgorithmNameStyle.RFC5751;

        private Builder() {
        }

        public Builder reportingUa(String ua) {
            this.reportingUa = ua;
            return this;
        }

        /** The AS2-To of the original message (our AS2 id). Final-Recipient defaults to it. */
        public Builder originalRecipient(String as2Id) {
            this.originalRecipient = as2Id;
            return this;
        }

        public Builder finalRecipient(String as2Id) {
            this.finalRecipient = as2Id;
            return this;
        }

        /** The Message-ID of the original message, with or without angle brackets. */
        public Builder originalMessageId(String id) {
            this.originalMessageId = id;
            return this;
        }

        public Builder receivedContentMic(Mic mic) {
            this.receivedContentMic = mic;
            return this;
        }

        public Builder disposition(Disposition disposition) {
            this.disposition = disposition;
            return this;
        }

        /** The human-readable part; a sensible text is generated when unset. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder signedWith(KeyMaterial key, MicAlgorithm algorithm) {
            this.signingKey = key.privateKey().orElseThrow(
                    () -> new IllegalArgumentException("MDN signing certificate has no private key"));
            this.signingChain = key.fullChain();
            this.signingAlgorithm = algorithm;
            return this;
        }

        public Builder signedWith(PrivateKey key, List<X509Certificate> chain, MicAlgorithm algorithm) {
            this.signingKey = key;
            this.signingChain = chain;
            this.signingAlgorithm = algorithm;
            return this;
        }

        /** The signature scheme: RSASSA_PKCS1_V1_5 (default, AWS's) or RSASSA_PSS (an agreement's extension). */
        public Builder signatureScheme(As2Algorithm scheme) {
            if (scheme != null && scheme.kind() != As2Algorithm.Kind.SIGNATURE) {
                throw new IllegalArgumentException(scheme + " is not a signature scheme");
            }
            this.signatureScheme = scheme == null ? As2Algorithm.RSASSA_PKCS1_V1_5 : scheme;
            return this;
        }

        public Builder algorithmProtection(boolean include) {
            this.algorithmProtection = include;
            return this;
        }

        public Builder algorithmNameStyle(AlgorithmNameStyle style) {
            this.algorithmNameStyle = style;
            return this;
        }

        public MdnRequest build() {
            return new MdnRequest(this);
        }
    }
}
