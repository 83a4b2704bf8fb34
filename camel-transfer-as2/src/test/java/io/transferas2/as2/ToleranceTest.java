package io.transferas2.as2;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.junit.jupiter.api.Test;

import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What real partners send that a strict parser rejects; each case is hand-built byte by byte. */
class ToleranceTest {
    private static final byte[] PAYLOAD = "UNA:+.? 'UNB+UNOC:3+SENDER+RECEIVER'\nUNZ+1+1'\n"
            .getBytes(StandardCharsets.US_ASCII);
    private final As2MessageParser parser = new As2MessageParser();

    /** LF-only lines, lower-case names, no CTE (binary), upper-case micalg, raw DER signature without a CTE. */
    @Test
    void sterlingStyleSignedMessage() throws Exception {
        byte[] signedPart = Messages.concat("content-type: application/edifact\ncontent-disposition: attachment; "
                + "filename=orders.edi\n\n", PAYLOAD);
        assertSterlingStyleParses(signedPart, sterlingSignature(signedPart), PAYLOAD, "orders.edi");
    }

    /**
     * Raw DER ending in 0x0D before the LF of the delimiter: the multipart rules give that CR to the delimiter, and
     * the signature part gets it back from the DER length. One signature in 256 ends so.
     */
    @Test
    void sterlingStyleSignatureEndingInCarriageReturn() throws Exception {
        for (int attempt = 0; attempt < 20_000; attempt++) {
            byte[] payload = join(PAYLOAD, ("\nUNZ*" + attempt + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] signedPart = Messages.concat("content-type: application/edifact\n\n", payload);
            byte[] signature = sterlingSignature(signedPart);
            if (signature[signature.length - 1] == '\r') {
                assertSterlingStyleParses(signedPart, signature, payload, null);
                return;
            }
        }
        throw new AssertionError("no signature ending in 0x0D in 20,000 attempts");
    }

    private static byte[] sterlingSignature(byte[] signedPart) {
        return DetachedSigner.sign(MicAlgorithm.SHA1, MicAlgorithm.SHA1.newDigest().digest(signedPart),
                Messages.SENDER.privateKey().orElseThrow(), Messages.SENDER.fullChain(), false);
    }

    private void assertSterlingStyleParses(byte[] signedPart, byte[] signature, byte[] payload, String filename)
            throws Exception {
        String boundary = "sterling-123";
        byte[] body = join(("preamble text\n--" + boundary + "\n").getBytes(StandardCharsets.US_ASCII), signedPart,
                ("\n--" + boundary + "\ncontent-type: application/pkcs7-signature\n\n")
                        .getBytes(StandardCharsets.US_ASCII), signature,
                ("\n--" + boundary + "--\n").getBytes(StandardCharsets.US_ASCII));
        String contentType = "multipart/signed; protocol=\"application/pkcs7-signature\"; MICALG=SHA1;\r\n\t"
                + "boundary=\"" + boundary + "\"";
        try (InboundMessage m = parser.parse(Messages.request(contentType, body).requireEncryption(false).build())) {
            assertThat(Files.readAllBytes(m.payload())).isEqualTo(payload);
            if (filename != null) {
                assertThat(m.filename()).contains(filename);
            }
            assertThat(m.contentType()).isEqualTo("application/edifact");
            assertThat(m.signatureAlgorithm()).contains(MicAlgorithm.SHA1);
            assertThat(m.mic().digest()).isEqualTo(MicAlgorithm.SHA1.newDigest().digest(signedPart));
            assertThat(m.mic().algorithmName()).isEqualTo("sha-1");
        }
    }

    /** Sterling writes media types in mixed case: {@code Multipart/Signed}, {@code Application/pkcs7-signature}. */
    @Test
    void mixedCaseMediaTypes() throws Exception {
        byte[] signedPart = Messages.concat("Content-Type: Application/EDIFACT\r\n\r\n", PAYLOAD);
        byte[] body = join("--b\r\n".getBytes(StandardCharsets.US_ASCII), signedPart,
                "\r\n--b\r\nContent-Type: Application/pkcs7-signature\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                sterlingSignature(signedPart), "\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        try (InboundMessage m = parser.parse(Messages.request("Multipart/Signed; Protocol=\"Application/pkcs7-signature\";"
                + " MicAlg=SHA1; Boundary=b", body).requireEncryption(false).build())) {
            assertThat(Files.readAllBytes(m.payload())).isEqualTo(PAYLOAD);
            assertThat(m.signed()).isTrue();
            assertThat(m.mic().digest()).isEqualTo(MicAlgorithm.SHA1.newDigest().digest(signedPart));
        }
    }

    /** as2-lib signs the canonical (CRLF) form of a 7bit part but sends its bare LFs. */
    @Test
    void sevenBitPartSignedInCanonicalForm() throws Exception {
        String headers = "Content-Type: application/edi-x12\r\nContent-Transfer-Encoding: %s\r\n\r\n";
        for (String cte : List.of("7bit", "binary")) {
            byte[] sent = Messages.concat(headers.formatted(cte), PAYLOAD);
            byte[] canonical = new String(sent, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                    .replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] signature = DetachedSigner.sign(MicAlgorithm.SHA256,
                    MicAlgorithm.SHA256.newDigest().digest(canonical), Messages.SENDER.privateKey().orElseThrow(),
                    Messages.SENDER.fullChain(), true);
            byte[] body = join("--b\r\n".getBytes(StandardCharsets.US_ASCII), sent,
                    ("\r\n--b\r\nContent-Type: application/pkcs7-signature\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                            + Base64.getMimeEncoder().encodeToString(signature) + "\r\n--b--\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InboundMessageRequest request = Messages.request("multipart/signed; micalg=sha-256; boundary=b", body)
                    .requireEncryption(false).build();
            if (cte.equals("binary")) {
                // a binary part is never canonicalised
                assertThatThrownBy(() -> parser.parse(request)).isInstanceOfSatisfying(As2Exception.class,
                        e -> assertThat(e.modifier()).isEqualTo(DispositionModifier.INTEGRITY_CHECK_FAILED));
                continue;
            }
            try (InboundMessage m = parser.parse(request)) {
                assertThat(Files.readAllBytes(m.payload())).isEqualTo(PAYLOAD);
                // the MIC still covers the exact received bytes
                assertThat(m.mic().digest()).isEqualTo(MicAlgorithm.SHA256.newDigest().digest(sent));
            }
        }
    }

    /** Mendelson may encrypt the bare payload without inner MIME headers. */
    @Test
    void encryptedContentWithoutInnerHeaders() throws Exception {
        CMSEnvelopedDataGenerator gen = new CMSEnvelopedDataGenerator();
        gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(Messages.RECEIVER.certificate()));
        byte[] body = gen.generate(new CMSProcessableByteArray(PAYLOAD),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.DES_EDE3_CBC).build()).getEncoded();
        InboundMessageRequest request = Messages.request("application/pkcs7-mime; smime-type=enveloped-data", body)
                .header("content-disposition", "attachment; filename=\"from-http.edi\"").build();
        try (InboundMessage m = parser.parse(request)) {
            assertThat(Files.readAllBytes(m.payload())).isEqualTo(PAYLOAD);
            assertThat(m.filename()).contains("from-http.edi");
            assertThat(m.contentType()).isEqualTo("application/octet-stream");
            assertThat(m.encryptionAlgorithm()).contains(EncryptionAlg.DES_EDE3_CBC);
            // unsigned, encrypted: the MIC covers the decrypted content
            assertThat(m.mic().digest()).isEqualTo(MicAlgorithm.SHA1.newDigest().digest(PAYLOAD));
        }
    }

    /** smime-type missing: the CMS content type decides. */
    @Test
    void pkcs7MimeWithoutSmimeType() throws Exception {
        Messages.Built built = Messages.build(PAYLOAD, b -> { });
        try (InboundMessage m = parser.parse(Messages.request("application/x-pkcs7-mime; name=smime.p7m",
                built.body()).build())) {
            assertThat(Files.readAllBytes(m.payload())).isEqualTo(PAYLOAD);
        }
    }

    /** camel-as2 style: the whole HTTP body base64-encoded, announced by an HTTP Content-Transfer-Encoding. */
    @Test
    void base64HttpBody() throws Exception {
        Messages.Built built = Messages.build(PAYLOAD, b -> { });
        byte[] b64 = Base64.getMimeEncoder().encode(built.body());
        try (InboundMessage m = parser.parse(Messages.request(built.contentType(), b64)
                .header("Content-Transfer-Encoding", "base64").build())) {
            assertThat(Files.readAllBytes(m.payload())).isEqualTo(PAYLOAD);
            assertThat(m.mic()).isEqualTo(built.mic());
        }
    }

    @Test
    void micAlgorithmAliasesAreAcceptedAndCanBeEchoed() throws Exception {
        Messages.Built built = Messages.build(PAYLOAD, b -> b.signingAlgorithm(SigningAlg.SHA1));
        for (String alias : List.of("sha1", "SHA1", "sha-1", "SHA-1", "rsa-sha1")) {
            String dno = "signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, md5, "
                    + alias;
            try (InboundMessage m = parser.parse(Messages.request(built)
                    .header("disposition-notification-options", dno).echoMicAlgorithmName(true).build())) {
                assertThat(m.mic().algorithm()).isEqualTo(MicAlgorithm.SHA1);
                assertThat(m.mic().algorithmName()).isEqualTo(alias);
                assertThat(m.mic()).isEqualTo(built.mic());
            }
            try (InboundMessage m = parser.parse(Messages.request(built)
                    .header("Disposition-Notification-Options", dno).build())) {
                assertThat(m.mic().algorithmName()).isEqualTo("sha-1");
            }
        }
    }

    @Test
    void legacyMicalgSpellingIsProducedOnRequest() throws Exception {
        Messages.Built built = Messages.build(PAYLOAD, b -> b.algorithmNameStyle(AlgorithmNameStyle.LEGACY)
                .encryptionAlgorithm(EncryptionAlg.NONE));
        assertThat(built.contentType()).contains("micalg=sha256;");
        assertThat(built.mic().algorithmName()).isEqualTo("sha256");
        try (InboundMessage m = parser.parse(Messages.request(built).requireEncryption(false).build())) {
            assertThat(m.mic()).isEqualTo(built.mic());
        }
    }

    @Test
    void algorithmProtectionAttributeCanBeOmitted() throws Exception {
        byte[] digest = MicAlgorithm.SHA256.newDigest().digest(PAYLOAD);
        byte[] with = DetachedSigner.sign(MicAlgorithm.SHA256, digest, Messages.SENDER.privateKey().orElseThrow(),
                Messages.SENDER.fullChain(), true);
        byte[] without = DetachedSigner.sign(MicAlgorithm.SHA256, digest, Messages.SENDER.privateKey().orElseThrow(),
                Messages.SENDER.fullChain(), false);
        org.bouncycastle.asn1.ASN1ObjectIdentifier protect =
                org.bouncycastle.asn1.cms.CMSAttributes.cmsAlgorithmProtect;
        assertThat(SignatureCheck.parse(with).getSignerInfos().getSigners().iterator().next().getSignedAttributes()
                .get(protect)).isNotNull();
        assertThat(SignatureCheck.parse(without).getSignerInfos().getSigners().iterator().next()
                .getSignedAttributes().get(protect)).isNull();
        // and a message built without it still verifies
        Messages.Built built = Messages.build(PAYLOAD, b -> b.algorithmProtection(false));
        try (InboundMessage m = parser.parse(Messages.request(built).build())) {
            assertThat(m.signed()).isTrue();
        }
    }

    @Test
    void quotedPrintableAndRfc2231Filenames() throws Exception {
        byte[] entity = ("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.txt\r\n\r\n"
                + "caf=C3=A9 =3D ok=\r\n next").getBytes(StandardCharsets.US_ASCII);
        CMSEnvelopedDataGenerator gen = new CMSEnvelopedDataGenerator();
        gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(Messages.RECEIVER.certificate()));
        byte[] body = gen.generate(new CMSProcessableByteArray(entity),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES128_CBC).build()).getEncoded();
        try (InboundMessage m = parser.parse(Messages.request("application/pkcs7-mime; smime-type=enveloped-data",
                body).build())) {
            assertThat(new String(Files.readAllBytes(m.payload()), StandardCharsets.UTF_8))
                    .isEqualTo("café = ok next");
            assertThat(m.filename()).contains("résumé.txt");
        }
    }

    @Test
    void nonAsciiFilenamesSurviveARoundTrip() throws Exception {
        Messages.Built built = Messages.build(PAYLOAD, b -> b.filename("Bestellung-Größe.edi"));
        try (InboundMessage m = parser.parse(Messages.request(built).build())) {
            assertThat(m.filename()).contains("Bestellung-Größe.edi");
        }
    }

    private static byte[] join(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

}
