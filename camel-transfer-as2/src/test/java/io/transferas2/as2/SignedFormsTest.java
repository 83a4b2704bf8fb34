package io.transferas2.as2;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.AbstractList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each {@link SignedForm} the verifier tries, with a message signed in exactly that form, the MIC it reports, and
 * what the later forms cost when an earlier one verifies.
 */
class SignedFormsTest {
    /** Binary content: bare LFs, a CR alone, NUL and high bytes; converting its LFs would break its digest. */
    private static final byte[] BINARY = {'E', 'D', 'I', '\n', 0, (byte) 0xFF, '\r', 'x', '\n', '\n', (byte) 0x80,
        '\r', '\n', 'e', 'n', 'd', '\n'};
    private static final byte[] TEXT = "ISA*00*          *00*\nGS*PO*SENDER\nIEA*1*000000001~\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final String DNO = "signed-receipt-protocol=optional, pkcs7-signature; "
            + "signed-receipt-micalg=optional, sha-256";

    private final As2MessageParser parser = new As2MessageParser();

    @Test
    void asReceived() throws Exception {
        byte[] part = Messages.concat("Content-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: binary\r\n\r\n", BINARY);
        try (InboundMessage m = parse(part, sign(part))) {
            assertThat(Files.readAllBytes(m.payload())).isEqualTo(BINARY);
            assertThat(m.mic().digest()).isEqualTo(sha256(part));
        }
    }

    /** The failing case of issue 17: LF-rewritten headers over a binary body the signer left alone. */
    @Test
    void crlfHeadersWithTheBinaryBodyAsReceived() throws Exception {
        for (String headers : List.of(
                "Content-Type: application/octet-stream\nContent-Transfer-Encoding: binary\n\n",
                // no CTE means binary; a folded header line; mixed line ends
                "content-type: application/octet-stream;\n\tname=\"x.bin\"\r\ncontent-disposition: attachment\n\n")) {
            byte[] sent = Messages.concat(headers, BINARY);
            byte[] signed = Messages.concat(headers.replace("\r\n", "\n").replace("\n", "\r\n"), BINARY);
            byte[] everywhere = crlfEverywhere(sent);
            assertThat(signed).isNotEqualTo(everywhere);
            try (InboundMessage m = parse(sent, sign(signed))) {
                assertThat(Files.readAllBytes(m.payload())).isEqualTo(BINARY);
                // the MIC of the form the sender transmitted and signed, not of the rewritten bytes
                assertThat(m.mic().digest()).isEqualTo(sha256(signed));
            }
            // the whole-part form is not what a binary signer signs ... but a sender that did is still accepted
            try (InboundMessage m = parse(sent, sign(everywhere))) {
                assertThat(m.mic().digest()).isEqualTo(sha256(sent));
            }
        }
    }

