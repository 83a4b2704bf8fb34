package io.transferas2.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSCompressedDataGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.ZlibCompressor;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OutputCompressor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.as2.ReceivedMdn;
import io.transferas2.camel.TransferAs2Constants;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 items 4-7: inner entities that were acknowledged as good although they were malformed. Each message is a
 * hand-built MIME entity, encrypted for the station and POSTed over loopback; the answer is the MDN and what landed.
 */
class ServerMalformedEntityTest {
    static final byte[] PAYLOAD = "ISA*00*malformed-entity-test~".getBytes(StandardCharsets.US_ASCII);
    @TempDir
    static Path root;
    static ServerHarness server;
    static RawAs2 raw;

    @BeforeAll
    static void start() throws Exception {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        server = new ServerHarness(root).start("");
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

    /** Item 4: 6 header lines of 12,000 bytes (72 KB, within the limits) are headers, not payload. */
    @Test
    void largeHeaderBlockWithinTheLimitsIsParsed() throws Exception {
        StringBuilder head = new StringBuilder("Content-Type: application/edi-x12\r\n"
                + "Content-Disposition: attachment; filename=\"big-headers.x12\"\r\n");
        for (int i = 0; i < 6; i++) {
            head.append("X-Padding-").append(i).append(": ").append("a".repeat(12_000)).append("\r\n");
        }
        ServerHarness.Received r = send(entity(head.append("\r\n").toString(), PAYLOAD), "processed");
        assertThat(r.header(TransferAs2Constants.FILE_NAME)).isEqualTo("big-headers.x12");
        assertThat(Files.readAllBytes(r.landed())).isEqualTo(PAYLOAD);
    }

    /** Item 4: a 1 MB header line is refused with INVALID_REQUEST, not stored as payload. */
    @Test
    void oneMegabyteInnerHeaderLineIsRefused() throws Exception {
        String head = "Content-Type: application/edi-x12\r\nX-Padding: " + "a".repeat(1 << 20) + "\r\n\r\n";
        ServerHarness.Received r = refused(entity(head, PAYLOAD), "unexpected-processing-error");
        assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("INVALID_REQUEST");
        assertThat(r.header(TransferAs2Constants.FAILURE_MESSAGE)).contains("maxHeaderLineLength");
    }

    /** Item 4: 50,000 header lines are refused with INVALID_REQUEST. */
    @Test
    void fiftyThousandInnerHeaderLinesAreRefused() throws Exception {
        StringBuilder head = new StringBuilder("Content-Type: application/edi-x12\r\n");
        for (int i = 0; i < 50_000; i++) {
            head.append("X-H").append(i).append(": v\r\n");
        }
        ServerHarness.Received r = refused(entity(head.append("\r\n").toString(), PAYLOAD),
                "unexpected-processing-error");
        assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("INVALID_REQUEST");
        assertThat(r.header(TransferAs2Constants.FAILURE_MESSAGE)).contains("maxHeaderCount");
    }

    /** A bare payload (no MIME headers, as Mendelson can send) whose first line is long is still a payload. */
    @Test
    void bareEdifactPayloadWithALongFirstLineIsStillAPayload() throws Exception {
        byte[] edifact = ("UNA:+.? 'UNB+UNOC:3+PARTNER+MYCOMPANY+" + "x".repeat(40_000) + "'")
                .getBytes(StandardCharsets.US_ASCII);
        ServerHarness.Received r = send(edifact, "processed");
        assertThat(Files.readAllBytes(r.landed())).isEqualTo(edifact);
    }

    /** Item 5: characters outside the base64 alphabet fail the message with decoding-error. */
    @Test
    void invalidBase64IsRefused() throws Exception {
        String head = "Content-Type: application/edi-x12\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"junk.x12\"\r\n\r\n";
        ServerHarness.Received r = refused(entity(head, "!!!not base64 ###".getBytes(StandardCharsets.US_ASCII)),
                "decoding-error");
        assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("INVALID_REQUEST");
    }

    /** Item 5: valid base64 with line breaks still decodes. */
    @Test
    void validBase64WithLineBreaksDecodes() throws Exception {
        String encoded = java.util.Base64.getMimeEncoder(8, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(PAYLOAD);
        String head = "Content-Type: application/edi-x12\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"ok64.x12\"\r\n\r\n";
        ServerHarness.Received r = send(entity(head, (encoded + "\r\n").getBytes(StandardCharsets.US_ASCII)),
                "processed");
        assertThat(Files.readAllBytes(r.landed())).isEqualTo(PAYLOAD);
    }

    /** Item 6: a compression algorithm other than ZLIB is refused with unsupported-format, not inflated as zlib. */
    @Test
    void unknownCompressionAlgorithmIsRefused() throws Exception {
        byte[] inner = entity("Content-Type: application/edi-x12\r\n"
                + "Content-Disposition: attachment; filename=\"z.x12\"\r\n\r\n", PAYLOAD);
        OutputCompressor bogus = new OutputCompressor() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.3.99"));
            }

            @Override
            public OutputStream getOutputStream(OutputStream out) {
                return new DeflaterOutputStream(out);
            }
        };
        byte[] compressed = new CMSCompressedDataGenerator().generate(new CMSProcessableByteArray(inner), bogus)
                .getEncoded();
        byte[] outer = entity("Content-Type: application/pkcs7-mime; smime-type=compressed-data; name=smime.p7z\r\n"
                + "Content-Transfer-Encoding: binary\r\n\r\n", compressed);
        ServerHarness.Received r = refused(outer, "unsupported-format");
        assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("DECOMPRESSION_FAILED");

        // ZLIB itself still works
        byte[] zlib = new CMSCompressedDataGenerator().generate(new CMSProcessableByteArray(inner),
                new ZlibCompressor()).getEncoded();
        send(entity("Content-Type: application/pkcs7-mime; smime-type=compressed-data; name=smime.p7z\r\n"
                + "Content-Transfer-Encoding: binary\r\n\r\n", zlib), "processed");
    }

