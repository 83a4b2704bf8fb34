package io.transferas2.as2;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

import io.transferas2.model.As2Algorithm;

/**
 * An MDN as received from a partner, parsed leniently and, when signed, already verified against the partner's
 * signing certificates. {@link #verifyMic(Mic)} then checks it against the MIC we computed when sending.
 */
public final class ReceivedMdn {
    private final boolean signed;
    private final X509Certificate signerCertificate;
    private final MicAlgorithm signatureAlgorithm;
    private As2Algorithm signatureScheme;
    private final Disposition disposition;
    private final Map<String, String> fields;
    private final String text;

    ReceivedMdn(boolean signed, X509Certificate signerCertificate, MicAlgorithm signatureAlgorithm,
                Disposition disposition, Map<String, String> fields, String text) {
        this.signed = signed;
        this.signerCertificate = signerCertificate;
        this.signatureAlgorithm = signatureAlgorithm;
        this.disposition = disposition;
        this.fields = Map.copyOf(fields);
        this.text = text;
    }

    public boolean signed() {
        return signed;
    }

    /** The partner certificate that verified the MDN signature. */
    public Optional<X509Certificate> signerCertificate() {
        return Optional.ofNullable(signerCertificate);
    }

    public Optional<MicAlgorithm> signatureAlgorithm() {
        return Optional.ofNullable(signatureAlgorithm);
    }

    /** The MDN signature's scheme (RSASSA_PKCS1_V1_5 or RSASSA_PSS), when signed. */
    public Optional<As2Algorithm> signatureScheme() {
        return Optional.ofNullable(signatureScheme);
    }

    ReceivedMdn withSignatureScheme(As2Algorithm scheme) {
        this.signatureScheme = scheme;
        return this;
    }

    public Disposition disposition() {
        return disposition;
    }

    /** Original-Message-ID as written (angle brackets kept when present). */
    public Optional<String> originalMessageId() {
        return field("original-message-id");
    }

    /** True when Original-Message-ID names {@code messageId}, ignoring angle brackets and surrounding space. */
    public boolean isFor(String messageId) {
        return originalMessageId().map(ReceivedMdn::bare).map(id -> id.equals(bare(messageId))).orElse(false);
    }

    /** Received-Content-MIC, when present and readable. */
    public Optional<Mic> receivedContentMic() {
        return field("received-content-mic").flatMap(Mic::parse);
    }

    public Optional<String> reportingUa() {
        return field("reporting-ua");
    }

    /** Original-Recipient without its address type ({@code rfc822;}); often absent. */
    public Optional<String> originalRecipient() {
        return field("original-recipient").map(ReceivedMdn::address);
    }

    /** Final-Recipient without its address type. */
    public Optional<String> finalRecipient() {
        return field("final-recipient").map(ReceivedMdn::address);
    }

    /** A disposition-notification field by case-insensitive name. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** All fields, keys in lower case. */
    public Map<String, String> fields() {
        return fields;
    }

    /** The human-readable part, if any. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /**
     * Checks the returned MIC against the one we computed when sending. Digest and algorithm must match; algorithm
     * names are compared after normalisation ({@code sha1} = {@code sha-1} = {@code SHA1}).
     *
     * @throws As2Exception VERIFICATION_FAILED when the MIC is missing, unreadable or different
     */
    public void verifyMic(Mic sent) {
        Optional<String> raw = field("received-content-mic");
        if (raw.isEmpty()) {
            throw Failures.integrity("the MDN has no Received-Content-MIC; expected " + sent.toFieldValue(), null);
        }
        Optional<Mic> received = Mic.parse(raw.get());
        if (received.isEmpty()) {
            throw Failures.integrity("unreadable Received-Content-MIC \"" + raw.get() + "\"", null);
        }
        if (!received.get().matches(sent)) {
            throw Failures.integrity("the MIC did not match: partner returned " + received.get().toFieldValue()
                    + ", we computed " + sent.toFieldValue(), null);
        }
    }

    /**
     * The checks a sender makes on a synchronous or asynchronous MDN: signed when a signed receipt was requested, and
     * for a successful disposition a matching MIC. Error dispositions are returned to the caller to report.
     */
    public void verify(Mic sent, boolean signedReceiptRequested) {
        if (signedReceiptRequested && !signed) {
            throw new As2Exception(As2FailureCode.VERIFICATION_FAILED, DispositionModifier.AUTHENTICATION_FAILED,
                    "a signed MDN was requested but the partner returned an unsigned one");
        }
        if (disposition.isSuccess()) {
            verifyMic(sent);
        }
    }

    private static String bare(String id) {
        String t = id.trim();
        if (t.startsWith("<") && t.endsWith(">")) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    private static String address(String value) {
        int semi = value.indexOf(';');
        return (semi >= 0 ? value.substring(semi + 1) : value).trim();
    }

    @Override
    public String toString() {
        return "ReceivedMdn[" + disposition + ", signed=" + signed + ", mic=" + field("received-content-mic")
                .orElse("-") + "]";
    }
}
