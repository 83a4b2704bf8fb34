package io.transferas2.as2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSCompressedDataGenerator;
import org.bouncycastle.cms.CMSCompressedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;
import org.bouncycastle.operator.InputExpanderProvider;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.As2Algorithm;

/** The state and recursive descent of one inbound parse; see {@link As2MessageParser} for the rules. */
final class InboundProcessor {
    private static final long MAX_PREAMBLE = 64 * 1024;
    private static final Set<String> TEXTUAL_ENCODINGS = Set.of("7bit", "8bit", "quoted-printable");

    private final InboundMessageRequest request;
    /** RFC 3274 defines ZLIB only; BouncyCastle's provider would inflate any algorithm identifier as zlib. */
    private static final InputExpanderProvider ZLIB_ONLY = algorithm -> {
        if (!CMSCompressedDataGenerator.ZLIB.equals(algorithm.getAlgorithm().getId())) {
            throw new As2Exception(As2FailureCode.DECOMPRESSION_FAILED, DispositionModifier.UNSUPPORTED_FORMAT,
                    "unsupported compression algorithm " + algorithm.getAlgorithm().getId() + " (only ZLIB, "
                            + CMSCompressedDataGenerator.ZLIB + ", is defined for AS2)");
        }
        return new ZlibExpanderProvider().get(algorithm);
    };

    private final As2Limits limits;
    private final MimeHeaders http;
    private final Optional<DispositionNotificationOptions.Requested> requestedMic;

    private As2Algorithm encryption;
    private final InboundMessage.Algorithms found = new InboundMessage.Algorithms();
    private final SecurityPolicy policy;
    private boolean compressed;
    private boolean compressedInsideSignature;
    private int insideSignature;
    private boolean signatureEntered;
    private MicAlgorithm signatureAlgorithm;
    private X509Certificate signer;
    private Mic signedMic;
    private Digests unsignedMicTap;
    private Digests canonicalCandidate;
    private MicAlgorithm unsignedMicAlgorithm;
    private Path payload;
    private long payloadSize;
    private String filename;
    private String contentType;

    InboundProcessor(InboundMessageRequest request) {
        this.request = request;
        this.limits = request.limits();
        this.http = MimeHeaders.of(request.headers());
        this.requestedMic = request.notificationOptions().preferredMicAlgorithm();
        this.policy = new SecurityPolicy(request.refusedAlgorithms());
    }

    InboundMessage run() throws IOException {
        HeaderValue ct = http.contentType();
        if (ct == null || ct.value().isEmpty()) {
            throw Failures.invalidRequest("the request has no Content-Type header");
        }
        if (request.requireEncryption() && !isPkcs7Mime(ct)) {
            throw unencrypted(ct.value());
        }
        InputStream raw = request.body();
        if (!isPkcs7Mime(ct) && !ct.lowerValue().equals("multipart/signed")) {
            // unsigned, unencrypted: the MIC covers the content as transmitted, before transfer decoding
            raw = tapUnsigned(raw);
        }
        InputStream body = decodeTransfer(raw, http.transferEncoding());
        MimeInput top = new MimeInput(body);
        processEntity(top, http, 1, true);
        drain(top);
        if (payload == null) {
            throw Failures.invalidRequest("the message has no payload");
        }
        Mic mic = signedMic;
        if (mic == null) {
            mic = micFrom(unsignedMicAlgorithm, unsignedMicTap.results().get(unsignedMicAlgorithm));
        }
        CompressionOrder order = compressed && signatureAlgorithm != null
                ? (compressedInsideSignature ? CompressionOrder.BEFORE_SIGNING : CompressionOrder.AFTER_SIGNING)
                : null;
        InboundMessage result = new InboundMessage(payload, payloadSize, filename != null ? filename
                : http.dispositionFilename(), contentType, http.get("Subject"), found, signatureAlgorithm,
                compressed, order, mic, signer);
        payload = null;
        return result;
    }

    void cleanup() {
        TempFiles.deleteQuietly(payload);
        payload = null;
    }