    /** Item 7: a raw UTF-8 file name is read as UTF-8. */
    @Test
    void rawUtf8FileNameIsDecodedAsUtf8() throws Exception {
        String name = "Übersicht-日本.x12";
        byte[] head = ("Content-Type: application/edi-x12\r\nContent-Disposition: attachment; filename=\"" + name
                + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        ServerHarness.Received r = send(concat(head, PAYLOAD), "processed");
        assertThat(r.header(TransferAs2Constants.FILE_NAME)).isEqualTo(name);
        assertThat(r.header(TransferAs2Constants.PAYLOAD_KEY)).startsWith("partner/processed/Übersicht-日本.");
    }

    /** A Latin-1 file name (bytes that are not UTF-8) stays Latin-1. */
    @Test
    void latin1FileNameStaysLatin1() throws Exception {
        String name = "Übersicht.x12";
        byte[] head = ("Content-Type: application/edi-x12\r\nContent-Disposition: attachment; filename=\"" + name
                + "\"\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ServerHarness.Received r = send(concat(head, PAYLOAD), "processed");
        assertThat(r.header(TransferAs2Constants.FILE_NAME)).isEqualTo(name);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static byte[] entity(String head, byte[] body) {
        return concat(head.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** Encrypts {@code inner} for the station, POSTs it, expects a positive MDN and the payload under processed/. */
    private static ServerHarness.Received send(byte[] inner, String where) throws Exception {
        String id = RawAs2.newMessageId();
        RawAs2.Reply reply = raw.post(cmsHeaders(id), envelope(inner));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mdn(server.localKey).disposition().toFieldValue())
                .isEqualTo("automatic-action/MDN-sent-automatically; processed");
        ServerHarness.Received r = server.awaitMessage(id);
        assertThat(r.status()).isEqualTo("COMPLETED");
        assertThat(r.header(TransferAs2Constants.PAYLOAD_KEY)).startsWith("partner/" + where + "/");
        return r;
    }

    /** Expects an error MDN with {@code modifier}, a FAILED exchange and nothing under processed/. */
    private static ServerHarness.Received refused(byte[] inner, String modifier) throws Exception {
        String id = RawAs2.newMessageId();
        RawAs2.Reply reply = raw.post(cmsHeaders(id), envelope(inner));
        assertThat(reply.status()).isEqualTo(200);
        ReceivedMdn mdn = reply.mdn(server.localKey);
        assertThat(mdn.disposition().modifierKind()).isEqualTo("error");
        assertThat(mdn.disposition().modifier()).isEqualTo(modifier);
        ServerHarness.Received r = server.awaitMessage(id);
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(server.landedFiles()).noneMatch(f -> f.contains("/processed/") && f.contains(id));
        return r;
    }

    private static Map<String, String> cmsHeaders(String id) {
        Map<String, String> h = new LinkedHashMap<>(RawAs2.as2Headers(ServerHarness.PARTNER, ServerHarness.LOCAL, id));
        h.put("Content-Type", "application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m");
        h.put("Content-Transfer-Encoding", "binary");
        return h;
    }

    private static byte[] envelope(byte[] content) throws Exception {
        CMSEnvelopedDataGenerator gen = new CMSEnvelopedDataGenerator();
        gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(server.localKey.certificate())
                .setProvider("BC"));
        return gen.generate(new CMSProcessableByteArray(content),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setProvider("BC").build()).getEncoded();
    }
}
