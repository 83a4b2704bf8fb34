package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.RecipientInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.transferas2.model.As2Algorithm;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.SigningAlg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AES-GCM (AuthEnvelopedData), RSAES-OAEP and RSASSA-PSS through our own builder and parser: every combination with
 * the AWS algorithms, the algorithms detected from the message itself, PSS-signed MDNs, tampering with the GCM
 * content, and the agreement's minimum-security policy with its MDN modifier and AWS failure code.
 */
class ExtendedAlgorithmsTest {
    private static final As2MessageBuilder BUILDER = new As2MessageBuilder();
    private static final As2MessageParser PARSER = new As2MessageParser();

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (As2Algorithm enc : List.of(As2Algorithm.AES128_GCM, As2Algorithm.AES256_GCM, As2Algorithm.AES256_CBC,
                As2Algorithm.DES_EDE3_CBC)) {
            for (As2Algorithm transport : List.of(As2Algorithm.RSAES_PKCS1_V1_5, As2Algorithm.RSAES_OAEP)) {
                for (As2Algorithm scheme : List.of(As2Algorithm.RSASSA_PKCS1_V1_5, As2Algorithm.RSASSA_PSS)) {
                    all.add(Arguments.of(enc, transport, scheme, SigningAlg.SHA256, CompressionEnum.DISABLED));
                }
            }
        }
        all.add(Arguments.of(As2Algorithm.AES256_GCM, As2Algorithm.RSAES_OAEP, As2Algorithm.RSASSA_PSS,
                SigningAlg.SHA512, CompressionEnum.ZLIB));
        all.add(Arguments.of(As2Algorithm.AES128_GCM, As2Algorithm.RSAES_OAEP, As2Algorithm.RSASSA_PSS,
                SigningAlg.SHA1, CompressionEnum.ZLIB));
        all.add(Arguments.of(As2Algorithm.AES256_GCM, As2Algorithm.RSAES_OAEP, As2Algorithm.RSASSA_PSS,
                SigningAlg.SHA384, CompressionEnum.DISABLED));
        all.add(Arguments.of(As2Algorithm.AES256_GCM, As2Algorithm.RSAES_OAEP, As2Algorithm.RSASSA_PKCS1_V1_5,
                SigningAlg.NONE, CompressionEnum.DISABLED));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4}")
    @MethodSource("combinations")
    void roundTripsAndReportsTheAlgorithmsFoundInTheMessage(As2Algorithm enc, As2Algorithm transport,
                                                             As2Algorithm scheme, SigningAlg sign,
                                                             CompressionEnum compression) throws Exception {
        byte[] payload = RoundTrip.payload(300_000, enc.ordinal() * 31L + transport.ordinal());
        try (OutboundMessage message = BUILDER.build(request(payload, enc, transport, scheme, sign, compression));
             InboundMessage received = PARSER.parse(inbound(message, Set.of()))) {
            assertThat(Files.readAllBytes(received.payload())).isEqualTo(payload);
            assertThat(received.contentEncryption()).contains(enc);
            assertThat(received.encryptionAlgorithm()).isEqualTo(java.util.Optional.ofNullable(enc.awsEncryption()));
            assertThat(received.keyTransport()).contains(transport);
            assertThat(received.signingAlg()).isEqualTo(sign);
            if (sign != SigningAlg.NONE) {
                assertThat(received.signatureScheme()).contains(scheme);
            } else {
                assertThat(received.signatureScheme()).isEmpty();
            }
            assertThat(received.mic()).isEqualTo(message.mic());
            assertThat(message.headers().get("Content-Type")).contains(enc.name().endsWith("GCM")
                    ? "smime-type=authEnveloped-data" : "smime-type=enveloped-data");
        }
    }

    @Test
    void gcmMessagesAreAuthEnvelopedDataWithOaepParametersInFull() throws Exception {
        byte[] payload = RoundTrip.payload(1000, 7);
        try (OutboundMessage message = BUILDER.build(request(payload, As2Algorithm.AES256_GCM,
                As2Algorithm.RSAES_OAEP, As2Algorithm.RSASSA_PSS, SigningAlg.SHA256, CompressionEnum.DISABLED))) {
            CMSAuthEnvelopedDataParser parser = new CMSAuthEnvelopedDataParser(message.openBody());
            assertThat(parser.getEncAlgOID()).isEqualTo("2.16.840.1.101.3.4.1.46");
            RecipientInformation ri = parser.getRecipientInfos().getRecipients().iterator().next();
            assertThat(ri.getKeyEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.id_RSAES_OAEP.getId());
            // RSAES-OAEP-params: hashAlgorithm sha-256, maskGenAlgorithm mgf1 with sha-256
            assertThat(ri.getKeyEncryptionAlgorithm().getParameters().toString())
                    .contains("2.16.840.1.101.3.4.2.1").contains(PKCSObjectIdentifiers.id_mgf1.getId());
        }
    }

    @Test
    void psSignedMdnsVerifyAndSayTheirScheme() throws Exception {
        for (MicAlgorithm digest : MicAlgorithm.values()) {
            Mdn mdn = new As2MdnBuilder().build(MdnRequest.builder().originalRecipient("R")
                    .originalMessageId("<m@x>").disposition(Disposition.processed())
                    .signedWith(RoundTrip.RECEIVER, digest).signatureScheme(As2Algorithm.RSASSA_PSS).build());
            ReceivedMdn read = new MdnReader().read(mdn.contentType(), mdn.openBody(),
                    List.of(RoundTrip.RECEIVER.certificate()));
            assertThat(read.signed()).isTrue();
            assertThat(read.signatureAlgorithm()).contains(digest);
            assertThat(read.signatureScheme()).contains(As2Algorithm.RSASSA_PSS);
        }
    }

    @Test
    void alteredGcmContentOrTagIsDecryptionFailedAndLeavesNoPayload() throws Exception {
        byte[] payload = RoundTrip.payload(200_000, 3);
        try (OutboundMessage message = BUILDER.build(request(payload, As2Algorithm.AES256_GCM,
                As2Algorithm.RSAES_PKCS1_V1_5, As2Algorithm.RSASSA_PKCS1_V1_5, SigningAlg.NONE,
                CompressionEnum.DISABLED))) {
            byte[] body = Files.readAllBytes(message.file());
            // one byte in the middle of the ciphertext, and one in the 16-byte mac (the structure ends with the mac
            // and the end-of-contents octets of the AuthEnvelopedData and the ContentInfo, 4 bytes)
            for (int at : new int[] { body.length / 2, body.length - 4 - 8 }) {
                byte[] altered = body.clone();
                altered[at] ^= 0x01;
                InboundMessageRequest in = InboundMessageRequest.builder().headers(message.headers())
                        .body(new ByteArrayInputStream(altered)).decryptionKeys(List.of(RoundTrip.RECEIVER))
                        .requireSignature(false).build();
                assertThatThrownBy(() -> PARSER.parse(in)).isInstanceOfSatisfying(As2Exception.class, e -> {
                    assertThat(e.modifier()).isEqualTo(DispositionModifier.DECRYPTION_FAILED);
                    assertThat(e.failureCode()).isIn(As2FailureCode.DECRYPT_FAILED,
                            As2FailureCode.DECRYPT_FAILED_INVALID_SMIME_FORMAT);
                });
            }
        }
    }

    @Test
    void gcmLabelledEnvelopedDataIsReadFromItsStructure() throws Exception {
        byte[] payload = RoundTrip.payload(5000, 4);
        try (OutboundMessage message = BUILDER.build(request(payload, As2Algorithm.AES128_GCM,
                As2Algorithm.RSAES_OAEP, As2Algorithm.RSASSA_PSS, SigningAlg.SHA256, CompressionEnum.DISABLED))) {
            java.util.Map<String, String> headers = new java.util.HashMap<>(message.headers());
            headers.put("Content-Type", "application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m");
            try (InboundMessage received = PARSER.parse(InboundMessageRequest.builder().headers(headers)
                    .body(message.openBody()).decryptionKeys(List.of(RoundTrip.RECEIVER))
                    .partnerSigningMaterial(List.of(RoundTrip.SENDER)).build())) {
                assertThat(Files.readAllBytes(received.payload())).isEqualTo(payload);
                assertThat(received.contentEncryption()).contains(As2Algorithm.AES128_GCM);
            }
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(As2Algorithm.DES_EDE3_CBC, As2Algorithm.RSAES_PKCS1_V1_5, As2Algorithm.RSASSA_PKCS1_V1_5,
                        SigningAlg.SHA256, As2Algorithm.DES_EDE3_CBC,
                        As2FailureCode.ERROR_DECRYPT_UNSUPPORTED_ENCRYPTION_ALG),
                Arguments.of(As2Algorithm.AES256_CBC, As2Algorithm.RSAES_PKCS1_V1_5, As2Algorithm.RSASSA_PKCS1_V1_5,
                        SigningAlg.SHA256, As2Algorithm.AES256_CBC,
                        As2FailureCode.ERROR_DECRYPT_UNSUPPORTED_ENCRYPTION_ALG),
                Arguments.of(As2Algorithm.AES256_GCM, As2Algorithm.RSAES_PKCS1_V1_5, As2Algorithm.RSASSA_PSS,
                        SigningAlg.SHA256, As2Algorithm.RSAES_PKCS1_V1_5,
                        As2FailureCode.ERROR_DECRYPT_UNSUPPORTED_ENCRYPTION_ALG),
                Arguments.of(As2Algorithm.AES256_GCM, As2Algorithm.RSAES_OAEP, As2Algorithm.RSASSA_PKCS1_V1_5,
                        SigningAlg.SHA1, As2Algorithm.SHA1, As2FailureCode.VERIFICATION_FAILED),
                Arguments.of(As2Algorithm.AES256_GCM, As2Algorithm.RSAES_OAEP, As2Algorithm.RSASSA_PKCS1_V1_5,
                        SigningAlg.SHA256, As2Algorithm.RSASSA_PKCS1_V1_5, As2FailureCode.VERIFICATION_FAILED));
    }

    @ParameterizedTest(name = "{4} refused")
    @MethodSource("refusals")
    void theMinimumSecurityPolicyRefusesWithInsufficientMessageSecurity(As2Algorithm enc, As2Algorithm transport,
                                                                         As2Algorithm scheme, SigningAlg sign,
                                                                         As2Algorithm refused, As2FailureCode code)
            throws Exception {
        byte[] payload = RoundTrip.payload(4000, 5);
        try (OutboundMessage message = BUILDER.build(request(payload, enc, transport, scheme, sign,
                CompressionEnum.DISABLED))) {
            assertThatThrownBy(() -> PARSER.parse(inbound(message, Set.of(refused))))
                    .isInstanceOfSatisfying(As2Exception.class, e -> {
                        assertThat(e.modifier()).isEqualTo(DispositionModifier.INSUFFICIENT_MESSAGE_SECURITY);
                        assertThat(e.failureCode()).isEqualTo(code);
                        assertThat(e.getMessage()).contains(refused.name()).contains("RefusedAlgorithms");
                    });
            // the same message passes a policy that refuses something else
            try (InboundMessage ok = PARSER.parse(inbound(message, Set.of(As2Algorithm.AES192_CBC)))) {
                assertThat(Files.readAllBytes(ok.payload())).isEqualTo(payload);
            }
        }
    }

    static OutboundMessageRequest request(byte[] payload, As2Algorithm enc, As2Algorithm transport,
                                          As2Algorithm scheme, SigningAlg sign, CompressionEnum compression) {
        OutboundMessageRequest.Builder b = OutboundMessageRequest.builder()
                .payload(new ByteArrayInputStream(payload)).filename("gcm.bin")
                .contentType("application/octet-stream")
                .contentEncryption(enc).keyTransport(transport).signatureScheme(scheme)
                .signingAlgorithm(sign).compression(compression)
                .encryptionCertificate(RoundTrip.RECEIVER);
        if (sign != SigningAlg.NONE) {
            b.signingKey(RoundTrip.SENDER);
        }
        return b.build();
    }

    static InboundMessageRequest inbound(OutboundMessage message, Set<As2Algorithm> refused) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (var in = message.openBody()) {
            in.transferTo(body);
        }
        return InboundMessageRequest.builder().headers(message.headers()).header("Message-ID", "<x@test>")
                .body(new ByteArrayInputStream(body.toByteArray()))
                .decryptionKeys(List.of(RoundTrip.RECEIVER))
                .partnerSigningMaterial(List.of(RoundTrip.SENDER))
                .refusedAlgorithms(refused)
                .build();
    }
}
