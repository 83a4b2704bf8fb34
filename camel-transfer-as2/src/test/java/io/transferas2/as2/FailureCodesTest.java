package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test 5: one negative test per failure code the engine raises; no temp file survives a failure. */
class FailureCodesTest {
    private static final byte[] PAYLOAD = "ISA*00*HELLO-PAYLOAD*00~\r\nIEA*1~\r\n".getBytes(StandardCharsets.US_ASCII);
    private final As2MessageParser parser = new As2MessageParser();

    @TempDir
    Path tmp;

    @Test
    void decryptFailedWhenTheMatchingKeyCannotUnwrap() throws Exception {
        Messages.Built built = Messages.build(PAYLOAD, b -> { });
        // the recipient names our certificate, but the private key is not the one it was issued for
        KeyMaterial wrongKey = new KeyMaterial("mixed", Messages.RECEIVER.certificate(), List.of(),
                TestKeys.key("unrelated").privateKey().orElseThrow());
        expect(() -> parser.parse(Messages.request(built).decryptionKeys(List.of(wrongKey)).tempDirectory(tmp)
                .build()), As2FailureCode.DECRYPT_FAILED, DispositionModifier.DECRYPTION_FAILED);
    }

    @Test
    void decryptFailedWhenTheCiphertextIsCorrupt() throws Exception {
        Messages.Built built = Messages.build(new byte[50_000], b -> b.signingAlgorithm(SigningAlg.NONE));
        byte[] body = built.body().clone();
        // the last byte of the second-to-last cipher block (before 5 BER end-of-contents markers) flips the padding
        body[body.length - 10 - 17] ^= 0x5a;
        expect(() -> parser.parse(Messages.request(built.contentType(), body).tempDirectory(tmp).build()),
                As2FailureCode.DECRYPT_FAILED, DispositionModifier.DECRYPTION_FAILED);
    }

    @Test
    void noDecryptionKeyFoundWhenNoKeyMatches() throws Exception {
        Messages.Built built = Messages.build(PAYLOAD, b -> { });
        expect(() -> parser.parse(Messages.request(built).decryptionKeys(List.of(TestKeys.key("not-ours")))
                        .tempDirectory(tmp).build()),
                As2FailureCode.DECRYPT_FAILED_NO_DECRYPTION_KEY_FOUND, DispositionModifier.DECRYPTION_FAILED);
        expect(() -> parser.parse(Messages.request(built).decryptionKeys(List.of()).tempDirectory(tmp).build()),
                As2FailureCode.DECRYPT_FAILED_NO_DECRYPTION_KEY_FOUND, DispositionModifier.DECRYPTION_FAILED);
    }

