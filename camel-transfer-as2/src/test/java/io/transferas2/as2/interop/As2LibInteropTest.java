package io.transferas2.as2.interop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.helger.as2lib.client.AS2Client;
import com.helger.as2lib.client.AS2ClientRequest;
import com.helger.as2lib.client.AS2ClientResponse;
import com.helger.as2lib.client.AS2ClientSettings;
import com.helger.as2lib.crypto.ECompressionType;
import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.disposition.DispositionOptions;
import com.helger.as2lib.message.AS2Message;
import com.helger.commons.http.HttpHeaderMap;
import com.helger.security.keystore.EKeyStoreType;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.transferas2.as2.As2MessageBuilder;
import io.transferas2.as2.CompressionOrder;
import io.transferas2.as2.DispositionNotificationOptions;
import io.transferas2.as2.MdnReader;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.as2.OutboundMessage;
import io.transferas2.as2.OutboundMessageRequest;
import io.transferas2.as2.ReceivedMdn;
import io.transferas2.as2.TransferEncoding;
import io.transferas2.model.As2Algorithm;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

import static io.transferas2.as2.interop.PeerKeys.PEER;
import static io.transferas2.as2.interop.PeerKeys.US;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test 4: interop with as2-lib 5.1.5. Its {@code AS2Client} posts to a loopback receiver made of our engine and checks
 * our signed MDN and MIC itself (with a MIC handler that fails on mismatch, since the default one only logs); its
 * {@code AS2ReceiverHandler} decrypts, verifies and decompresses what our builder produces and answers with its MDN,
 * which our reader verifies against the MIC we computed.
 */
class As2LibInteropTest {
    private static final String EDI = PeerKeys.edi(60);
    private static OurLoopbackReceiver receiver;
    private static OurLoopbackReceiver receiverWithoutEncryptionPolicy;

    @BeforeAll
    static void start() throws Exception {
        As2LibHarness.registerBouncyCastle();
        receiver = new OurLoopbackReceiver(List.of(US), List.of(PEER.certificate()), US, true);
        receiverWithoutEncryptionPolicy = new OurLoopbackReceiver(List.of(US), List.of(PEER.certificate()), US,
                false);
    }

    @AfterAll
    static void stop() {
        receiver.close();
        receiverWithoutEncryptionPolicy.close();
    }