    /** A base64 part whose header block (only) was rewritten: the body lines keep their CRLF. */
    @Test
    void crlfHeadersWithABase64Body() throws Exception {
        String body = Base64.getMimeEncoder(20, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(BINARY);
        String headers = "Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n";
        byte[] sent = Messages.concat(headers, body.getBytes(StandardCharsets.US_ASCII));
        byte[] signed = Messages.concat(headers.replace("\n", "\r\n"), body.getBytes(StandardCharsets.US_ASCII));
        try (InboundMessage m = parse(sent, sign(signed))) {
            assertThat(Files.readAllBytes(m.payload())).isEqualTo(BINARY);
            assertThat(m.mic().digest()).isEqualTo(sha256(signed));
        }
    }

    /** as2-lib: 7bit text signed in canonical form, sent with bare LFs; the MIC stays that of the sent bytes. */
    @Test
    void crlfEverywhereForText() throws Exception {
        for (String headers : List.of("Content-Type: application/edi-x12\r\nContent-Transfer-Encoding: 7bit\r\n\r\n",
                "Content-Type: application/edi-x12\nContent-Transfer-Encoding: 7bit\n\n")) {
            byte[] sent = Messages.concat(headers, TEXT);
            try (InboundMessage m = parse(sent, sign(crlfEverywhere(sent)))) {
                assertThat(Files.readAllBytes(m.payload())).isEqualTo(TEXT);
                assertThat(m.mic().digest()).isEqualTo(sha256(sent));
            }
        }
    }

    @Test
    void aSignatureOverNoneOfTheFormsFailsWithIntegrityCheckFailed() throws Exception {
        byte[] sent = Messages.concat("Content-Type: application/octet-stream\n\n", BINARY);
        byte[] other = Messages.concat("Content-Type: application/octet-stream\r\n\r\n", crlfEverywhere(BINARY));
        assertThatThrownBy(() -> parse(sent, sign(Messages.concat("X-Other: 1\r\n", other))))
                .isInstanceOfSatisfying(As2Exception.class, e -> {
                    assertThat(e.failureCode()).isEqualTo(As2FailureCode.VERIFICATION_FAILED);
                    assertThat(e.modifier()).isEqualTo(DispositionModifier.INTEGRITY_CHECK_FAILED);
                });
    }

    /** A part whose lines all end in CRLF has one form: no shadow digest is ever made. */
    @Test
    void aCrlfPartHasOneFormAndNoShadow() {
        byte[] part = Messages.concat("Content-Type: text/plain\r\n\r\n", "a\r\nb\r\n".getBytes(
                StandardCharsets.US_ASCII));
        Digests digests = new Digests(List.of(MicAlgorithm.SHA256)).withCanonicalShadow();
        for (byte b : part) {
            digests.update(new byte[] {b}, 0, 1);
        }
        Digests.Candidates candidates = digests.candidates();
        assertThat(candidates).hasSize(1);
        assertThat(candidates.form(0)).isEqualTo(SignedForm.AS_RECEIVED);
    }

    /** When the received bytes verify, no later form is finished or checked, though the headers had bare LFs. */
    @Test
    void laterFormsCostNothingWhenTheFirstVerifies() {
        byte[] part = Messages.concat("Content-Type: application/edi-x12\nContent-Transfer-Encoding: binary\n\n",
                BINARY);
        Digests digests = new Digests(List.of(MicAlgorithm.SHA256)).withCanonicalShadow();
        digests.update(part, 0, part.length);
        digests.stopCanonical(part.length - BINARY.length);
        Digests.Candidates candidates = digests.candidates();
        assertThat(candidates).hasSize(3);
        assertThat(List.of(candidates.form(1), candidates.form(2)))
                .containsExactly(SignedForm.CRLF_HEADERS, SignedForm.CRLF_EVERYWHERE);
        SignatureCheck.Result result = SignatureCheck.verify(sign(part), candidates, List.of(
                Messages.SENDER.certificate()), As2FailureCode.VERIFICATION_FAILED);
        assertThat(result.candidate()).isZero();
        assertThat(candidates.shadowsFinished()).isZero();

        // and the check itself never asks for a later candidate
        List<Map<MicAlgorithm, byte[]>> guarded = new AbstractList<>() {
            @Override
            public Map<MicAlgorithm, byte[]> get(int index) {
                if (index > 0) {
                    throw new AssertionError("candidate " + index + " asked for");
                }
                return Map.of(MicAlgorithm.SHA256, sha256(part));
            }

            @Override
            public int size() {
                return 3;
            }
        };
        assertThat(SignatureCheck.verify(sign(part), guarded, List.of(Messages.SENDER.certificate()),
                As2FailureCode.VERIFICATION_FAILED).candidate()).isZero();
    }

    /** Each form is found at its own index whatever the chunking of the stream. */
    @Test
    void theHeaderOnlyFormIsTheSameForEveryChunkSize() {
        byte[] part = Messages.concat("Content-Type: a/b\nX-Y: z\r\n\n", BINARY);
        byte[] expected = sha256(Messages.concat("Content-Type: a/b\r\nX-Y: z\r\n\r\n", BINARY));
        for (int chunk = 1; chunk <= part.length; chunk++) {
            Digests digests = new Digests(List.of(MicAlgorithm.SHA256)).withCanonicalShadow();
            for (int off = 0; off < part.length; off += chunk) {
                digests.update(part, off, Math.min(chunk, part.length - off));
            }
            digests.stopCanonical(part.length - BINARY.length);
            Digests.Candidates candidates = digests.candidates();
            assertThat(candidates.form(1)).isEqualTo(SignedForm.CRLF_HEADERS);
            assertThat(candidates.get(1).get(MicAlgorithm.SHA256)).as("chunk %d", chunk).isEqualTo(expected);
        }
    }

    static Stream<JsonNode> capturedSignedParts() throws Exception {
        return InteropVectors.manifest().stream().filter(e -> e.hasNonNull("decryptedMime")
                && e.hasNonNull("signerCert"));
    }

    /**
     * The captured Mendelson and OpenAS2 messages (CRLF headers, binary bodies with bare LFs) with their signed
     * part's header block rewritten to bare LFs, as a proxy or capture would: they verify in the CRLF-headers form,
     * and the MIC is still the one the sender recorded.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedSignedParts")
    void capturedMessagesWithRewrittenHeaders(JsonNode vector) throws Exception {
        byte[] mime = Files.readAllBytes(InteropVectors.dir().resolve(vector.path("decryptedMime").asText()));
        String text = new String(mime, StandardCharsets.ISO_8859_1);
        int topEnd = text.indexOf("\r\n\r\n");
        String contentType = text.substring(0, topEnd).replace("\r\n\t", " ").replace("\r\n ", " ").lines()
                .filter(l -> l.regionMatches(true, 0, "Content-Type:", 0, 13)).findFirst().orElseThrow()
                .substring(13).trim();
        String body = text.substring(topEnd + 4);
        int partStart = body.indexOf("\r\n") + 2;
        int headersEnd = body.indexOf("\r\n\r\n", partStart) + 4;
        String rewritten = body.substring(0, partStart) + body.substring(partStart, headersEnd).replace("\r\n", "\n")
                + body.substring(headersEnd);
        InboundMessageRequest request = InboundMessageRequest.builder()
                .header("Content-Type", contentType)
                .header("Disposition-Notification-Options", DNO)
                .header("Subject", "captured, headers rewritten")
                .body(new java.io.ByteArrayInputStream(rewritten.getBytes(StandardCharsets.ISO_8859_1)))
                .decryptionKeys(List.of(InteropVectors.serverKey()))
                .partnerSigningCertificates(List.of(InteropVectors.clientCertificate()))
                .requireEncryption(false)
                .build();
        try (InboundMessage m = parser.parse(request)) {
            assertThat(m.mic().base64()).isEqualTo(vector.path("expectedMic").asText());
            assertThat(new String(Files.readAllBytes(m.payload()), StandardCharsets.ISO_8859_1))
                    .isEqualTo(vector.path("payload").asText());
        }
    }

    private InboundMessage parse(byte[] signedPart, byte[] signature) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("--b\r\n".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(signedPart);
        body.writeBytes(("\r\n--b\r\nContent-Type: application/pkcs7-signature\r\nContent-Transfer-Encoding: base64"
                + "\r\n\r\n" + Base64.getMimeEncoder().encodeToString(signature) + "\r\n--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return parser.parse(Messages.request("multipart/signed; protocol=\"application/pkcs7-signature\"; "
                + "micalg=sha-256; boundary=b", body.toByteArray()).header("Disposition-Notification-Options", DNO)
                .requireEncryption(false).build());
    }

    private static byte[] sign(byte[] signedForm) {
        return DetachedSigner.sign(MicAlgorithm.SHA256, sha256(signedForm), Messages.SENDER.privateKey()
                .orElseThrow(), Messages.SENDER.fullChain(), true);
    }

    private static byte[] sha256(byte[] bytes) {
        return MicAlgorithm.SHA256.newDigest().digest(bytes);
    }

    private static byte[] crlfEverywhere(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int prev = -1;
        for (byte b : bytes) {
            if (b == '\n' && prev != '\r') {
                out.write('\r');
            }
            out.write(b);
            prev = b;
        }
        return out.toByteArray();
    }
}
