package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds a message as the sender, parses it as the receiver, answers with an MDN and checks it as the sender. */
final class RoundTrip {
    static final KeyMaterial SENDER = TestKeys.key("engine-sender");
    static final KeyMaterial RECEIVER = TestKeys.key("engine-receiver");

    private static final As2MessageBuilder BUILDER = new As2MessageBuilder();
    private static final As2MessageParser PARSER = new As2MessageParser();
    private static final As2MdnBuilder MDN_BUILDER = new As2MdnBuilder();
    private static final MdnReader MDN_READER = new MdnReader();

    private RoundTrip() {
    }

    /** A payload with CRLF, bare LF, lone CR, NULs and delimiter-like lines, so nothing may be rewritten. */
    static byte[] payload(int size, long seed) {
        Random random = new Random(seed);
        byte[] b = new byte[size];
        random.nextBytes(b);
        byte[] tricky = "\r\n--boundary\r\n\n--\r\r\n\0Content-Type: x\r\n\r\n".getBytes();
        for (int i = 0; i + tricky.length < size; i += 997) {
            System.arraycopy(tricky, 0, b, i, tricky.length);
        }
        return b;
    }

    static void run(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression, CompressionOrder order,
                    TransferEncoding cte, boolean signedMdn, byte[] payload) throws Exception {
        MicAlgorithm mdnAlg = MicAlgorithm.of(sign).orElse(MicAlgorithm.SHA256);
        OutboundMessageRequest.Builder out = OutboundMessageRequest.builder()
                .payload(new ByteArrayInputStream(payload))
                .filename("order 42.edi")
                .contentType("application/edi-x12")
                .signingAlgorithm(sign)
                .encryptionAlgorithm(enc)
                .compression(compression)
                .compressionOrder(order)
                .transferEncoding(cte);
        if (sign != SigningAlg.NONE) {
            out.signingKey(SENDER);
        }
        if (enc != EncryptionAlg.NONE) {
            out.encryptionCertificate(RECEIVER);
        }
        DispositionNotificationOptions dno = DispositionNotificationOptions.none();
        if (signedMdn) {
            out.micAlgorithm(mdnAlg);
            dno = DispositionNotificationOptions.signedReceipt(mdnAlg);
        }
        try (OutboundMessage message = BUILDER.build(out.build())) {
            assertThat(Files.size(message.file())).isEqualTo(message.length());
            InboundMessageRequest.Builder in = InboundMessageRequest.builder()
                    .headers(message.headers())
                    .header("Subject", "round trip")
                    .header("Message-ID", "<rt@test>")
                    .body(message.openBody())
                    .decryptionKeys(List.of(RECEIVER))
                    .partnerSigningMaterial(List.of(SENDER))
                    .requireEncryption(enc != EncryptionAlg.NONE)
                    .requireSignature(sign != SigningAlg.NONE);
            if (!dno.micAlgorithmNames().isEmpty()) {
                in.header("Disposition-Notification-Options", dno.toHeaderValue());
            }
            Mic receivedMic;
            try (InboundMessage received = PARSER.parse(in.build())) {
                assertThat(Files.readAllBytes(received.payload())).isEqualTo(payload);
                assertThat(received.payloadSize()).isEqualTo(payload.length);
                assertThat(received.filename()).contains("order 42.edi");
                assertThat(received.contentType()).isEqualTo("application/edi-x12");
                assertThat(received.subject()).contains("round trip");
                assertThat(received.encrypted()).isEqualTo(enc != EncryptionAlg.NONE);
                assertThat(received.encryptionAlgorithm().orElse(EncryptionAlg.NONE)).isEqualTo(enc);
                assertThat(received.signingAlg()).isEqualTo(sign);
                assertThat(received.compressed()).isEqualTo(compression == CompressionEnum.ZLIB);
                if (sign != SigningAlg.NONE && compression == CompressionEnum.ZLIB) {
                    assertThat(received.compressionOrder()).contains(order);
                    assertThat(received.signerCertificate()).contains(SENDER.certificate());
                }
                assertThat(received.mic()).isEqualTo(message.mic());
                receivedMic = received.mic();
            }
            MdnRequest.Builder mdn = MdnRequest.builder()
                    .originalRecipient("RECEIVER")
                    .originalMessageId("<rt@test>")
                    .receivedContentMic(receivedMic);
            if (signedMdn) {
                mdn.signedWith(RECEIVER, dno.preferredMicAlgorithm().orElseThrow().algorithm());
            }
            Mdn built = MDN_BUILDER.build(mdn.build());
            ReceivedMdn read = MDN_READER.read(built.contentType(), built.openBody(),
                    List.of(RECEIVER.certificate()));
            assertThat(read.signed()).isEqualTo(signedMdn);
            assertThat(read.isFor("rt@test")).isTrue();
            assertThat(read.disposition()).isEqualTo(Disposition.processed());
            read.verify(message.mic(), signedMdn);
        }
    }

    static Map<String, String> noHeaders() {
        return Map.of();
    }
}