    private void processEntity(MimeInput in, MimeHeaders headers, int depth, boolean top) throws IOException {
        if (depth > limits.maxNestingDepth()) {
            throw Failures.invalidRequest("MIME structure nested deeper than " + limits.maxNestingDepth()
                    + " levels (maxNestingDepth)");
        }
        HeaderValue ct = headers.contentType();
        String type = ct == null ? "" : ct.lowerValue();
        if (type.equals("multipart/signed")) {
            processSigned(in, ct, depth);
            return;
        }
        if (isPkcs7Mime(ct)) {
            // (the HTTP body's own transfer encoding was decoded before the top-level entity)
            InputStream decoded = top ? in : decodeTransfer(in, headers.transferEncoding());
            MimeInput cms = new MimeInput(decoded);
            String smime = ct.param("smime-type");
            CmsSniffer.Kind kind = smimeKind(smime);
            if (kind == CmsSniffer.Kind.UNKNOWN) {
                kind = CmsSniffer.sniff(cms);
            } else if (kind == CmsSniffer.Kind.ENVELOPED || kind == CmsSniffer.Kind.AUTH_ENVELOPED) {
                // some senders label AES-GCM AuthEnvelopedData smime-type=enveloped-data: the structure decides
                CmsSniffer.Kind sniffed = CmsSniffer.sniff(cms);
                if (sniffed == CmsSniffer.Kind.ENVELOPED || sniffed == CmsSniffer.Kind.AUTH_ENVELOPED) {
                    kind = sniffed;
                }
            }
            switch (kind) {
                case ENVELOPED -> processEnveloped(cms, depth, false);
                case AUTH_ENVELOPED -> processEnveloped(cms, depth, true);
                case COMPRESSED -> processCompressed(cms, depth);
                case SIGNED -> throw Failures.invalidSmime("opaque application/pkcs7-mime signed-data is not "
                        + "supported; AS2 uses multipart/signed", null);
                default -> throw Failures.invalidSmime("application/pkcs7-mime content is not CMS enveloped or "
                        + "compressed data", null);
            }
            drain(cms);
            return;
        }
        processPayload(in, headers, top);
    }

    // --- encryption -------------------------------------------------------------------------------------------

    private void processEnveloped(MimeInput cms, int depth, boolean authenticated) throws IOException {
        if (encryption != null) {
            throw duplicateStep("encrypted twice");
        }
        RecipientInformationStore recipients;
        String oid;
        try {
            if (authenticated) {
                CMSAuthEnvelopedDataParser parser = new CMSAuthEnvelopedDataParser(cms);
                recipients = parser.getRecipientInfos();
                oid = parser.getEncAlgOID();
            } else {
                CMSEnvelopedDataParser parser = new CMSEnvelopedDataParser(cms);
                recipients = parser.getRecipientInfos();
                oid = parser.getEncryptionAlgOID();
            }
        } catch (CMSException | IOException | RuntimeException e) {
            throw Failures.invalidSmime("the body is not a CMS " + (authenticated ? "AuthEnvelopedData"
                    : "EnvelopedData") + " structure: " + e.getMessage(), e);
        }
        // AES-GCM inside plain EnvelopedData (the tag appended to the ciphertext) is what BouncyCastle's enveloped
        // generators write, so camel-as2 and other BouncyCastle-based senders send it: accepted, the tag still checked
        ContentEncryption enc = ContentEncryption.of(new ASN1ObjectIdentifier(oid))
                .filter(e -> e.authenticated() || !authenticated)
                .orElseThrow(() -> new As2Exception(As2FailureCode.ERROR_DECRYPT_UNSUPPORTED_ENCRYPTION_ALG,
                        DispositionModifier.DECRYPTION_FAILED, "unsupported content encryption algorithm " + oid
                        + (authenticated ? " in AuthEnvelopedData (supported: AES128/256-GCM)"
                        : " (supported: AES128/192/256-CBC, DES-EDE3-CBC)")));
        policy.checkEncryption(enc.algorithm(), null);
        CMSTypedStream opened = openForOneOfOurKeys(recipients, authenticated);
        encryption = enc.algorithm();
        found.contentEncryption = enc.algorithm();
        InputStream plain = opened.getContentStream();
        if (insideSignature == 0 && !signatureEntered && unsignedMicTap == null) {
            plain = tapUnsigned(plain);
        }
        MimeInput inner = new MimeInput(plain);
        processInnerEntity(inner, depth);
        drain(inner);
    }

