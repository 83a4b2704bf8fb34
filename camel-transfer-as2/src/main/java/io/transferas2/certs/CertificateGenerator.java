package io.transferas2.certs;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates RSA keys with self-signed certificates, for demos, the quickstart's first run and tests. Production partners
 * exchange certificates; these are for stations you run yourself.
 */
public final class CertificateGenerator {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateGenerator() {
    }

    /** A new RSA key and a self-signed certificate valid from {@code notBefore} to {@code notAfter}. */
    public static KeyMaterial selfSigned(String commonName, int rsaBits, Instant notBefore, Instant notAfter,
                                         String... dnsNames) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(rsaBits, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            return new KeyMaterial(null, certificate(pair, commonName, notBefore, notAfter, dnsNames), List.of(),
                    pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot generate a certificate for " + commonName, e);
        }
    }

    /** A 2048-bit key with a certificate valid from a day ago for {@code validity}. */
    public static KeyMaterial selfSigned(String commonName, Duration validity) {
        Instant now = Instant.now();
        return selfSigned(commonName, 2048, now.minus(Duration.ofDays(1)), now.plus(validity));
    }

    private static X509Certificate certificate(KeyPair pair, String commonName, Instant notBefore, Instant notAfter,
                                               String... dnsNames)
            throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
        X500Name subject = new X500Name("CN=" + commonName);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                | KeyUsage.keyEncipherment | KeyUsage.dataEncipherment));
        if (dnsNames.length > 0) {
            GeneralName[] names = new GeneralName[dnsNames.length];
            for (int i = 0; i < dnsNames.length; i++) {
                names[i] = dnsNames[i].matches("[0-9.]+|.*:.*")
                        ? new GeneralName(GeneralName.iPAddress, dnsNames[i])
                        : new GeneralName(GeneralName.dNSName, dnsNames[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }
}
