package io.transferas2.as2.interop;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.Security;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.component.as2.api.AS2ClientConnection;
import org.apache.camel.component.as2.api.AS2ClientManager;
import org.apache.camel.component.as2.api.AS2CompressionAlgorithm;
import org.apache.camel.component.as2.api.AS2EncryptionAlgorithm;
import org.apache.camel.component.as2.api.AS2MessageStructure;
import org.apache.camel.component.as2.api.AS2ServerManager;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.apache.camel.component.as2.api.entity.AS2DispositionType;
import org.apache.camel.component.as2.api.exception.AS2AuthenticationException;
import org.apache.camel.component.as2.api.entity.AS2MessageDispositionNotificationEntity;
import org.apache.camel.component.as2.api.entity.ApplicationEntity;
import org.apache.camel.component.as2.api.entity.DispositionNotificationMultipartReportEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.protocol.ResponseMDN;
import org.apache.camel.component.as2.api.util.EntityUtils;
import org.apache.camel.component.as2.api.util.HttpMessageUtils;
import org.apache.camel.component.as2.api.util.MicUtils;
import org.apache.camel.component.as2.api.util.SigningUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
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
import static io.transferas2.as2.interop.PeerKeys.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Test 3: interop with camel-as2 4.17.0 at API level. Camel's own {@code AS2ClientManager} builds and posts every
 * {@link AS2MessageStructure} to a loopback receiver made of our engine; camel's server-side utilities parse and verify
 * what our builder produces and answer with camel's {@code ResponseMDN}, which our MDN reader verifies. The camel
 * client does not check MDNs itself, so the test does it with camel's {@code SigningUtils} and MIC utilities.
 */
class CamelAs2InteropTest {
    private static final String EDI = PeerKeys.edi(40);
    private static OurLoopbackReceiver receiver;
    private static OurLoopbackReceiver receiverWithoutEncryptionPolicy;

    @BeforeAll
    static void start() throws Exception {
        // camel-as2 asks for the "BC" provider by name (its component registers it at start-up)
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        receiver = new OurLoopbackReceiver(List.of(US), List.of(PEER.certificate()), US, true);
        receiverWithoutEncryptionPolicy = new OurLoopbackReceiver(List.of(US), List.of(PEER.certificate()), US,
                false);
    }

    @AfterAll
    static void stop() {
        receiver.close();
        receiverWithoutEncryptionPolicy.close();
    }

    // --- camel builds, we parse ---------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(AS2MessageStructure.class)
    void weParseEveryStructureCamelBuildsAndCamelAcceptsOurMdn(AS2MessageStructure structure) throws Exception {
        camelSendsToUs(structure, AS2SignatureAlgorithm.SHA256WITHRSA, AS2EncryptionAlgorithm.AES256_CBC, "sha-256");
    }

    static void camelSendsToUs(AS2MessageStructure structure, AS2SignatureAlgorithm sign,
                               AS2EncryptionAlgorithm enc, String micalg) throws Exception {
        boolean encrypted = structure.isEncrypted();
        boolean signed = structure.isSigned();
        OurLoopbackReceiver rx = encrypted ? receiver : receiverWithoutEncryptionPolicy;
        AS2ClientConnection connection = new AS2ClientConnection("1.1", "camel-as2 4.17.0", "camel.example",
                "127.0.0.1", rx.port(), Duration.ofSeconds(15), Duration.ofSeconds(5), 2, Duration.ofMinutes(1),
                null, null);
        HttpCoreContext context = new AS2ClientManager(connection).send(EDI, "/as2", "camel interop",
                "camel@example.com", "CAMELPEER", "OURS", structure, "application/edi-x12", "US-ASCII", null,
                sign, chain(PEER), PEER.privateKey().orElseThrow(), AS2CompressionAlgorithm.ZLIB,
                "mdn@example.com", micalg, enc, chain(US), "order.edi", null, null, null, null);

        OurLoopbackReceiver.Received received = rx.last;
        assertThat(received.failure()).as("our parser on camel's %s", structure).isNull();
        assertThat(new String(received.payload(), StandardCharsets.US_ASCII)).isEqualTo(EDI);
        assertThat(received.filename()).isEqualTo("order.edi");
        assertThat(received.summary()).contains(signed ? "signed" : "").contains(encrypted ? "encrypted" : "");

        // camel's own receiver-side MIC over the same bytes must equal ours
        MicUtils.ReceivedContentMic camelMic = MicUtils.createReceivedContentMic(
                replay(received.headers(), received.body()), signed ? chain(PEER) : null,
                encrypted ? US.privateKey().orElseThrow() : null);
        if (CamelDeviations.micOverUncompressedEntity(structure)) {
            // camel 4.17 digests the decompressed EDI entity even when the signature covers the compressed one
            assertThat(received.mic().base64()).isNotEqualTo(camelMic.getEncodedMessageDigest());
        } else {
            assertThat(received.mic().base64()).isEqualTo(camelMic.getEncodedMessageDigest());
        }
        assertThat(MicAlgorithm.fromName(camelMic.getDigestAlgorithmId())).contains(received.mic().algorithm());

        // our MDN, as camel's client parsed it: signature valid for our certificate, processed, our MIC
        HttpResponse response = context.getResponse();
        assertThat(((ClassicHttpResponse) response).getEntity())
                .as("camel parsed our MDN as multipart/signed").isInstanceOf(MultipartSignedEntity.class);
        MultipartSignedEntity signedMdn = (MultipartSignedEntity) ((ClassicHttpResponse) response).getEntity();
        assertThat(SigningUtils.isValid(signedMdn, chain(US))).isTrue();
        assertThat(SigningUtils.isValid(signedMdn, chain(PEER))).isFalse();
        DispositionNotificationMultipartReportEntity report =
                (DispositionNotificationMultipartReportEntity) signedMdn.getSignedDataEntity();
        AS2MessageDispositionNotificationEntity notification = notification(report);
        assertThat(notification.getDispositionType()).isEqualTo(AS2DispositionType.PROCESSED);
        assertThat(notification.getDispositionModifier()).isNull();
        assertThat(notification.getReceivedContentMic().getEncodedMessageDigest())
                .isEqualTo(received.mic().base64());
    }

