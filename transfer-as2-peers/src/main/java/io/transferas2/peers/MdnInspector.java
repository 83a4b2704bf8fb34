package io.transferas2.peers;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Checks an MDN independently of the peer that received it: splits the raw bytes itself, verifies the
 * {@code multipart/signed} signature with BouncyCastle against the receiver's certificate, reads the disposition
 * and compares {@code Received-Content-MIC} with the MIC the sender computed.
 */
public final class MdnInspector {

    static {
        BouncyCastle.register();
    }

    private MdnInspector() {
    }

    /**
     * @param contentType        the MDN's Content-Type (HTTP header of a sync MDN, request header of an async one)
     * @param body               the MDN body exactly as received
     * @param receiverCertificate the certificate the MDN must be signed with
     * @param expectedMic        the MIC the sender computed, or {@code null}
     * @param messageId          the Message-ID that was sent, or {@code null}
     */
    public static MdnCheck inspect(String contentType, byte[] body, X509Certificate receiverCertificate,
            Mic expectedMic, String messageId) {
        String type = MimeParts.mediaType(contentType);
        boolean signed = false;
        boolean signatureValid = false;
        String signatureProblem = null;
        MimeParts.Part report;
        if (type.equals("multipart/signed")) {
            signed = true;
            List<byte[]> parts = MimeParts.split(body, MimeParts.parameter(contentType, "boundary"));
            if (parts.size() < 2) {
                return unreadable(contentType, "multipart/signed MDN without two parts", expectedMic);
            }
            report = MimeParts.parsePart(parts.get(0));
            try {
                signatureProblem = verify(parts.get(0), MimeParts.parsePart(parts.get(1)).decodedBody(),
                        receiverCertificate);
            } catch (Exception e) {
                signatureProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            signatureValid = signatureProblem == null;
        } else {
            report = new MimeParts.Part(body, java.util.Map.of("content-type", contentType), body);
            signatureProblem = "not signed";
        }
        if (!MimeParts.mediaType(report.contentType()).equals("multipart/report")) {
            return unreadable(contentType, "MDN is " + report.contentType() + ", not multipart/report", expectedMic);
        }
        String text = null;
        java.util.Map<String, String> fields = null;
        for (byte[] raw : MimeParts.split(report.body(), MimeParts.parameter(report.contentType(), "boundary"))) {
            MimeParts.Part part = MimeParts.parsePart(raw);
            String partType = MimeParts.mediaType(part.contentType());
            if (partType.equals("message/disposition-notification")) {
                fields = MimeParts.parseFields(new String(part.decodedBody(), StandardCharsets.ISO_8859_1));
            } else if (partType.startsWith("text/") && text == null) {
                text = new String(part.decodedBody(), StandardCharsets.ISO_8859_1).trim();
            }
        }
        if (fields == null) {
            return unreadable(contentType, "no message/disposition-notification part", expectedMic);
        }
        String disposition = fields.get("disposition");
        String modifier = modifier(disposition);
        boolean processed = disposition != null && dispositionType(disposition).startsWith("processed")
                            && (modifier == null || modifier.toLowerCase(Locale.ROOT).startsWith("warning"));
        String originalMessageId = fields.get("original-message-id");
        Mic receivedMic = Mic.parse(fields.get("received-content-mic"));
        boolean micMatches = receivedMic != null && expectedMic != null
                             && receivedMic.algorithm() == expectedMic.algorithm()
                             && receivedMic.base64().equals(expectedMic.base64());
        boolean idMatches = messageId != null && originalMessageId != null
                            && stripBrackets(messageId).equals(stripBrackets(originalMessageId));
        return new MdnCheck(contentType, signed, signatureValid, signatureProblem, disposition, processed, modifier,
                originalMessageId, idMatches, receivedMic, expectedMic, micMatches, text);
    }

    /** @return {@code null} when every signer verifies, else the reason */
    private static String verify(byte[] signedPart, byte[] signature, X509Certificate certificate) throws Exception {
        if (certificate == null) {
            return "no receiver certificate to verify with";
        }
        CMSSignedData signedData = new CMSSignedData(new CMSProcessableByteArray(signedPart), signature);
        Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            return "no signer";
        }
        for (SignerInformation signer : signers) {
            boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(BouncyCastleProvider.PROVIDER_NAME).build(certificate));
            if (!ok) {
                return "signature does not verify with " + certificate.getSubjectX500Principal().getName();
            }
        }
        return null;
    }

    private static String dispositionType(String disposition) {
        int semicolon = disposition.indexOf(';');
        return semicolon < 0 ? "" : disposition.substring(semicolon + 1).trim().toLowerCase(Locale.ROOT);
    }

    private static String modifier(String disposition) {
        if (disposition == null) {
            return null;
        }
        String type = dispositionType(disposition);
        int slash = type.indexOf('/');
        if (slash < 0) {
            return null;
        }
        int semicolon = disposition.indexOf(';');
        String original = disposition.substring(semicolon + 1).trim();
        return original.substring(original.indexOf('/') + 1).trim();
    }

    static String stripBrackets(String id) {
        String t = id.trim();
        if (t.startsWith("<") && t.endsWith(">")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static MdnCheck unreadable(String contentType, String problem, Mic expectedMic) {
        return new MdnCheck(contentType, false, false, problem, null, false, null, null, false, null, expectedMic,
                false, problem);
    }
}