    private CMSTypedStream openForOneOfOurKeys(RecipientInformationStore recipientInfos, boolean authenticated) {
        List<KeyMaterial> keys = request.decryptionKeys();
        if (keys.isEmpty()) {
            throw new As2Exception(As2FailureCode.DECRYPT_FAILED_NO_DECRYPTION_KEY_FOUND,
                    DispositionModifier.DECRYPTION_FAILED, "no decryption key is usable for the local profile"
                    + note(request.keyNote()));
        }
        Exception last = null;
        boolean matched = false;
        for (KeyMaterial key : keys) {
            RecipientInformation ri;
            try {
                ri = recipientInfos.get(new JceKeyTransRecipientId(key.certificate()));
            } catch (RuntimeException e) {
                continue;
            }
            if (ri == null) {
                continue;
            }
            matched = true;
            checkKeyTransport(ri);
            try {
                return ri.getContentStream(new StreamingKeyTransRecipient(key.privateKey().orElseThrow(),
                        authenticated));
            } catch (CMSException | IOException | RuntimeException e) {
                last = e;
            }
        }
        if (matched) {
            throw Failures.decryptFailed("the content key could not be unwrapped with the matching decryption key: "
                    + (last == null ? "" : last.getMessage()), last);
        }
        // no recipient names one of our certificates: some senders get the issuer/serial wrong, so try every key
        for (RecipientInformation ri : recipientInfos.getRecipients()) {
            if (!(ri instanceof KeyTransRecipientInformation)) {
                continue;
            }
            checkKeyTransport(ri);
            for (KeyMaterial key : keys) {
                try {
                    return ri.getContentStream(new StreamingKeyTransRecipient(key.privateKey().orElseThrow(),
                        authenticated));
                } catch (CMSException | IOException | RuntimeException e) {
                    last = e;
                }
            }
        }
        List<String> recipients = new ArrayList<>();
        recipientInfos.getRecipients().forEach(r -> recipients.add(describe(r)));
        throw new As2Exception(As2FailureCode.DECRYPT_FAILED_NO_DECRYPTION_KEY_FOUND,
                DispositionModifier.DECRYPTION_FAILED, "the message is encrypted for " + recipients
                + ", which matches none of our " + keys.size() + " decryption key(s) usable now"
                + note(request.keyNote()));
    }

    /** Records the RecipientInfo's key transport and applies the policy to it, before any key is unwrapped. */
    private void checkKeyTransport(RecipientInformation ri) {
        As2Algorithm transport = SignatureSchemes.keyTransport(ri.getKeyEncryptionAlgOID());
        policy.checkEncryption(null, transport);
        found.keyTransport = transport;
    }

    private static String describe(RecipientInformation r) {
        if (r.getRID() instanceof org.bouncycastle.cms.KeyTransRecipientId k && k.getIssuer() != null) {
            return "issuer \"" + k.getIssuer() + "\" serial " + k.getSerialNumber();
        }
        return r.getRID().getClass().getSimpleName();
    }

    // --- compression ------------------------------------------------------------------------------------------

    private void processCompressed(MimeInput cms, int depth) throws IOException {
        if (compressed) {
            throw duplicateStep("compressed twice");
        }
        compressed = true;
        compressedInsideSignature = insideSignature > 0;
        StreamFailures.CountingInputStream counted = new StreamFailures.CountingInputStream(cms);
        InputStream expanded;
        try {
            CMSCompressedDataParser parser = new CMSCompressedDataParser(counted);
            expanded = parser.getContent(ZLIB_ONLY).getContentStream();
        } catch (CMSException | RuntimeException e) {
            As2Exception marked = StreamFailures.classify(e);
            if (marked != null) {
                throw marked;
            }
            throw Failures.decompressionFailed("not a CMS CompressedData structure: " + e.getMessage(), e);
        }
        InputStream guarded = StreamFailures.guardInflation(expanded, counted, limits);
        if (insideSignature == 0 && !signatureEntered) {
            // unsigned and compressed: the MIC covers the uncompressed payload entity (RFC 5402), as camel-as2
            // and as2-lib compute it; a signature found inside will replace it with the signed-part MIC
            if (unsignedMicTap != null) {
                unsignedMicTap.disable();
            }
            guarded = tapUnsigned(guarded);
        }
        MimeInput inner = new MimeInput(guarded);
        processInnerEntity(inner, depth);
        drain(inner);
    }

