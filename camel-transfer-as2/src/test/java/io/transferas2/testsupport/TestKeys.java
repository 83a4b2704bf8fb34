package io.transferas2.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.transferas2.certs.CertificateGenerator;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.certs.PemCodec;
import io.transferas2.model.Certificate;
import io.transferas2.model.CertificateUsageType;

/** RSA keys and self-signed certificates generated once per test JVM, by name. */
public final class TestKeys {
    private static final Map<String, KeyMaterial> CACHE = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    /** A 2048-bit key whose certificate is valid from yesterday for a year. */
    public static KeyMaterial key(String name) {
        return CACHE.computeIfAbsent(name, n -> CertificateGenerator.selfSigned(n, Duration.ofDays(365)));
    }

    /** A key whose certificate is valid exactly from {@code notBefore} to {@code notAfter}. */
    public static KeyMaterial key(String name, Instant notBefore, Instant notAfter) {
        return CACHE.computeIfAbsent(name + "@" + notBefore + "/" + notAfter,
                n -> CertificateGenerator.selfSigned(name, 2048, notBefore, notAfter));
    }

    public static String certificatePem(KeyMaterial key) {
        return PemCodec.toPem(java.util.List.of(key.certificate()));
    }

    public static String privateKeyPem(KeyMaterial key) {
        return PemCodec.privateKeyToPem(key.privateKey().orElseThrow(), null);
    }

    /** ImportCertificate input for the key, with or without the private key. */
    public static Certificate importInput(KeyMaterial key, CertificateUsageType usage, boolean withPrivateKey) {
        Certificate c = new Certificate();
        c.setUsage(usage);
        c.setCertificate(certificatePem(key));
        if (withPrivateKey) {
            c.setPrivateKey(privateKeyPem(key));
        }
        return c;
    }
}
