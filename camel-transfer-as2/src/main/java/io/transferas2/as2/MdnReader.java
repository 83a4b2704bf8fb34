package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an MDN from a partner, leniently: multipart preambles (Mendelson's {@code Date:} line, OpenAS2's repeated
 * header block), base64 or raw DER signatures, missing Original-Recipient, missing address types, Message-IDs with or
 * without angle brackets, field names in any case, unsigned MDNs. A signed MDN is verified against the partner's
 * signing certificates only: no match is {@code VERIFICATION_FAILED_NO_MATCHING_KEY_FOUND}, a bad signature
 * {@code VERIFICATION_FAILED}. Thread-safe.
 */
public final class MdnReader {
    /** The largest MDN anyone reads or stores: MDNs are a few KiB, so anything above 1 MiB is not one. */
    public static final int MAX_MDN_BYTES = 1 << 20;

    private static final long MAX_PREAMBLE = 16 * 1024;

    /** Reads with default limits. */
    public ReceivedMdn read(String contentType, InputStream body, Collection<X509Certificate> partnerCertificates) {
        return read(contentType, body, partnerCertificates, As2Limits.defaults());
    }

    /**
     * Reads and, if signed, verifies an MDN.
     *
     * @param contentType          the HTTP Content-Type of the MDN
     * @param body                 the HTTP body; at most {@link As2Limits#maxSignatureBytes()} are accepted
     * @param partnerCertificates  the partner profile's signing certificates
     */
    public ReceivedMdn read(String contentType, InputStream body, Collection<X509Certificate> partnerCertificates,
                            As2Limits limits) {
        try {
            byte[] data = OutputStreams.readBounded(body, limits.maxSignatureBytes(), "MDN");
            HeaderValue ct = HeaderValue.parse(contentType);
            MimeInput in = new MimeInput(new ByteArrayInputStream(data));
            if (ct.value().isEmpty() && HeaderReader.startsWithHeaders(in)) {
                ct = HeaderReader.read(in, limits).contentType();
            }
            if (ct != null && ct.lowerValue().equals("multipart/signed")) {
                return readSigned(in, ct, partnerCertificates, limits);
            }
            Report report = readReport(in, ct, limits);
            return new ReceivedMdn(false, null, null, report.disposition(), report.fields, report.text);
        } catch (As2Exception e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Failures.invalidRequest("unreadable MDN: " + e.getMessage());
        }
    }

    private ReceivedMdn readSigned(MimeInput in, HeaderValue ct, Collection<X509Certificate> certs, As2Limits limits)
            throws IOException {
        String boundary = ct.param("boundary");
        if (boundary == null) {
            throw Failures.invalidRequest("signed MDN without a boundary");
        }
        MultipartReader parts = new MultipartReader(in, boundary, MAX_PREAMBLE);
        InputStream first = parts.nextPart();
        if (first == null) {
            throw Failures.invalidRequest("signed MDN has no parts");
        }
        byte[] signedPart = first.readAllBytes();
        InputStream second = parts.nextPart();
        if (second == null) {
            throw Failures.invalidRequest("signed MDN has no signature part");
        }
        byte[] signature = SignaturePart.read(new MimeInput(second, 8192), limits);
        Map<MicAlgorithm, byte[]> digests = new EnumMap<>(MicAlgorithm.class);
        for (MicAlgorithm a : MicAlgorithm.values()) {
            digests.put(a, a.newDigest().digest(signedPart));
        }
        SignatureCheck.Result result = SignatureCheck.verify(signature, digests, certs,
                As2FailureCode.VERIFICATION_FAILED_NO_MATCHING_KEY_FOUND);
        MimeInput inner = new MimeInput(new ByteArrayInputStream(signedPart));
        HeaderValue innerType = HeaderReader.startsWithHeaders(inner)
                ? HeaderReader.read(inner, limits).contentType() : null;
        Report report = readReport(inner, innerType, limits);
        return new ReceivedMdn(true, result.signer(), result.digestAlgorithm(), report.disposition(),
                report.fields, report.text).withSignatureScheme(result.scheme());
    }

    private Report readReport(MimeInput in, HeaderValue ct, As2Limits limits) throws IOException {
        Report report = new Report();
        String type = ct == null ? "" : ct.lowerValue();
        if (type.startsWith("multipart/") && ct.param("boundary") != null) {
            MultipartReader parts = new MultipartReader(in, ct.param("boundary"), MAX_PREAMBLE);
            InputStream part;
            while ((part = parts.nextPart()) != null) {
                MimeInput p = new MimeInput(part, 8192);
                MimeHeaders h = HeaderReader.startsWithHeaders(p) ? HeaderReader.read(p, limits) : MimeHeaders.NONE;
                String pt = h.contentType() == null ? "text/plain" : h.contentType().lowerValue();
                String content = new String(decode(p, h).readAllBytes(), StandardCharsets.UTF_8);
                if (pt.equals("message/disposition-notification")) {
                    report.fields.putAll(fields(content));
                } else if (pt.startsWith("text/") && report.text == null) {
                    report.text = content.strip();
                } else if (pt.startsWith("multipart/") && report.fields.isEmpty()) {
                    Report nested = readReport(new MimeInput(new ByteArrayInputStream(
                            content.getBytes(StandardCharsets.ISO_8859_1))), h.contentType(), limits);
                    report.fields.putAll(nested.fields);
                }
            }
        } else {
            report.fields.putAll(fields(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        if (!report.fields.containsKey("disposition")) {
            throw Failures.invalidRequest("the MDN has no Disposition field");
        }
        return report;
    }

    private static InputStream decode(InputStream in, MimeHeaders h) {
        return h.transferEncoding().equals("base64") ? java.util.Base64.getMimeDecoder().wrap(in) : in;
    }

    private static Map<String, String> fields(String content) {
        Map<String, String> fields = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = null;
        for (String line : content.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.trim());
                continue;
            }
            if (name != null) {
                fields.putIfAbsent(name, value.toString().trim());
                name = null;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                value = new StringBuilder(line.substring(colon + 1));
            }
        }
        if (name != null) {
            fields.putIfAbsent(name, value.toString().trim());
        }
        return fields;
    }

    private static final class Report {
        final Map<String, String> fields = new LinkedHashMap<>();
        String text;

        Disposition disposition() {
            return Disposition.parse(fields.get("disposition"));
        }
    }
}