    // --- signature --------------------------------------------------------------------------------------------

    private void processSigned(MimeInput in, HeaderValue ct, int depth) throws IOException {
        if (signatureEntered) {
            throw duplicateStep("signed twice");
        }
        signatureEntered = true;
        if (unsignedMicTap != null) {
            unsignedMicTap.disable();
        }
        String boundary = ct.param("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw Failures.invalidSmime("multipart/signed without a boundary parameter", null);
        }
        Set<MicAlgorithm> algorithms = new LinkedHashSet<>();
        String micalg = ct.param("micalg");
        if (micalg != null) {
            for (String name : micalg.split(",")) {
                MicAlgorithm.fromName(name).ifPresent(algorithms::add);
            }
        }
        if (algorithms.isEmpty()) {
            // no or unknown micalg: digest with the two algorithms real partners use
            algorithms.add(MicAlgorithm.SHA256);
            algorithms.add(MicAlgorithm.SHA1);
        }
        requestedMic.ifPresent(r -> algorithms.add(r.algorithm()));

        MultipartReader parts = new MultipartReader(in, boundary, MAX_PREAMBLE);
        InputStream signedPart = parts.nextPart();
        if (signedPart == null) {
            throw Failures.invalidSmime("multipart/signed has no parts", null);
        }
        Digests digests = new Digests(algorithms).withCanonicalShadow();
        MimeInput inner = new MimeInput(digests.tap(signedPart));
        insideSignature++;
        canonicalCandidate = digests;
        processInnerEntity(inner, depth);
        drain(inner);
        insideSignature--;

        InputStream signaturePart = parts.nextPart();
        if (signaturePart == null) {
            throw Failures.invalidSmime("multipart/signed has no signature part", null);
        }
        byte[] signature = SignaturePart.read(new MimeInput(signaturePart, 8192), limits);
        Digests.Candidates candidates = digests.candidates();
        SignatureCheck.Result result = SignatureCheck.verify(signature, candidates,
                request.partnerSigningCertificates(), As2FailureCode.VERIFICATION_FAILED,
                request.partnerCertificateNote());
        policy.checkSignature(result.digestAlgorithm(), result.scheme());
        signatureAlgorithm = result.digestAlgorithm();
        found.signatureScheme = result.scheme();
        signer = result.signer();
        SignedForm signedForm = candidates.form(result.candidate());
        MicAlgorithm micAlgorithm = requestedMic.map(DispositionNotificationOptions.Requested::algorithm)
                .orElse(result.digestAlgorithm());
        // the MIC covers the bytes the sender transmitted (see SignedForm): the received ones, except when a header
        // block rewritten in transit verified only with its CRLF line ends back
        Map<MicAlgorithm, byte[]> micDigests = signedForm.micOfThisForm() ? candidates.get(result.candidate())
                : digests.results();
        signedMic = micFrom(micAlgorithm, micDigests.get(micAlgorithm));
    }

    // --- payload ----------------------------------------------------------------------------------------------

    private void processInnerEntity(MimeInput inner, int depth) throws IOException {
        Digests canonical = canonicalCandidate;
        canonicalCandidate = null;
        if (HeaderReader.startsWithHeaders(inner, limits)) {
            MimeHeaders headers = HeaderReader.read(inner, limits);
            if (canonical != null && !TEXTUAL_ENCODINGS.contains(headers.transferEncoding())) {
                // RFC 5751 canonicalisation applies to 7bit/8bit/quoted-printable text only
                canonical.stopCanonical(inner.consumed());
            } else if (canonical != null) {
                canonical.textBody();
            }
            processEntity(inner, headers, depth + 1, false);
        } else {
            if (canonical != null) {
                canonical.stopCanonical(0);
            }
            // no MIME headers (Mendelson can encrypt the bare payload): the content is the payload
            processPayload(inner, MimeHeaders.NONE, false);
        }
    }

