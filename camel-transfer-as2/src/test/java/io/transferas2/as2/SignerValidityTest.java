package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.transferas2.certs.CertificateGenerator;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The partner's certificate must be valid at the CMS signing time (not at the time of checking). */
class SignerValidityTest {
    private static final KeyMaterial RECEIVER = TestKeys.key("validity-receiver");

    @Test
    void aSignatureMadeAfterTheCertificateExpiredFails() throws Exception {
        Instant now = Instant.now();
        KeyMaterial expired = CertificateGenerator.selfSigned("expired-signer", 2048,
                now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)));
        assertThatThrownBy(() -> roundTrip(expired)).isInstanceOfSatisfying(As2Exception.class, e -> {
            assertThat(e.failureCode()).isEqualTo(As2FailureCode.VERIFICATION_FAILED);
            assertThat(e.getMessage()).contains("was not valid at the signing time");
        });
    }

    @Test
    void aSignatureMadeBeforeTheCertificateBecameValidFails() {
        Instant now = Instant.now();
        KeyMaterial future = CertificateGenerator.selfSigned("future-signer", 2048, now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3)));
        assertThatThrownBy(() -> roundTrip(future)).isInstanceOfSatisfying(As2Exception.class,
                e -> assertThat(e.getMessage()).contains("was not valid at the signing time"));
    }

    @Test
    void aCertificateValidAtTheSigningTimeVerifies() throws Exception {
        KeyMaterial valid = CertificateGenerator.selfSigned("valid-signer", Duration.ofDays(2));
        assertThat(roundTrip(valid).signed()).isTrue();
    }

    private static InboundMessage roundTrip(KeyMaterial signer) throws Exception {
        try (OutboundMessage m = new As2MessageBuilder().build(OutboundMessageRequest.builder()
                .payload(new ByteArrayInputStream("ISA*00~\r\nIEA*1~\r\n".getBytes()))
                .filename("po.edi").contentType("application/edi-x12")
                .signingKey(signer).encryptionCertificate(RECEIVER)
                .signingAlgorithm(SigningAlg.SHA256).encryptionAlgorithm(EncryptionAlg.AES256_CBC)
                .compression(CompressionEnum.DISABLED).micAlgorithm(MicAlgorithm.SHA256).build());
             InputStream body = m.openBody()) {
            InboundMessage in = new As2MessageParser().parse(InboundMessageRequest.builder().headers(m.headers())
                    .body(body).decryptionKeys(List.of(RECEIVER)).partnerSigningMaterial(List.of(signer))
                    .requireSignature(true).build());
            in.close();
            return in;
        }
    }
}
