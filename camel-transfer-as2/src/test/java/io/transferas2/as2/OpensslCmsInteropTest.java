package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.transferas2.model.As2Algorithm;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.SigningAlg;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extended algorithms against an independent implementation, the {@code openssl cms} command line (OpenSSL 3),
 * in both directions and every combination of content encryption (none, AES256-CBC, AES128-GCM, AES256-GCM), key
 * transport (RSA PKCS #1 v1.5, RSAES-OAEP SHA-256/MGF1-SHA-256) and signature (none, RSA PKCS #1 v1.5, RSASSA-PSS):
 * messages we build are decrypted ({@code -decrypt}) and verified ({@code -verify}) by OpenSSL with the payload
 * intact; messages OpenSSL builds ({@code -sign -keyopt rsa_padding_mode:pss}, {@code -encrypt -aes-256-gcm
 * -keyopt rsa_padding_mode:oaep}) are read by our parser, which reports the algorithms it found in them. Needs
 * {@code openssl} on the PATH (.ci/run installs it).
 */
class OpensslCmsInteropTest {
    private static final As2Algorithm NONE = null;

    @TempDir
    static Path dir;
    private static Path senderKey;
    private static Path senderCert;
    private static Path receiverKey;
    private static Path receiverCert;

    @BeforeAll
    static void keys() throws Exception {
        senderKey = Files.writeString(dir.resolve("sender.key"), TestKeys.privateKeyPem(RoundTrip.SENDER));
        senderCert = Files.writeString(dir.resolve("sender.crt"), TestKeys.certificatePem(RoundTrip.SENDER));
        receiverKey = Files.writeString(dir.resolve("receiver.key"), TestKeys.privateKeyPem(RoundTrip.RECEIVER));
        receiverCert = Files.writeString(dir.resolve("receiver.crt"), TestKeys.certificatePem(RoundTrip.RECEIVER));
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        List<As2Algorithm> encryptions = Arrays.asList(NONE, As2Algorithm.AES256_CBC, As2Algorithm.AES128_GCM,
                As2Algorithm.AES256_GCM);
        for (As2Algorithm enc : encryptions) {
            List<As2Algorithm> transports = enc == NONE ? Arrays.asList(NONE)
                    : List.of(As2Algorithm.RSAES_PKCS1_V1_5, As2Algorithm.RSAES_OAEP);
            for (As2Algorithm transport : transports) {
                for (As2Algorithm scheme : Arrays.asList(NONE, As2Algorithm.RSASSA_PKCS1_V1_5,
                        As2Algorithm.RSASSA_PSS)) {
                    if (enc != NONE || scheme != NONE) {
                        all.add(Arguments.of(enc, transport, scheme));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "ours to openssl: {0} {1} {2}")
    @MethodSource("combinations")
    void opensslDecryptsAndVerifiesWhatWeBuild(As2Algorithm enc, As2Algorithm transport, As2Algorithm scheme)
            throws Exception {
        byte[] payload = RoundTrip.payload(100_000, 11);
        OutboundMessageRequest.Builder b = OutboundMessageRequest.builder()
                .payload(new ByteArrayInputStream(payload)).contentType("application/octet-stream")
                .contentEncryption(enc).signingAlgorithm(scheme == NONE ? SigningAlg.NONE : SigningAlg.SHA256)
                .compression(CompressionEnum.DISABLED);
        if (enc != NONE) {
            b.encryptionCertificate(RoundTrip.RECEIVER).keyTransport(transport);
        }
        if (scheme != NONE) {
            b.signingKey(RoundTrip.SENDER).signatureScheme(scheme);
        }
        try (OutboundMessage message = new As2MessageBuilder().build(b.build())) {
            byte[] entity;
            if (enc != NONE) {
                String info = new String(openssl("cms", "-cmsout", "-print", "-inform", "DER", "-in",
                        message.file().toString()), StandardCharsets.UTF_8);
                assertThat(info).contains("(" + ContentEncryption.of(enc).orElseThrow().oid().getId() + ")");
                if (transport == As2Algorithm.RSAES_OAEP) {
                    assertThat(info).contains("(" + PKCSObjectIdentifiers.id_RSAES_OAEP.getId() + ")");
                } else {
                    assertThat(info).doesNotContain(PKCSObjectIdentifiers.id_RSAES_OAEP.getId());
                }
                entity = openssl("cms", "-decrypt", "-binary", "-inform", "DER", "-in", message.file().toString(),
                        "-inkey", receiverKey.toString(), "-recip", receiverCert.toString());
            } else {
                entity = withHeaders(message.headers(), Files.readAllBytes(message.file()));
            }
            if (scheme != NONE) {
                Path signed = Files.write(dir.resolve("signed.mime"), entity);
                // -binary alone makes OpenSSL 3 rejoin the signed part's lines with LF (its multipart splitter):
                // -crlfeol keeps the CRLF the signature covers, and a lone LF in binary content stays as it is
                entity = openssl("cms", "-verify", "-binary", "-crlfeol", "-inform", "SMIME", "-in",
                        signed.toString(),
                        "-noverify", "-certfile", senderCert.toString());
                String info = new String(openssl("cms", "-cmsout", "-print", "-inform", "SMIME", "-in",
                        signed.toString()), StandardCharsets.UTF_8);
                if (scheme == As2Algorithm.RSASSA_PSS) {
                    assertThat(info).contains("rsassaPss");
                } else {
                    assertThat(info).doesNotContain("rsassaPss").contains("sha256WithRSAEncryption");
                }
            }
            assertThat(body(entity)).isEqualTo(payload);
        }
    }

    @ParameterizedTest(name = "openssl to ours: {0} {1} {2}")
    @MethodSource("combinations")
    void weReadWhatOpensslBuilds(As2Algorithm enc, As2Algorithm transport, As2Algorithm scheme) throws Exception {
        byte[] payload = RoundTrip.payload(100_000, 12);
        byte[] entity = concat(("Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-Disposition: attachment; filename=\"from-openssl.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), payload);
        Path entityFile = Files.write(dir.resolve("entity.mime"), entity);
        byte[] smime = entity;
        if (scheme != NONE) {
            List<String> sign = new ArrayList<>(List.of("cms", "-sign", "-binary", "-crlfeol", "-in",
                    entityFile.toString(), "-signer", senderCert.toString(), "-inkey", senderKey.toString(), "-md",
                    "sha256"));
            if (scheme == As2Algorithm.RSASSA_PSS) {
                sign.addAll(List.of("-keyopt", "rsa_padding_mode:pss"));
            }
            smime = openssl(sign.toArray(String[]::new));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        if (enc != NONE) {
            Path in = Files.write(dir.resolve("to-encrypt.mime"), smime);
            List<String> encrypt = new ArrayList<>(List.of("cms", "-encrypt", "-binary", "-in", in.toString(),
                    "-outform", "DER", "-recip", receiverCert.toString(),
                    "-" + enc.name().toLowerCase().replace("_", "-").replace("aes", "aes-")));
            if (transport == As2Algorithm.RSAES_OAEP) {
                encrypt.addAll(List.of("-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256",
                        "-keyopt", "rsa_mgf1_md:sha256"));
            }
            body = openssl(encrypt.toArray(String[]::new));
            headers.put("Content-Type", "application/pkcs7-mime; smime-type="
                    + (enc.name().endsWith("GCM") ? "authEnveloped-data" : "enveloped-data") + "; name=smime.p7m");
        } else {
            int end = indexOf(smime, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (String line : new String(smime, 0, end, StandardCharsets.US_ASCII).split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
            body = Arrays.copyOfRange(smime, end + 4, smime.length);
        }
        InboundMessageRequest request = InboundMessageRequest.builder().headers(headers)
                .header("Message-ID", "<openssl@test>").body(new ByteArrayInputStream(body))
                .decryptionKeys(List.of(RoundTrip.RECEIVER)).partnerSigningMaterial(List.of(RoundTrip.SENDER))
                .requireEncryption(enc != NONE).requireSignature(scheme != NONE).build();
        try (InboundMessage received = new As2MessageParser().parse(request)) {
            assertThat(Files.readAllBytes(received.payload())).isEqualTo(payload);
            assertThat(received.filename()).contains("from-openssl.bin");
            assertThat(received.contentEncryption().orElse(NONE)).isEqualTo(enc);
            assertThat(received.keyTransport().orElse(NONE)).isEqualTo(transport);
            assertThat(received.signatureScheme().orElse(NONE)).isEqualTo(scheme);
            if (scheme != NONE) {
                assertThat(received.signatureAlgorithm()).contains(MicAlgorithm.SHA256);
            }
        }
    }

    private static byte[] withHeaders(Map<String, String> headers, byte[] body) {
        StringBuilder h = new StringBuilder();
        headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        return concat(h.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII), body);
    }

    /** The body of a MIME entity: what follows the first empty line. */
    private static byte[] body(byte[] entity) {
        int end = indexOf(entity, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(end).isPositive();
        return Arrays.copyOfRange(entity, end + 4, entity.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(dir.resolve("openssl.err").toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("openssl is needed on the PATH (apt-get install openssl; .ci/run installs it)",
                    e);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": "
                + Files.readString(dir.resolve("openssl.err"))).isZero();
        return out;
    }
}