    private void processPayload(InputStream in, MimeHeaders headers, boolean top) throws IOException {
        if (payload != null) {
            throw duplicateStep("carrying more than one payload");
        }
        if (request.requireEncryption() && encryption == null) {
            throw unencrypted(headers.get("Content-Type"));
        }
        if (request.requireSignature() && insideSignature == 0) {
            throw new As2Exception(As2FailureCode.VERIFICATION_FAILED,
                    DispositionModifier.INSUFFICIENT_MESSAGE_SECURITY,
                    "the agreement requires signed messages (EnforceMessageSigning) but the message is not signed");
        }
        String ct = headers.get("Content-Type");
        contentType = ct != null ? ct : headers.isEmpty() ? "application/octet-stream" : "text/plain";
        if (!top) {
            filename = headers.dispositionFilename();
            if (filename == null && headers.contentType() != null) {
                filename = headers.contentType().param("name");
                filename = filename == null ? null : MimeHeaders.utf8IfValid(filename);
            }
        }
        InputStream data = top ? in : decodeTransfer(in, headers.transferEncoding());
        payload = TempFiles.create(request.tempDirectory(), "as2-in-");
        try (OutputStream out = Files.newOutputStream(payload)) {
            payloadSize = OutputStreams.copy(data, out);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private InputStream tapUnsigned(InputStream in) {
        unsignedMicAlgorithm = requestedMic.map(DispositionNotificationOptions.Requested::algorithm)
                .orElse(MicAlgorithm.SHA1);
        unsignedMicTap = new Digests(List.of(unsignedMicAlgorithm));
        return unsignedMicTap.tap(in);
    }

    private Mic micFrom(MicAlgorithm algorithm, byte[] digest) {
        String name = request.echoMicAlgorithmName() && requestedMic.isPresent()
                && requestedMic.get().algorithm() == algorithm ? requestedMic.get().spelling() : null;
        return new Mic(algorithm, digest, name);
    }

    private static InputStream decodeTransfer(InputStream in, String cte) {
        String t = cte == null ? "binary" : cte.trim().toLowerCase(Locale.ROOT);
        if (t.equals("base64")) {
            return StrictBase64.decoding(in);
        }
        if (t.equals("quoted-printable")) {
            return new QuotedPrintableInputStream(in);
        }
        return in;
    }

    private static boolean isPkcs7Mime(HeaderValue ct) {
        if (ct == null) {
            return false;
        }
        String t = ct.lowerValue();
        return t.equals("application/pkcs7-mime") || t.equals("application/x-pkcs7-mime");
    }

    private static CmsSniffer.Kind smimeKind(String smimeType) {
        if (smimeType == null) {
            return CmsSniffer.Kind.UNKNOWN;
        }
        return switch (smimeType.trim().toLowerCase(Locale.ROOT)) {
            case "enveloped-data" -> CmsSniffer.Kind.ENVELOPED;
            case "authenveloped-data" -> CmsSniffer.Kind.AUTH_ENVELOPED;
            case "compressed-data" -> CmsSniffer.Kind.COMPRESSED;
            case "signed-data" -> CmsSniffer.Kind.SIGNED;
            default -> CmsSniffer.Kind.UNKNOWN;
        };
    }

    private static As2Exception unencrypted(String contentType) {
        return new As2Exception(As2FailureCode.INSUFFICENT_MESSAGE_SECURITY_UNENCRYPTED,
                DispositionModifier.INSUFFICIENT_MESSAGE_SECURITY,
                "the message is not encrypted (Content-Type " + contentType + ") but encryption is required");
    }

    private static String note(String note) {
        return note.isEmpty() ? "" : ": " + note;
    }

    private static As2Exception duplicateStep(String what) {
        return new As2Exception(As2FailureCode.DUPLICATE_MESSAGE, DispositionModifier.UNEXPECTED_PROCESSING_ERROR,
                "the message was " + what + "; each processing step may occur once");
    }

    private static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStreams.NULL);
    }
}