    static List<Arguments> slice() {
        List<Arguments> args = new ArrayList<>();
        args.add(Arguments.of(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.DISABLED,
                CompressionOrder.BEFORE_SIGNING));
        args.add(Arguments.of(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.ZLIB,
                CompressionOrder.BEFORE_SIGNING));
        args.add(Arguments.of(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.ZLIB,
                CompressionOrder.AFTER_SIGNING));
        args.add(Arguments.of(SigningAlg.NONE, EncryptionAlg.AES256_CBC, CompressionEnum.ZLIB,
                CompressionOrder.BEFORE_SIGNING));
        // signed only: as2-lib signs the canonical form of its 7bit part but sends bare LFs
        args.add(Arguments.of(SigningAlg.SHA256, EncryptionAlg.NONE, CompressionEnum.DISABLED,
                CompressionOrder.BEFORE_SIGNING));
        return args;
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("slice")
    void weReceiveFromAs2LibClientWhichVerifiesOurMdn(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression,
                                                     CompressionOrder order) throws Exception {
        as2libSendsToUs(sign, enc, compression, order, MicAlgorithm.SHA256);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("slice")
    void as2LibReceiverAcceptsOurMessageAndWeVerifyItsMdn(SigningAlg sign, EncryptionAlg enc,
                                                         CompressionEnum compression, CompressionOrder order)
            throws Exception {
        weSendToAs2Lib(sign, enc, compression, order, TransferEncoding.BINARY, MicAlgorithm.SHA256);
    }

    static void as2libSendsToUs(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression,
                                CompressionOrder order, MicAlgorithm micAlg) throws Exception {
        as2libSendsToUs(sign, enc, digest(sign), crypt(enc), compression, order, micAlg);
    }

    /** As above, with as2-lib's own algorithm names (its AES-GCM and RSASSA-PSS ones). */
    static void as2libSendsToUs(SigningAlg sign, EncryptionAlg enc, ECryptoAlgorithmSign as2libSign,
                                ECryptoAlgorithmCrypt as2libCrypt, CompressionEnum compression,
                                CompressionOrder order, MicAlgorithm micAlg) throws Exception {
        OurLoopbackReceiver rx = enc == EncryptionAlg.NONE ? receiverWithoutEncryptionPolicy : receiver;
        AS2ClientSettings settings = new AS2ClientSettings();
        settings.setKeyStore(EKeyStoreType.PKCS12, As2LibHarness.keyStoreBytes("peer", PEER, "us", US),
                As2LibHarness.PASSWORD);
        settings.setSenderData("AS2LIBPEER", "peer@example.com", "peer");
        settings.setReceiverData("OURS", "us", rx.url());
        settings.setReceiverCertificate(US.certificate());
        settings.setPartnershipName("as2lib-to-us");
        settings.setEncryptAndSign(as2libCrypt, as2libSign);
        if (compression == CompressionEnum.ZLIB) {
            settings.setCompress(ECompressionType.ZLIB, order == CompressionOrder.BEFORE_SIGNING);
        }
        settings.setMDNOptions(new DispositionOptions()
                .setProtocolImportance(DispositionOptions.IMPORTANCE_REQUIRED)
                .setProtocol(DispositionOptions.PROTOCOL_PKCS7_SIGNATURE)
                .setMICAlgImportance(DispositionOptions.IMPORTANCE_REQUIRED)
                .setMICAlg(digest(SigningAlg.valueOf(micAlg.name()))));
        As2LibHarness.StrictMicHandler mic = new As2LibHarness.StrictMicHandler();
        settings.setMICMatchingHandler(mic);

        AS2ClientRequest request = new AS2ClientRequest("as2-lib interop")
                .setData(EDI.getBytes(StandardCharsets.US_ASCII))
                .setContentType("application/edi-x12")
                .setFilename("po.edi");
        AS2ClientResponse response = new AS2Client().sendSynchronous(settings, request);
        if (As2LibDeviations.cannotSendPlainNonTextPayload(sign, enc, compression)) {
            assertThat(response.getException()).hasMessageContaining("no object DCH for MIME type");
            return;
        }

        OurLoopbackReceiver.Received received = rx.last;
        assertThat(received.failure()).as("our parser on as2-lib's message").isNull();
        assertThat(new String(received.payload(), StandardCharsets.US_ASCII)).isEqualTo(EDI);
        assertThat(received.filename()).isEqualTo("po.edi");
        if (As2LibDeviations.labelsMicWithSignatureName(as2libSign)) {
            // same digest, but as2-lib names its own MIC after its PSS signature algorithm
            assertThat(mic.mismatch).isEqualTo(received.mic().base64() + ", " + as2libSign.getID() + " != "
                    + received.mic().toFieldValue());
            return;
        }
        if (As2LibDeviations.senderMicOverCompressedEntity(sign, compression, order)) {
            // as2-lib's sender digests the compressed entity; we (and its own receiver) follow RFC 5402
            assertThat(mic.mismatch).endsWith(" != " + received.mic().toFieldValue());
            return;
        }
        assertThat(response.hasException()).as("as2-lib client: %s", response.getException()).isFalse();
        assertThat(response.hasMDN()).isTrue();
        assertThat(response.getMDNVerificationCertificate()).as("our MDN signature verified by as2-lib")
                .isEqualTo(US.certificate());
        assertThat(response.getMDNDisposition()).isEqualTo("automatic-action/MDN-sent-automatically; processed");
        assertThat(mic.mismatch).isNull();
        assertThat(mic.matched).as("as2-lib compared our MIC").isEqualTo(received.mic().toFieldValue());
    }

    static void weSendToAs2Lib(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression,
                               CompressionOrder order, TransferEncoding cte, MicAlgorithm micAlg) throws Exception {
        weSendToAs2Lib(sign, enc, As2Algorithm.ofAws(enc), As2Algorithm.RSASSA_PKCS1_V1_5, compression, order, cte,
                micAlg);
    }

    /** As above, with the content encryption and signature scheme of the extension (AES-GCM, RSASSA-PSS). */
    static void weSendToAs2Lib(SigningAlg sign, EncryptionAlg enc, As2Algorithm contentEncryption,
                               As2Algorithm scheme, CompressionEnum compression, CompressionOrder order,
                               TransferEncoding cte, MicAlgorithm micAlg) throws Exception {
        OutboundMessageRequest.Builder b = OutboundMessageRequest.builder()
                .payload(new ByteArrayInputStream(EDI.getBytes(StandardCharsets.US_ASCII)))
                .filename("invoice.edi").contentType("application/edi-x12")
                .signingAlgorithm(sign).contentEncryption(contentEncryption).signatureScheme(scheme)
                .compression(compression).compressionOrder(order).transferEncoding(cte).micAlgorithm(micAlg);
        if (sign != SigningAlg.NONE) {
            b.signingKey(US);
        }
        if (enc != EncryptionAlg.NONE) {
            b.encryptionCertificate(PEER);
        }
        As2LibHarness.Receiver as2lib = new As2LibHarness.Receiver("OURS", "us", "AS2LIBPEER", "peer",
                As2LibHarness.keyStore("peer", PEER, "us", US), digest(sign), crypt(enc),
                compression == CompressionEnum.ZLIB);
        try (OutboundMessage message = new As2MessageBuilder().build(b.build())) {
            AS2Message msg = new AS2Message();
            message.headers().forEach((k, v) -> msg.headers().setHeader(k, v));
            msg.headers().setHeader("AS2-From", "OURS");
            msg.headers().setHeader("AS2-To", "AS2LIBPEER");
            msg.headers().setHeader("AS2-Version", "1.2");
            msg.headers().setHeader("Message-ID", "<ours-2@transfer-as2>");
            msg.headers().setHeader("Subject", "to as2-lib");
            msg.headers().setHeader("Disposition-Notification-To", "mdn@example.com");
            msg.headers().setHeader("Disposition-Notification-Options",
                    DispositionNotificationOptions.signedReceipt(micAlg).toHeaderValue());
            msg.setMessageID("<ours-2@transfer-as2>");
            byte[] body = Files.readAllBytes(message.file());

            Captured captured = new Captured();
            as2lib.handler.handleIncomingMessage("loopback", new ByteArrayDataSource(body, message.contentType()),
                    msg, captured::send);

            assertThat(as2lib.stored.get()).as("as2-lib stored the payload; its response: %s %s", captured.status,
                    captured.body == null ? "" : new String(captured.body, StandardCharsets.ISO_8859_1)).isNotNull();
            assertThat(new String(as2lib.stored.get(), StandardCharsets.US_ASCII)).isEqualTo(EDI);
            assertThat(captured.status).isEqualTo(200);
            ReceivedMdn mdn = new MdnReader().read(captured.headers.get("content-type"),
                    new ByteArrayInputStream(captured.body), List.of(PEER.certificate()));
            assertThat(mdn.signed()).isTrue();
            assertThat(mdn.disposition().isSuccess()).as("as2-lib disposition %s", mdn.disposition()).isTrue();
            assertThat(mdn.isFor("ours-2@transfer-as2")).isTrue();
            if (As2LibDeviations.micOverUncompressedEntity(sign, compression, order)) {
                assertThat(mdn.receivedContentMic()).isPresent().get().isNotEqualTo(message.mic());
            } else {
                mdn.verify(message.mic(), true);
            }
        }
    }

    static ECryptoAlgorithmCrypt crypt(EncryptionAlg enc) {
        return switch (enc) {
            case AES128_CBC -> ECryptoAlgorithmCrypt.CRYPT_AES128_CBC;
            case AES192_CBC -> ECryptoAlgorithmCrypt.CRYPT_AES192_CBC;
            case AES256_CBC -> ECryptoAlgorithmCrypt.CRYPT_AES256_CBC;
            case DES_EDE3_CBC -> ECryptoAlgorithmCrypt.CRYPT_3DES;
            case NONE -> null;
        };
    }

    static ECryptoAlgorithmSign digest(SigningAlg sign) {
        return switch (sign) {
            case SHA1 -> ECryptoAlgorithmSign.DIGEST_SHA_1;
            case SHA256 -> ECryptoAlgorithmSign.DIGEST_SHA_256;
            case SHA384 -> ECryptoAlgorithmSign.DIGEST_SHA_384;
            case SHA512 -> ECryptoAlgorithmSign.DIGEST_SHA_512;
            case NONE -> null;
        };
    }

    /** The HTTP response as2-lib's receiver would have written. */
    static final class Captured {
        int status;
        final Map<String, String> headers = new java.util.HashMap<>();
        byte[] body;

        void send(int code, HttpHeaderMap map, com.helger.commons.io.IWriteToStream data) throws java.io.IOException {
            status = code;
            map.forEachSingleHeader((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v), true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            data.writeTo(out);
            body = out.toByteArray();
        }
    }
}