    @Test
    void unsupportedEncryptionAlgorithm() throws Exception {
        CMSEnvelopedDataGenerator gen = new CMSEnvelopedDataGenerator();
        BouncyCastleProvider bc = new BouncyCastleProvider();
        gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(Messages.RECEIVER.certificate())
                .setProvider(bc));
        byte[] body = gen.generate(new CMSProcessableByteArray(
                        "Content-Type: text/plain\r\n\r\nhello".getBytes(StandardCharsets.US_ASCII)),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.CAMELLIA128_CBC).setProvider(bc).build()).getEncoded();
        expect(() -> parser.parse(Messages.request("application/pkcs7-mime; smime-type=enveloped-data", body)
                        .tempDirectory(tmp).build()),
                As2FailureCode.ERROR_DECRYPT_UNSUPPORTED_ENCRYPTION_ALG, DispositionModifier.DECRYPTION_FAILED);
    }

    @Test
    void invalidSmimeFormat() throws Exception {
        byte[] garbage = "this is not CMS at all".getBytes(StandardCharsets.US_ASCII);
        expect(() -> parser.parse(Messages.request("application/pkcs7-mime; smime-type=enveloped-data", garbage)
                        .tempDirectory(tmp).build()),
                As2FailureCode.DECRYPT_FAILED_INVALID_SMIME_FORMAT, DispositionModifier.DECRYPTION_FAILED);
    }

    @Test
    void verificationFailedForAnotherSigner() throws Exception {
        Messages.Built built = Messages.build(PAYLOAD, b -> b.signingKey(TestKeys.key("impostor")));
        expect(() -> parser.parse(Messages.request(built).tempDirectory(tmp).build()),
                As2FailureCode.VERIFICATION_FAILED, DispositionModifier.AUTHENTICATION_FAILED);
    }

    @Test
    void verificationFailedForAlteredContent() throws Exception {
        Messages.Built built = Messages.build(PAYLOAD, b -> b.encryptionAlgorithm(EncryptionAlg.NONE));
        String text = new String(built.body(), StandardCharsets.ISO_8859_1).replace("HELLO", "HELLX");
        expect(() -> parser.parse(Messages.request(built.contentType(), text.getBytes(StandardCharsets.ISO_8859_1))
                        .requireEncryption(false).tempDirectory(tmp).build()),
                As2FailureCode.VERIFICATION_FAILED, DispositionModifier.INTEGRITY_CHECK_FAILED);
    }

    @Test
    void verificationFailedWhenASignatureIsRequiredButMissing() throws Exception {
        Messages.Built built = Messages.build(PAYLOAD, b -> b.signingAlgorithm(SigningAlg.NONE));
        expect(() -> parser.parse(Messages.request(built).requireSignature(true).tempDirectory(tmp).build()),
                As2FailureCode.VERIFICATION_FAILED, DispositionModifier.INSUFFICIENT_MESSAGE_SECURITY);
    }

    @Test
    void decompressionFailedForCorruptData() throws Exception {
        byte[] payload = new byte[200_000];
        new java.util.Random(1).nextBytes(payload);
        Messages.Built built = Messages.build(payload, b -> b.signingAlgorithm(SigningAlg.NONE)
                .encryptionAlgorithm(EncryptionAlg.NONE).compression(CompressionEnum.ZLIB).compressionLevel(1));
        byte[] body = built.body().clone();
        for (int i = body.length / 2; i < body.length / 2 + 64; i++) {
            body[i] ^= 0x33;
        }
        expect(() -> parser.parse(Messages.request(built.contentType(), body).requireEncryption(false)
                        .tempDirectory(tmp).build()),
                As2FailureCode.DECOMPRESSION_FAILED, DispositionModifier.DECOMPRESSION_FAILED);
    }

    @Test
    void insufficientSecurityWhenUnencrypted() throws Exception {
        Messages.Built signedOnly = Messages.build(PAYLOAD, b -> b.encryptionAlgorithm(EncryptionAlg.NONE));
        expect(() -> parser.parse(Messages.request(signedOnly).tempDirectory(tmp).build()),
                As2FailureCode.INSUFFICENT_MESSAGE_SECURITY_UNENCRYPTED,
                DispositionModifier.INSUFFICIENT_MESSAGE_SECURITY);
        // also when the unencrypted entity is hidden in a compressed wrapper
        Messages.Built compressed = Messages.build(PAYLOAD, b -> b.encryptionAlgorithm(EncryptionAlg.NONE)
                .signingAlgorithm(SigningAlg.NONE).compression(CompressionEnum.ZLIB));
        expect(() -> parser.parse(Messages.request(compressed).tempDirectory(tmp).build()),
                As2FailureCode.INSUFFICENT_MESSAGE_SECURITY_UNENCRYPTED,
                DispositionModifier.INSUFFICIENT_MESSAGE_SECURITY);
    }

    @Test
    void invalidRequestForMissingContentTypeOrBrokenHeaders() throws Exception {
        expect(() -> parser.parse(InboundMessageRequest.builder().body(new ByteArrayInputStream(PAYLOAD))
                        .requireEncryption(false).tempDirectory(tmp).build()),
                As2FailureCode.INVALID_REQUEST, DispositionModifier.UNEXPECTED_PROCESSING_ERROR);
        Messages.Built built = Messages.build(PAYLOAD, b -> b.encryptionAlgorithm(EncryptionAlg.NONE));
        String otherBoundary = built.contentType().replaceAll("boundary=\"[^\"]+\"", "boundary=\"nowhere\"");
        expect(() -> parser.parse(Messages.request(otherBoundary, built.body()).requireEncryption(false)
                        .tempDirectory(tmp).build()),
                As2FailureCode.INVALID_REQUEST, DispositionModifier.UNEXPECTED_PROCESSING_ERROR);
    }

    @Test
    void duplicateMessageForADoubleEncryptionStep() throws Exception {
        Messages.Built once = Messages.build(PAYLOAD, b -> { });
        CMSEnvelopedDataGenerator gen = new CMSEnvelopedDataGenerator();
        gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(Messages.RECEIVER.certificate()));
        byte[] twice = gen.generate(new CMSProcessableByteArray(Messages.concat(
                        "Content-Type: " + once.contentType() + "\r\nContent-Transfer-Encoding: binary\r\n\r\n",
                        once.body())),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES128_CBC).build()).getEncoded();
        expect(() -> parser.parse(Messages.request(once.contentType(), twice).tempDirectory(tmp).build()),
                As2FailureCode.DUPLICATE_MESSAGE, DispositionModifier.UNEXPECTED_PROCESSING_ERROR);
    }

    @Test
    void signingFailedForAKeyThatCannotSignWithRsa() {
        KeyMaterial ec = Messages.nonRsa("EC", "SHA256withECDSA");
        assertThatThrownBy(() -> Messages.build(PAYLOAD, b -> b.signingKey(ec).tempDirectory(tmp)))
                .isInstanceOfSatisfying(As2Exception.class,
                        e -> assertThat(e.failureCode()).isEqualTo(As2FailureCode.SIGNING_FAILED));
    }

    @Test
    void encryptionFailedForAPartnerCertificateWithoutAnRsaKey() throws Exception {
        KeyMaterial ec = Messages.nonRsa("EC", "SHA256withECDSA");
        assertThatThrownBy(() -> Messages.build(PAYLOAD, b -> b.encryptionCertificate(ec).tempDirectory(tmp)))
                .isInstanceOfSatisfying(As2Exception.class,
                        e -> assertThat(e.failureCode()).isEqualTo(As2FailureCode.ENCRYPTION_FAILED));
        assertThat(Messages.fileCount(tmp)).isZero();
    }

    @Test
    void mdnSignedByAnUnknownKeyHasNoMatchingKey() {
        Mdn mdn = new As2MdnBuilder().build(MdnRequest.builder().originalRecipient("R").originalMessageId("<a@b>")
                .signedWith(TestKeys.key("stranger"), MicAlgorithm.SHA256).build());
        assertThatThrownBy(() -> new MdnReader().read(mdn.contentType(), mdn.openBody(),
                List.of(Messages.RECEIVER.certificate())))
                .isInstanceOfSatisfying(As2Exception.class, e -> {
                    assertThat(e.failureCode()).isEqualTo(As2FailureCode.VERIFICATION_FAILED_NO_MATCHING_KEY_FOUND);
                    assertThat(e.getMessage()).contains("CN=stranger");
                });
    }

    @Test
    void mdnWithAnotherMicFailsVerification() {
        Mic sent = new Mic(MicAlgorithm.SHA256, new byte[32]);
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 1);
        Mdn mdn = new As2MdnBuilder().build(MdnRequest.builder().originalRecipient("R").originalMessageId("<a@b>")
                .receivedContentMic(new Mic(MicAlgorithm.SHA256, other)).build());
        ReceivedMdn read = new MdnReader().read(mdn.contentType(), mdn.openBody(), List.of());
        assertThatThrownBy(() -> read.verify(sent, false))
                .isInstanceOfSatisfying(As2Exception.class, e -> {
                    assertThat(e.failureCode()).isEqualTo(As2FailureCode.VERIFICATION_FAILED);
                    assertThat(e.getMessage()).contains("did not match");
                });
        // and an unsigned MDN when a signed one was requested
        assertThatThrownBy(() -> read.verify(new Mic(MicAlgorithm.SHA256, other), true))
                .isInstanceOfSatisfying(As2Exception.class,
                        e -> assertThat(e.failureCode()).isEqualTo(As2FailureCode.VERIFICATION_FAILED));
        read.verify(new Mic(MicAlgorithm.SHA256, other), false);
    }

    private void expect(ThrowingSupplier<InboundMessage> parse, As2FailureCode code, DispositionModifier modifier)
            throws Exception {
        assertThatThrownBy(parse::get)
                .isInstanceOfSatisfying(As2Exception.class, e -> {
                    assertThat(e.failureCode()).as(e.toString()).isEqualTo(code);
                    assertThat(e.modifier()).as(e.toString()).isEqualTo(modifier);
                    assertThat(e.getMessage()).isNotBlank();
                });
        assertThat(Messages.fileCount(tmp)).as("temp files left behind").isZero();
    }
}
