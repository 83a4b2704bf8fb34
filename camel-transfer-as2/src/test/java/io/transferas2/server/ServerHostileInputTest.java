package io.transferas2.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.transferas2.as2.As2MessageBuilder;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.as2.OutboundMessage;
import io.transferas2.as2.OutboundMessageRequest;
import io.transferas2.as2.ReceivedMdn;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.inbound.FileNames;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input, one case per test: each gets a clear 4xx or an error MDN with the right code, nothing
 * lands outside the agreement's directories, and the server keeps serving the other partner during and after
 * (checked after every test, and during the slow cases).
 */
class ServerHostileInputTest {
    static final byte[] PAYLOAD = "ISA*00*hostile-test~".getBytes(StandardCharsets.US_ASCII);
    static final long MAX_DECOMPRESSED = 8L << 20;
    @TempDir
    static Path root;
    static ServerHarness server;
    static RawAs2 raw;

    @BeforeAll
    static void start() throws Exception {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        server = new ServerHarness(root).start("maxDecompressedSize=" + MAX_DECOMPRESSED
                + "&maxCompressionRatio=100000&maxMessageSize=268435456");
        raw = new RawAs2(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @AfterEach
    void otherPartnerIsStillServedAndNothingLandedOutsideTheAgreements() throws Exception {
        assertThat(otherPartnerSends()).isTrue();
        assertThat(server.landedFiles()).allMatch(f -> f.startsWith("inbox/partner/") || f.startsWith("inbox/other/")
                || f.startsWith("inbox/expired/"));
    }

    /** A valid message from the OTHER partner; true when it was acknowledged positively. */
    static boolean otherPartnerSends() throws IOException {
        String id = RawAs2.newMessageId();
        try (OutboundMessage m = raw.build(PAYLOAD, "ok.x12", SigningAlg.SHA256, EncryptionAlg.AES256_CBC,
                CompressionEnum.DISABLED, server.otherKey)) {
            RawAs2.Reply reply = raw.post(m, RawAs2.as2Headers(ServerHarness.OTHER, ServerHarness.LOCAL, id));
            return reply.status() == 200 && reply.mdn(server.localKey).disposition().toFieldValue()
                    .equals("automatic-action/MDN-sent-automatically; processed");
        }
    }

    private static Map<String, String> headers(String id) {
        return RawAs2.as2Headers(ServerHarness.PARTNER, ServerHarness.LOCAL, id);
    }

    private static Map<String, String> cmsHeaders(String id) {
        Map<String, String> h = new LinkedHashMap<>(headers(id));
        h.put("Content-Type", "application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m");
        h.put("Content-Transfer-Encoding", "binary");
        return h;
    }

    private static byte[] envelope(byte[] content, X509Certificate recipient, ASN1ObjectIdentifier algorithm)
            throws Exception {
        CMSEnvelopedDataGenerator gen = new CMSEnvelopedDataGenerator();
        gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient).setProvider("BC"));
        return gen.generate(new CMSProcessableByteArray(content),
                new JceCMSContentEncryptorBuilder(algorithm).setProvider("BC").build()).getEncoded();
    }

