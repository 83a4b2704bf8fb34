package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Inflater;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MIC of every signing x encryption x compression-order combination against a reference computed outside our
 * code: OpenSSL decrypts ({@code openssl cms -decrypt}), verifies the detached signature over the bytes this test cut
 * out of the multipart/signed entity ({@code openssl cms -verify -content}, which proves they are exactly the signed
 * entity), walks the CMS CompressedData ({@code openssl asn1parse}; the JDK's Inflater undoes the ZLIB stream, as
 * OpenSSL is built without zlib) and digests ({@code openssl dgst}). The rule (RFC 5402 section 4, docs/mic.md):
 *
 * <ul>
 * <li>signed: the signed entity, headers included; under compress-then-sign the compressed-data entity, under
 * sign-then-compress the signed part after decompression;</li>
 * <li>compressed, not signed (encrypted or not): the uncompressed entity, headers included;</li>
 * <li>encrypted only: the entity that was encrypted, headers included (RFC 4130 section 7.3.1);</li>
 * <li>none of them: the body as sent, headers excluded (RFC 4130 section 7.3.1).</li>
 * </ul>
 *
 * Both directions are checked: the sender's MIC and the MIC our parser computes on receipt. Needs {@code openssl} on
 * the PATH ({@code .ci/run} installs it when absent).
 */
class MicReferenceTest {
    private static final KeyMaterial SENDER = TestKeys.key("mic-ref-sender");
    private static final KeyMaterial RECEIVER = TestKeys.key("mic-ref-receiver");
    private static final byte[] PAYLOAD = ("ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       "
            + "*260101*1200*U*00401*000000001*0*P*>~\r\nGS*PO*S*R*20260101*1200*1*X*004010~\n"
            + "LIN*1*BP*PART-1~\r\n".repeat(200) + "IEA*1*000000001~\r\n").getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path dir;
    private static Path receiverKey;
    private static Path receiverCert;
    private static Path senderCert;