    // --- we build, camel parses -----------------------------------------------------------------------------------

    static List<Arguments> ourMessages() {
        List<Arguments> args = new ArrayList<>();
        args.add(Arguments.of(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.DISABLED,
                CompressionOrder.BEFORE_SIGNING, TransferEncoding.BINARY));
        args.add(Arguments.of(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.ZLIB,
                CompressionOrder.BEFORE_SIGNING, TransferEncoding.BINARY));
        args.add(Arguments.of(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.ZLIB,
                CompressionOrder.AFTER_SIGNING, TransferEncoding.BASE64));
        args.add(Arguments.of(SigningAlg.SHA256, EncryptionAlg.NONE, CompressionEnum.DISABLED,
                CompressionOrder.BEFORE_SIGNING, TransferEncoding.BASE64));
        args.add(Arguments.of(SigningAlg.NONE, EncryptionAlg.AES128_CBC, CompressionEnum.DISABLED,
                CompressionOrder.BEFORE_SIGNING, TransferEncoding.BINARY));
        return args;
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4}")
    @MethodSource("ourMessages")
    void camelParsesWhatWeBuildAndWeVerifyCamelsMdn(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression,
                                                   CompressionOrder order, TransferEncoding cte) throws Exception {
        weSendToCamel(sign, enc, compression, order, cte, MicAlgorithm.SHA256, AS2SignatureAlgorithm.SHA256WITHRSA);
    }

    static void weSendToCamel(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression,
                              CompressionOrder order, TransferEncoding cte, MicAlgorithm micAlg,
                              AS2SignatureAlgorithm camelMdnSigning) throws Exception {
        weSendToCamel(sign, As2Algorithm.ofAws(enc), As2Algorithm.RSASSA_PKCS1_V1_5, compression, order, cte, micAlg,
                camelMdnSigning);
    }

