package io.transferas2.as2;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds an MDN (RFC 4130 section 7.4): {@code multipart/report; report-type=disposition-notification} with a
 * human-readable {@code text/plain} part and a {@code message/disposition-notification} part carrying Reporting-UA,
 * Original-Recipient, Final-Recipient, Original-Message-ID, Received-Content-MIC and Disposition; wrapped in
 * {@code multipart/signed} when a signing key is given. MDNs are small, so they are built in memory. Thread-safe.
 */
public final class As2MdnBuilder {

    public Mdn build(MdnRequest request) {
        String reportBoundary = MimeWriter.newBoundary();
        String reportType = "multipart/report; report-type=disposition-notification; boundary=\"" + reportBoundary
                + "\"";
        byte[] report = reportBody(request, reportBoundary);
        if (request.signingAlgorithm().isEmpty()) {
            return new Mdn(report, reportType, false, request.disposition());
        }
        MicAlgorithm alg = request.signingAlgorithm().get();
        ByteArrayOutputStream signedPart = new ByteArrayOutputStream(report.length + 128);
        signedPart.writeBytes(("Content-Type: " + reportType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        signedPart.writeBytes(report);
        byte[] part = signedPart.toByteArray();
        byte[] signature = DetachedSigner.sign(request.signatureScheme(), alg, alg.newDigest().digest(part),
                request.signingKey(),
                request.signingChain(), request.algorithmProtection());
        String boundary = MimeWriter.newBoundary();
        ByteArrayOutputStream out = new ByteArrayOutputStream(part.length + signature.length * 2 + 512);
        out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(part);
        out.writeBytes(("\r\n--" + boundary + "\r\n"
                + "Content-Type: application/pkcs7-signature; name=smime.p7s; smime-type=signed-data\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n\r\n"
                + MimeWriter.base64Lines(signature)
                + "--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        String contentType = "multipart/signed; protocol=\"application/pkcs7-signature\"; micalg="
                + alg.name(request.algorithmNameStyle()) + "; boundary=\"" + boundary + "\"";
        return new Mdn(out.toByteArray(), contentType, true, request.disposition());
    }

    private static byte[] reportBody(MdnRequest r, String boundary) {
        StringBuilder fields = new StringBuilder();
        fields.append("Reporting-UA: ").append(r.reportingUa()).append("\r\n");
        r.originalRecipient().ifPresent(o -> fields.append("Original-Recipient: rfc822; ").append(o).append("\r\n"));
        fields.append("Final-Recipient: rfc822; ").append(r.finalRecipient()).append("\r\n");
        fields.append("Original-Message-ID: ").append(angle(r.originalMessageId())).append("\r\n");
        fields.append("Disposition: ").append(r.disposition().toFieldValue()).append("\r\n");
        r.receivedContentMic().ifPresent(m -> fields.append("Received-Content-MIC: ").append(m.toFieldValue())
                .append("\r\n"));
        String text = r.text().orElseGet(() -> defaultText(r));
        String body = "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n\r\n"
                + crlf(text) + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: message/disposition-notification\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n\r\n"
                + fields
                + "\r\n--" + boundary + "--\r\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    private static String defaultText(MdnRequest r) {
        Disposition d = r.disposition();
        String id = angle(r.originalMessageId());
        if (d.isSuccess() && !d.isWarning()) {
            return "The AS2 message " + id + " has been received and processed. This receipt confirms receipt "
                    + "only; it does not confirm that the content was understood or acted upon.";
        }
        if (d.isWarning()) {
            return "The AS2 message " + id + " has been received, with a warning: " + d.modifier() + ".";
        }
        return "The AS2 message " + id + " could not be processed: " + d.modifier() + ".";
    }

    private static String crlf(String text) {
        String t = text.replaceAll("[^\\x09\\x0a\\x0d\\x20-\\x7e]", "?")
                .replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        return t.endsWith("\r\n") ? t : t + "\r\n";
    }

    static String angle(String id) {
        String t = id.trim();
        return t.startsWith("<") ? t : "<" + t + ">";
    }
}