    /** The error MDN's modifier and the route's FAILED exchange for {@code id}; nothing under processed/. */
    private static ServerHarness.Received assertRefused(RawAs2.Reply reply, String id, String modifier)
            throws Exception {
        assertThat(reply.status()).isEqualTo(200);
        ReceivedMdn mdn = reply.mdn(server.localKey);
        assertThat(mdn.signed()).isTrue();
        assertThat(mdn.disposition().modifierKind()).isEqualTo("error");
        assertThat(mdn.disposition().modifier()).isEqualTo(modifier);
        ServerHarness.Received r = server.awaitMessage(id);
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.header(TransferAs2Constants.PAYLOAD_KEY)).startsWith("partner/failed/");
        assertThat(server.landedFiles()).noneMatch(f -> f.contains("/processed/") && f.contains(id));
        return r;
    }

    @Test
    void malformedMimeInsideTheEnvelope() throws Exception {
        String id = RawAs2.newMessageId();
        byte[] inner = ("Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;"
                + " boundary=\"b1\"\r\n\r\nthere is no boundary line in this body at all\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        RawAs2.Reply reply = raw.post(cmsHeaders(id), envelope(inner, server.localKey.certificate(),
                CMSAlgorithm.AES256_CBC));
        ServerHarness.Received r = assertRefused(reply, id, "unexpected-processing-error");
        assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void truncatedBody() throws Exception {
        String id = RawAs2.newMessageId();
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12"); Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port));
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST /as2 HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            Map<String, String> h = new LinkedHashMap<>(headers(id));
            h.putAll(m.headers());
            h.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("Content-Length: ").append(m.length() + 100_000).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            try (InputStream body = m.openBody()) {
                out.write(body.readNBytes((int) m.length() / 2));
            }
            out.flush();
            Thread.sleep(200);
            assertThat(otherPartnerSends()).as("served while a body is stuck half-way").isTrue();
            socket.close();
        }
        ServerHarness.Received r = server.awaitMessage(id);
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isNotNull();
    }

    @Test
    void wrongContentType() throws Exception {
        String id = RawAs2.newMessageId();
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
            Map<String, String> h = new LinkedHashMap<>(headers(id));
            h.putAll(m.headers());
            h.put("Content-Type", "text/plain");
            RawAs2.Reply reply;
            try (InputStream body = m.openBody()) {
                reply = raw.send(null, "POST", h, body, m.length());
            }
            ServerHarness.Received r = assertRefused(reply, id, "insufficient-message-security");
            assertThat(r.header(TransferAs2Constants.FAILURE_CODE))
                    .isEqualTo("INSUFFICENT_MESSAGE_SECURITY_UNENCRYPTED");
        }
    }

    @Test
    void garbageCms() throws Exception {
        String id = RawAs2.newMessageId();
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        ServerHarness.Received r = assertRefused(raw.post(cmsHeaders(id), garbage), id, "decryption-failed");
        assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("DECRYPT_FAILED_INVALID_SMIME_FORMAT");
        assertThat(r.bodySize()).as("the raw message reaches the route for failed/").isEqualTo(garbage.length);
    }

    @Test
    void signatureByAnUnknownCertificate() throws Exception {
        String id = RawAs2.newMessageId();
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12", SigningAlg.SHA256, EncryptionAlg.AES256_CBC,
                CompressionEnum.DISABLED, TestKeys.key("stranger"))) {
            ServerHarness.Received r = assertRefused(raw.post(m, headers(id)), id, "authentication-failed");
            assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("VERIFICATION_FAILED");
        }
    }

    @Test
    void expiredPartnerCertificate() throws Exception {
        Instant now = Instant.now();
        KeyMaterial expired = TestKeys.key("expired-partner", now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(1)));
        String profile = server.partnerProfile("EXPIRED", expired);
        server.registry.createAgreement(server.agreement(profile, "/inbox/expired"));
        String id = RawAs2.newMessageId();
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12", SigningAlg.SHA256, EncryptionAlg.AES256_CBC,
                CompressionEnum.DISABLED, expired)) {
            RawAs2.Reply reply = raw.post(m, RawAs2.as2Headers("EXPIRED", ServerHarness.LOCAL, id));
            assertThat(reply.mdn(server.localKey).disposition().modifier()).isEqualTo("authentication-failed");
        }
        ServerHarness.Received r = server.awaitMessage(id);
        assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("VERIFICATION_FAILED");
        assertThat(r.header(TransferAs2Constants.PAYLOAD_KEY)).startsWith("expired/failed/");
    }

    @Test
    void replayedMessageIdWithOtherContentIsNotLanded() throws Exception {
        String id = RawAs2.newMessageId();
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
            assertThat(raw.post(m, headers(id)).mdn(server.localKey).disposition().isSuccess()).isTrue();
        }
        server.awaitMessage(id);
        try (OutboundMessage m = raw.build("ISA*REPLAYED~".getBytes(StandardCharsets.US_ASCII), "evil.x12")) {
            assertThat(raw.post(m, headers(id)).mdn(server.localKey).disposition().modifier())
                    .isEqualTo("duplicate-document");
        }
        // no sleep needed: the consumer answers after the route has run (deliver, then respond)
        assertThat(server.received).hasSize(1);
        assertThat(server.landedFiles()).noneMatch(f -> f.contains("evil"));
    }

    @Test
    void zipBombStopsAtTheLimit() throws Exception {
        String id = RawAs2.newMessageId();
        long expanded = 512L << 20;
        OutboundMessageRequest request = OutboundMessageRequest.builder()
                .payload(new ZeroStream(expanded)).filename("bomb.x12").contentType("application/edi-x12")
                .signingAlgorithm(SigningAlg.SHA256).signingKey(server.partnerKey)
                .encryptionAlgorithm(EncryptionAlg.AES256_CBC).encryptionCertificate(server.localKey)
                .compression(CompressionEnum.ZLIB).compressionLevel(9).micAlgorithm(MicAlgorithm.SHA256)
                .tempDirectory(root).build();
        try (OutboundMessage bomb = new As2MessageBuilder().build(request)) {
            assertThat(bomb.length()).isLessThan(expanded / 500);
            CompletableFuture<RawAs2.Reply> sent = CompletableFuture.supplyAsync(() -> {
                try {
                    return raw.post(bomb, headers(id));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(otherPartnerSends()).as("served while the bomb is opened").isTrue();
            ServerHarness.Received r = assertRefused(sent.get(), id, "decompression-failed");
            assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("DECOMPRESSION_FAILED");
        }
        try (Stream<Path> files = Files.walk(server.tempDir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName() + " " + p.toFile().length())
                    .toList()).as("temp files left behind").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../etc/passwd", "/etc/passwd", "C:\\Windows\\system.ini", "..\\..\\boot.ini",
            "..", "report\u202Efdp.exe", "tab\there.x12", "%2e%2e%2fsecret.x12"})
    void filenamesCannotEscapeTheAgreementsDirectories(String hostileName) throws Exception {
        String id = RawAs2.newMessageId();
        try (OutboundMessage m = raw.build(PAYLOAD, hostileName)) {
            assertThat(raw.post(m, headers(id)).mdn(server.localKey).disposition().isSuccess()).isTrue();
        }
        ServerHarness.Received r = server.awaitMessage(id);
        String key = r.header(TransferAs2Constants.PAYLOAD_KEY);
        assertThat(key).startsWith("partner/processed/");
        String name = key.substring("partner/processed/".length());
        assertThat(name).doesNotContain("/", "\\", "\u202E", "\t", "%").doesNotStartWith(".");
        assertThat(r.landed()).startsWith(server.root.resolve("s3/inbox/partner/processed"));
        assertThat(Files.readAllBytes(r.landed())).isEqualTo(PAYLOAD);
    }

    @Test
    void veryLongFilenameIsShortened() throws Exception {
        String id = RawAs2.newMessageId();
        try (OutboundMessage m = raw.build(PAYLOAD, "x".repeat(5000) + ".x12")) {
            assertThat(raw.post(m, headers(id)).mdn(server.localKey).disposition().isSuccess()).isTrue();
        }
        String name = server.awaitMessage(id).header(TransferAs2Constants.FILE_NAME);
        assertThat(name).hasSize(FileNames.MAX_FILE_NAME_BYTES).endsWith(".x12");
    }

    @Test
    void oneMegabyteHeaderLine() throws Exception {
        Map<String, String> h = new LinkedHashMap<>(headers(RawAs2.newMessageId()));
        h.put("X-Padding", "a".repeat(1 << 20));
        assertClientError(h);
    }

    @Test
    void tenThousandHeaders() throws Exception {
        Map<String, String> h = new LinkedHashMap<>(headers(RawAs2.newMessageId()));
        for (int i = 0; i < 10_000; i++) {
            h.put("X-Header-" + i, "v");
        }
        assertClientError(h);
    }

    private static void assertClientError(Map<String, String> h) throws Exception {
        int status;
        try {
            status = raw.send(null, "POST", h, new java.io.ByteArrayInputStream(PAYLOAD), PAYLOAD.length).status();
        } catch (IOException e) {
            status = -1;   // the server may also drop the connection
        }
        assertThat(status).as("HTTP status (-1: connection dropped)").satisfiesAnyOf(
                s -> assertThat(s).isBetween(400, 499), s -> assertThat(s).isEqualTo(-1));
        // no sleep needed: the consumer answers after the route has run (deliver, then respond)
        assertThat(server.received).isEmpty();
    }

    @Test
    void unknownEncryptionAlgorithm() throws Exception {
        String id = RawAs2.newMessageId();
        byte[] inner = ("Content-Type: application/edi-x12\r\n\r\n" + new String(PAYLOAD, StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII);
        RawAs2.Reply reply = raw.post(cmsHeaders(id), envelope(inner, server.localKey.certificate(),
                CMSAlgorithm.CAMELLIA128_CBC));
        ServerHarness.Received r = assertRefused(reply, id, "decryption-failed");
        assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("ERROR_DECRYPT_UNSUPPORTED_ENCRYPTION_ALG");
    }

    @Test
    void bodyLargerThanMaxMessageSizeIsRefusedBeforeItIsRead() throws Exception {
        String id = RawAs2.newMessageId();
        Map<String, String> h = new LinkedHashMap<>(cmsHeaders(id));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port));
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder("POST /as2 HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n");
            h.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("Content-Length: ").append(1L << 40).append("\r\n\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            RawAs2.Reply reply = RawAs2.read(socket.getInputStream());
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.text()).contains("maxMessageSize");
        }
        assertThat(server.awaitMessage(id).status()).isEqualTo("FAILED");
    }

    @Test
    void messageEncryptedForSomeoneElse() throws Exception {
        String id = RawAs2.newMessageId();
        KeyMaterial notOurs = TestKeys.key("someone-else");
        byte[] inner = "Content-Type: application/edi-x12\r\n\r\nx".getBytes(StandardCharsets.US_ASCII);
        ServerHarness.Received r = assertRefused(raw.post(cmsHeaders(id), envelope(inner, notOurs.certificate(),
                CMSAlgorithm.AES128_CBC)), id, "decryption-failed");
        assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("DECRYPT_FAILED_NO_DECRYPTION_KEY_FOUND");
    }

    /** {@code length} zero bytes, generated. */
    static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
