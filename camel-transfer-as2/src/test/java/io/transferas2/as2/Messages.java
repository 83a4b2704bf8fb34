package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

/** Helpers to build messages (as bytes) and parse them, for negative and edge-case tests. */
final class Messages {
    static final KeyMaterial SENDER = RoundTrip.SENDER;
    static final KeyMaterial RECEIVER = RoundTrip.RECEIVER;

    private Messages() {
    }

    /** A built message held in memory: headers and body. */
    record Built(Map<String, String> headers, byte[] body, Mic mic) {
        String contentType() {
            return headers.get("Content-Type");
        }
    }

    static Built build(byte[] payload, Consumer<OutboundMessageRequest.Builder> customise) throws IOException {
        OutboundMessageRequest.Builder b = OutboundMessageRequest.builder()
                .payload(new ByteArrayInputStream(payload)).filename("data.bin").contentType("application/edi-x12")
                .signingKey(SENDER).encryptionCertificate(RECEIVER)
                .signingAlgorithm(SigningAlg.SHA256).encryptionAlgorithm(EncryptionAlg.AES256_CBC)
                .compression(CompressionEnum.DISABLED);
        customise.accept(b);
        try (OutboundMessage m = new As2MessageBuilder().build(b.build())) {
            return new Built(m.headers(), Files.readAllBytes(m.file()), m.mic());
        }
    }

    static InboundMessageRequest.Builder request(String contentType, byte[] body) {
        return InboundMessageRequest.builder()
                .header("Content-Type", contentType)
                .header("Subject", "negative")
                .body(new ByteArrayInputStream(body))
                .decryptionKeys(List.of(RECEIVER))
                .partnerSigningMaterial(List.of(SENDER));
    }

    static InboundMessageRequest.Builder request(Built built) {
        return request(built.contentType(), built.body());
    }

    static byte[] concat(String text, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.writeBytes(tail);
        return out.toByteArray();
    }

    static long fileCount(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }

    /** A self-signed certificate over a non-RSA key, to make RSA key transport or signing fail. */
    static KeyMaterial nonRsa(String algorithm, String signatureAlgorithm) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                g.initialize(256);
            } else {
                g.initialize(2048);
            }
            KeyPair kp = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=non-rsa-" + algorithm);
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(30, ChronoUnit.DAYS)), name, kp.getPublic())
                    .build(new JcaContentSignerBuilder(signatureAlgorithm).build(kp.getPrivate())));
            return new KeyMaterial("non-rsa", cert, List.of(), kp.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
