package io.transferas2.as2;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.transferas2.model.EncryptionAlg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Test 1: every captured message from Mendelson and OpenAS2 decrypts, verifies against the partner certificate and
 * yields the MIC the sender recorded, without normalising a byte. The certificates expire in 2026-12; verification
 * uses the CMS signingTime, so these keep passing after that.
 */
class CapturedTrafficTest {
    private final As2MessageParser parser = new As2MessageParser();

    static Stream<JsonNode> messages() throws Exception {
        return InteropVectors.manifest().stream().filter(e -> e.path("file").asText().endsWith(".pkcs7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void decryptsVerifiesAndYieldsTheExpectedMic(JsonNode vector) throws Exception {
        String file = vector.path("file").asText();
        String micalg = vector.path("micAlgorithm").asText();
        boolean wrongSigner = vector.path("signerCert").isNull();
        InboundMessageRequest request = request(file, "signed-receipt-protocol=optional, pkcs7-signature; "
                + "signed-receipt-micalg=optional, " + micalg);
        if (wrongSigner) {
            // hello_world_1: signed by an embedded certificate that is not the partner's; must not be trusted
            assertThatThrownBy(() -> parser.parse(request))
                    .isInstanceOfSatisfying(As2Exception.class, e -> {
                        assertThat(e.failureCode()).isEqualTo(As2FailureCode.VERIFICATION_FAILED);
                        assertThat(e.modifier()).isEqualTo(DispositionModifier.AUTHENTICATION_FAILED);
                    });
            return;
        }
        try (InboundMessage message = parser.parse(request)) {
            assertThat(message.encrypted()).isTrue();
            assertThat(message.signed()).isTrue();
            assertThat(message.encryptionAlgorithm()).contains(EncryptionAlg.valueOf(
                    vector.path("encryption").asText()));
            assertThat(message.signerCertificate()).contains(InteropVectors.clientCertificate());
            assertThat(message.mic().base64()).isEqualTo(vector.path("expectedMic").asText());
            assertThat(message.mic().algorithm()).isEqualTo(MicAlgorithm.fromName(micalg).orElseThrow());
            assertThat(new String(Files.readAllBytes(message.payload()), StandardCharsets.ISO_8859_1))
                    .isEqualTo(vector.path("payload").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void yieldsSha256MicWhenThePartnerAsksForIt(JsonNode vector) throws Exception {
        String expected = vector.has("expectedMicSha256") ? vector.path("expectedMicSha256").asText()
                : "sha256".equals(vector.path("micAlgorithm").asText()) ? vector.path("expectedMic").asText() : null;
        if (expected == null || vector.path("signerCert").isNull()) {
            return;
        }
        InboundMessageRequest request = request(vector.path("file").asText(),
                "signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, SHA-256, sha1");
        try (InboundMessage message = parser.parse(request)) {
            assertThat(message.mic().base64()).isEqualTo(expected);
            assertThat(message.mic().algorithmName()).isEqualTo("sha-256");
        }
    }

    private static InboundMessageRequest request(String file, String dno) throws Exception {
        InputStream body = Files.newInputStream(InteropVectors.dir().resolve(file));
        return InboundMessageRequest.builder()
                .header("content-type", "application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m")
                .header("Disposition-Notification-Options", dno)
                .header("Subject", "captured")
                .body(body)
                .decryptionKeys(List.of(InteropVectors.serverKey()))
                .partnerSigningCertificates(List.of(InteropVectors.clientCertificate()))
                .requireSignature(true)
                .build();
    }
}