    /** As above, with the content encryption and signature scheme of the extension (AES-GCM, RSASSA-PSS). */
    static void weSendToCamel(SigningAlg sign, As2Algorithm enc, As2Algorithm scheme, CompressionEnum compression,
                              CompressionOrder order, TransferEncoding cte, MicAlgorithm micAlg,
                              AS2SignatureAlgorithm camelMdnSigning) throws Exception {
        boolean signed = sign != SigningAlg.NONE;
        boolean encrypted = enc != null;
        OutboundMessageRequest.Builder b = OutboundMessageRequest.builder()
                .payload(new ByteArrayInputStream(EDI.getBytes(StandardCharsets.US_ASCII)))
                .filename("invoice.edi").contentType("application/edi-x12")
                .signingAlgorithm(sign).contentEncryption(enc).signatureScheme(scheme).compression(compression)
                .compressionOrder(order).transferEncoding(cte).micAlgorithm(micAlg);
        if (signed) {
            b.signingKey(US);
        }
        if (encrypted) {
            b.encryptionCertificate(PEER);
        }
        try (OutboundMessage message = new As2MessageBuilder().build(b.build())) {
            byte[] body = Files.readAllBytes(message.file());
            Map<String, String> headers = new java.util.LinkedHashMap<>(message.headers());
            headers.put("AS2-From", "OURS");
            headers.put("AS2-To", "CAMELPEER");
            headers.put("AS2-Version", "1.2");
            headers.put("Message-ID", "<ours-1@transfer-as2>");
            headers.put("Subject", "to camel");
            headers.put("Disposition-Notification-To", "mdn@example.com");
            headers.put("Disposition-Notification-Options",
                    DispositionNotificationOptions.signedReceipt(micAlg).toHeaderValue());

            // camel's server-side extraction: decrypts, verifies our signature against our certificate, decompresses
            // the outermost entity is always binary, so base64 only matters inside S/MIME layers
            boolean reencodes = CamelDeviations.reencodesBase64(cte)
                    && (signed || encrypted || compression == CompressionEnum.ZLIB);
            HttpMessageUtils.DecrpytingAndSigningInfo keys = new HttpMessageUtils.DecrpytingAndSigningInfo(
                    signed && !reencodes ? chain(US) : null, encrypted ? PEER.privateKey().orElseThrow() : null);
            if (reencodes && signed) {
                assertThatThrownBy(() -> HttpMessageUtils.extractEdiPayload(replay(headers, body),
                        new HttpMessageUtils.DecrpytingAndSigningInfo(chain(US),
                                encrypted ? PEER.privateKey().orElseThrow() : null)))
                        .isInstanceOf(AS2AuthenticationException.class);
            }
            ApplicationEntity edi = HttpMessageUtils.extractEdiPayload(replay(headers, body), keys);
            assertThat(content(edi.getEdiMessage())).isEqualTo(EDI);

            // camel's MDN for our message, built by its ResponseMDN interceptor, verified by our reader
            BasicClassicHttpRequest request = replay(headers, body);
            HttpCoreContext context = HttpCoreContext.create();
            context.setAttribute(HttpCoreContext.HTTP_REQUEST, request);
            context.setAttribute(AS2ServerManager.FROM, "camel@example.com");
            BasicClassicHttpResponse response = new BasicClassicHttpResponse(200);
            new ResponseMDN("1.1", "camel.example", camelMdnSigning, chain(PEER), PEER.privateKey().orElseThrow(),
                    keys.getDecryptingPrivateKey(), null, keys.getValidateSigningCertificateChain())
                    .process(response, null, context);
            byte[] mdnBody = EntityUtils.getContent(response.getEntity());
            String mdnType = response.getFirstHeader("Content-Type").getValue();
            ReceivedMdn mdn = new MdnReader().read(mdnType, new ByteArrayInputStream(mdnBody),
                    List.of(PEER.certificate()));
            assertThat(mdn.signed()).isTrue();
            assertThat(mdn.signerCertificate()).contains(PEER.certificate());
            assertThat(mdn.disposition().isSuccess()).as("camel disposition %s", mdn.disposition()).isTrue();
            assertThat(mdn.isFor("ours-1@transfer-as2")).isTrue();
            if (CamelDeviations.micOverUncompressedEntity(signed, compression, order) || reencodes) {
                assertThat(mdn.receivedContentMic()).isPresent().get().isNotEqualTo(message.mic());
            } else {
                mdn.verify(message.mic(), true);
            }
        }
    }

    static AS2MessageDispositionNotificationEntity notification(DispositionNotificationMultipartReportEntity r) {
        for (int i = 0; i < r.getPartCount(); i++) {
            if (r.getPart(i) instanceof AS2MessageDispositionNotificationEntity n) {
                return n;
            }
        }
        throw new AssertionError("no disposition notification part");
    }

    /** The request as camel's server would hold it after reading it off the wire. */
    static BasicClassicHttpRequest replay(Map<String, String> headers, byte[] body) {
        BasicClassicHttpRequest request = new BasicClassicHttpRequest("POST", "/as2");
        String contentType = null;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
                    || name.equalsIgnoreCase("Expect") || name.equalsIgnoreCase("Connection")) {
                continue;
            }
            if (name.equalsIgnoreCase("Content-Type")) {
                contentType = h.getValue();
            }
            request.addHeader(name, h.getValue());
        }
        request.setEntity(new InputStreamEntity(new ByteArrayInputStream(body), body.length,
                ContentType.parse(contentType)));
        return request;
    }

    static String content(Object ediMessage) throws Exception {
        if (ediMessage instanceof InputStream in) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        return String.valueOf(ediMessage);
    }
}