    @BeforeAll
    static void keys() throws Exception {
        receiverKey = Files.writeString(dir.resolve("receiver.key"), TestKeys.privateKeyPem(RECEIVER));
        receiverCert = Files.writeString(dir.resolve("receiver.crt"), TestKeys.certificatePem(RECEIVER));
        senderCert = Files.writeString(dir.resolve("sender.crt"), TestKeys.certificatePem(SENDER));
        String version = new String(openssl(null, "version"), StandardCharsets.US_ASCII);
        System.out.println("MIC reference: " + version.trim());
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (SigningAlg sign : List.of(SigningAlg.NONE, SigningAlg.SHA256)) {
            for (EncryptionAlg enc : List.of(EncryptionAlg.NONE, EncryptionAlg.AES256_CBC)) {
                all.add(Arguments.of(sign, enc, CompressionEnum.DISABLED, CompressionOrder.BEFORE_SIGNING));
                all.add(Arguments.of(sign, enc, CompressionEnum.ZLIB, CompressionOrder.BEFORE_SIGNING));
                if (sign != SigningAlg.NONE) {
                    all.add(Arguments.of(sign, enc, CompressionEnum.ZLIB, CompressionOrder.AFTER_SIGNING));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("combinations")
    void ourMicIsTheReferenceMicInBothDirections(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression,
                                                 CompressionOrder order) throws Exception {
        OutboundMessageRequest.Builder out = OutboundMessageRequest.builder()
                .payload(new ByteArrayInputStream(PAYLOAD))
                .filename("po.edi")
                .contentType("application/edi-x12")
                .signingAlgorithm(sign)
                .encryptionAlgorithm(enc)
                .compression(compression)
                .compressionOrder(order)
                .micAlgorithm(MicAlgorithm.SHA256);
        if (sign != SigningAlg.NONE) {
            out.signingKey(SENDER);
        }
        if (enc != EncryptionAlg.NONE) {
            out.encryptionCertificate(RECEIVER);
        }
        try (OutboundMessage message = new As2MessageBuilder().build(out.build())) {
            byte[] body = Files.readAllBytes(message.file());
            String reference = referenceMic(message.headers().get("Content-Type"), body, sign, enc, compression);

            assertThat(message.mic().base64()).as("sender MIC").isEqualTo(reference);
            try (InboundMessage received = new As2MessageParser().parse(InboundMessageRequest.builder()
                    .headers(message.headers())
                    .header("Message-ID", "<mic-ref@test>")
                    .header("Disposition-Notification-Options", DispositionNotificationOptions
                            .signedReceipt(MicAlgorithm.SHA256).toHeaderValue())
                    .body(message.openBody())
                    .decryptionKeys(List.of(RECEIVER))
                    .partnerSigningMaterial(List.of(SENDER))
                    .requireEncryption(enc != EncryptionAlg.NONE)
                    .requireSignature(sign != SigningAlg.NONE)
                    .tempDirectory(dir)
                    .build())) {
                assertThat(received.mic().base64()).as("receiver MIC").isEqualTo(reference);
                assertThat(Files.readAllBytes(received.payload())).isEqualTo(PAYLOAD);
            }
        }
    }

    /** Unwraps the HTTP body with OpenSSL and the JDK and digests what RFC 5402 section 4 names. */
    private static String referenceMic(String contentType, byte[] body, SigningAlg sign, EncryptionAlg enc,
                                       CompressionEnum compression) throws Exception {
        boolean signed = sign != SigningAlg.NONE;
        boolean compressed = compression == CompressionEnum.ZLIB;
        if (!signed && enc == EncryptionAlg.NONE && !compressed) {
            return sha256(body); // RFC 4130 7.3.1: the content without headers
        }
        Entity entity = new Entity(Map.of("content-type", contentType), body, null);
        if (entity.is("enveloped-data")) {
            Path der = Files.write(dir.resolve("enveloped.der"), entity.decodedBody());
            entity = Entity.parse(openssl(null, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", der.toString(),
                    "-recip", receiverCert.toString(), "-inkey", receiverKey.toString()));
            if (!signed && !compressed) {
                return sha256(entity.raw()); // the entity that was encrypted, headers included
            }
        }
        if (entity.is("compressed-data")) {
            if (!signed) {
                return sha256(uncompress(entity).raw()); // RFC 5402 4.2 / 4.3: uncompressed, headers included
            }
            if (!entity.contentType().startsWith("multipart/signed")) {
                entity = uncompress(entity); // sign-then-compress: the signed entity is inside
            }
        }
        assertThat(entity.contentType()).startsWith("multipart/signed");
        byte[][] parts = signedParts(entity);
        Path content = Files.write(dir.resolve("signed-part.bin"), parts[0]);
        Path signature = Files.write(dir.resolve("signature.der"), Entity.parse(parts[1]).decodedBody());
        // proves that the bytes cut out here are exactly what the sender signed
        openssl(null, "cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(), "-content",
                content.toString(), "-CAfile", senderCert.toString(), "-purpose", "any", "-out", "/dev/null");
        return sha256(parts[0]); // RFC 5402 4.1: the signed entity, headers included (compressed or not)
    }

    /** The two body parts of a multipart/signed entity, exactly as delimited (RFC 2046 5.1.1). */
    private static byte[][] signedParts(Entity signed) {
        Matcher m = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(signed.contentType());
        assertThat(m.find()).isTrue();
        byte[] body = signed.decodedBody();
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.US_ASCII);
        int first = indexOf(body, delimiter, 0);
        int start1 = indexOf(body, "\r\n".getBytes(StandardCharsets.US_ASCII), first) + 2;
        byte[] crlfDelimiter = ("\r\n--" + m.group(1)).getBytes(StandardCharsets.US_ASCII);
        int end1 = indexOf(body, crlfDelimiter, start1);
        int start2 = indexOf(body, "\r\n".getBytes(StandardCharsets.US_ASCII), end1 + 2) + 2;
        int end2 = indexOf(body, crlfDelimiter, start2);
        return new byte[][] {Arrays.copyOfRange(body, start1, end1), Arrays.copyOfRange(body, start2, end2)};
    }

    /** CMS CompressedData: OpenSSL lists the eContent OCTET STRING chunks, the JDK inflates the ZLIB stream. */
    private static Entity uncompress(Entity compressed) throws Exception {
        byte[] der = compressed.decodedBody();
        Path file = Files.write(dir.resolve("compressed.der"), der);
        String listing = new String(openssl(null, "asn1parse", "-inform", "DER", "-in", file.toString()),
                StandardCharsets.US_ASCII);
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        Matcher line = Pattern.compile("(?m)^\\s*(\\d+):d=\\d+\\s+hl=(\\d+)\\s+l=\\s*(\\d+)\\s+prim:\\s+OCTET STRING")
                .matcher(listing);
        while (line.find()) {
            int offset = Integer.parseInt(line.group(1)) + Integer.parseInt(line.group(2));
            zlib.write(der, offset, Integer.parseInt(line.group(3)));
        }
        Inflater inflater = new Inflater();
        inflater.setInput(zlib.toByteArray());
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                throw new AssertionError("truncated ZLIB stream");
            }
            plain.write(buffer, 0, n);
        }
        inflater.end();
        return Entity.parse(plain.toByteArray());
    }

    private static String sha256(byte[] data) throws Exception {
        Path file = Files.write(dir.resolve("digest-input.bin"), data);
        byte[] digest = openssl(null, "dgst", "-sha256", "-binary", file.toString());
        assertThat(digest).hasSize(32);
        return Base64.getEncoder().encodeToString(digest);
    }

    private static byte[] openssl(byte[] stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new AssertionError("openssl is needed on the PATH for the MIC reference (apt-get install openssl;"
                    + " .ci/run installs it)", e);
        }
        if (stdin != null) {
            p.getOutputStream().write(stdin);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + err).isZero();
        return out;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + new String(pattern, StandardCharsets.US_ASCII));
    }

    /** A MIME entity as bytes: headers (lower-case names) and body; raw = both, as they were written. */
    private record Entity(Map<String, String> headers, byte[] body, byte[] raw) {
        static Entity parse(byte[] raw) {
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            Map<String, String> headers = new LinkedHashMap<>();
            String block = new String(raw, 0, end, StandardCharsets.US_ASCII).replaceAll("\r\n[ \t]+", " ");
            for (String line : block.split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            return new Entity(headers, Arrays.copyOfRange(raw, end + 4, raw.length), raw);
        }

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        boolean is(String smimeType) {
            return contentType().toLowerCase(Locale.ROOT).contains("smime-type=" + smimeType);
        }

        byte[] decodedBody() {
            String cte = headers.getOrDefault("content-transfer-encoding", "binary").toLowerCase(Locale.ROOT);
            return cte.equals("base64") ? Base64.getMimeDecoder().decode(body) : body;
        }
    }
}
