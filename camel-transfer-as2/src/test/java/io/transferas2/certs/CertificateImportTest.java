package io.transferas2.certs;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.model.Certificate;
import io.transferas2.model.CertificateType;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.KeyStoreReference;
import io.transferas2.registry.InvalidRequestException;
import io.transferas2.registry.RegistrySettings;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateImportTest {
    private static final String PASSWORD = "s3cret-Pa55word";

    @TempDir
    Path dir;

    private final KeyMaterial key = TestKeys.key("import");
    private final TransferRegistry registry = new TransferRegistry(RegistrySettings.defaults()
            .secrets(expression -> {
                if (expression.equals("{{key.password}}")) {
                    return PASSWORD;
                }
                throw new IllegalArgumentException("no value");
            }));

    private Certificate input(String privateKeyPem) {
        Certificate c = TestKeys.importInput(key, CertificateUsageType.SIGNING, false);
        c.setPrivateKey(privateKeyPem);
        return c;
    }

    private void assertImportedWithKey(String certificateId) {
        Certificate described = registry.describeCertificate(certificateId);
        assertThat(described.getType()).isEqualTo(CertificateType.CERTIFICATE_WITH_PRIVATE_KEY);
        KeyMaterial material = registry.certificateEntry(certificateId).orElseThrow().material();
        assertThat(material.privateKey()).get().extracting(PrivateKey::getEncoded)
                .isEqualTo(key.privateKey().orElseThrow().getEncoded());
    }

    @Test
    void importsPkcs8Pem() {
        assertImportedWithKey(registry.importCertificate(input(TestKeys.privateKeyPem(key))));
    }

    @Test
    void importsPkcs1Pem() throws Exception {
        String pkcs1 = pem(key.privateKey().orElseThrow(), null);
        assertThat(pkcs1).contains("BEGIN RSA PRIVATE KEY");
        assertImportedWithKey(registry.importCertificate(input(pkcs1)));
    }

    @Test
    void importsEncryptedPkcs8WithPassword() {
        String encrypted = PemCodec.privateKeyToPem(key.privateKey().orElseThrow(), PASSWORD.toCharArray());
        assertThat(encrypted).contains("BEGIN ENCRYPTED PRIVATE KEY");
        Certificate c = input(encrypted);
        c.setPrivateKeyPassword("{{key.password}}");
        assertImportedWithKey(registry.importCertificate(c));
    }

    @Test
    void importsLegacyEncryptedPkcs1WithPassword() throws Exception {
        String legacy = pem(key.privateKey().orElseThrow(), PASSWORD.toCharArray());
        assertThat(legacy).contains("Proc-Type: 4,ENCRYPTED");
        Certificate c = input(legacy);
        c.setPrivateKeyPassword("{{key.password}}");
        assertImportedWithKey(registry.importCertificate(c));
    }

    @Test
    void encryptedKeyWithoutOrWithWrongPasswordFailsWithoutLeakingIt() {
        String encrypted = PemCodec.privateKeyToPem(key.privateKey().orElseThrow(), PASSWORD.toCharArray());
        assertThatThrownBy(() -> registry.importCertificate(input(encrypted)))
                .isInstanceOf(KeyImportException.class).hasMessageContaining("PrivateKeyPassword");
        Certificate wrong = input(encrypted);
        wrong.setPrivateKeyPassword("not-the-password");
        assertThatThrownBy(() -> registry.importCertificate(wrong))
                .isInstanceOf(KeyImportException.class).hasMessageContaining("wrong password")
                .message().doesNotContain("not-the-password").doesNotContain(PASSWORD);
        Certificate unresolved = input(encrypted);
        unresolved.setPrivateKeyPassword("{{missing}}");
        assertThatThrownBy(() -> registry.importCertificate(unresolved))
                .hasMessageContaining("placeholder {{missing}} could not be resolved");
    }

    @Test
    void importsPkcs12AndJksEntriesByAlias() throws Exception {
        for (String type : List.of("PKCS12", "JKS")) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            store.setKeyEntry("as2-signing", key.privateKey().orElseThrow(), PASSWORD.toCharArray(),
                    new java.security.cert.Certificate[] { key.certificate() });
            store.setCertificateEntry("partner", TestKeys.key("other").certificate());
            Path file = dir.resolve("keys." + (type.equals("JKS") ? "jks" : "p12"));
            try (var out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            Certificate c = new Certificate();
            c.setUsage(CertificateUsageType.SIGNING);
            KeyStoreReference ref = new KeyStoreReference();
            ref.setFile("file:" + file);
            ref.setAlias("as2-signing");
            ref.setPassword("{{key.password}}");
            c.setKeyStore(ref);
            assertImportedWithKey(registry.importCertificate(c));
            // a bare path, as the README's registry example writes it, is the same file
            ref.setFile(file.toString());
            assertImportedWithKey(registry.importCertificate(c));

            ref.setAlias(null);
            assertThatThrownBy(() -> registry.importCertificate(c)).hasMessageContaining("holds 2 entries")
                    .hasMessageContaining("choose one with Alias");
            ref.setAlias("partner");
            String certOnly = registry.importCertificate(c);
            assertThat(registry.describeCertificate(certOnly).getType()).isEqualTo(CertificateType.CERTIFICATE);
            ref.setAlias("nope");
            assertThatThrownBy(() -> registry.importCertificate(c)).hasMessageContaining("alias 'nope' not found");
        }
    }

    @Test
    void computesTypeSerialAndDates() {
        KeyMaterial dated = TestKeys.key("dated", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2028-01-01T00:00:00Z"));
        Certificate described = registry.describeCertificate(registry.importCertificate(
                TestKeys.importInput(dated, CertificateUsageType.ENCRYPTION, false)));
        assertThat(described.getType()).isEqualTo(CertificateType.CERTIFICATE);
        assertThat(described.getNotBeforeDate()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(described.getNotAfterDate()).isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
        assertThat(described.getActiveDate()).isEqualTo(described.getNotBeforeDate());
        assertThat(described.getInactiveDate()).isEqualTo(described.getNotAfterDate());
        // AWS's CertSerial: at most 48 characters of [0-9a-fA-F{}:?]
        assertThat(described.getSerial()).matches("[0-9a-f]{1,48}");
        assertThat(new BigInteger(described.getSerial(), 16))
                .isEqualTo(dated.certificate().getSerialNumber());
        assertThat(described.getCertificate()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void splitsAChainGivenInTheCertificateField() {
        KeyMaterial issuer = TestKeys.key("issuer");
        Certificate c = TestKeys.importInput(key, CertificateUsageType.SIGNING, false);
        c.setCertificate(TestKeys.certificatePem(key) + TestKeys.certificatePem(issuer));
        Certificate described = registry.describeCertificate(registry.importCertificate(c));
        assertThat(described.getCertificateChain()).isEqualTo(TestKeys.certificatePem(issuer));
        c.setCertificateChain(TestKeys.certificatePem(issuer));
        assertThatThrownBy(() -> registry.importCertificate(c)).hasMessageContaining("CertificateChain must be omitted");
    }

    @Test
    void rejectsRsaKeysOutside2048To4096Bits() {
        Instant now = Instant.now();
        KeyMaterial small = CertificateGenerator.selfSigned("small", 1024, now.minusSeconds(60), now.plusSeconds(3600));
        assertThatThrownBy(() -> registry.importCertificate(TestKeys.importInput(small, CertificateUsageType.SIGNING,
                true))).isInstanceOf(KeyImportException.class)
                .hasMessageContaining("RSA key is 1024 bits; AWS Transfer Family accepts 2048 to 4096 bits");
        KeyMaterial large = CertificateGenerator.selfSigned("large", 4104, now.minusSeconds(60),
                now.plusSeconds(3600));
        assertThatThrownBy(() -> registry.importCertificate(TestKeys.importInput(large, CertificateUsageType.SIGNING,
                false))).isInstanceOf(KeyImportException.class).hasMessageContaining("4104 bits");
    }

    @Test
    void rejectsNonRsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=ec");
        X509Certificate ec = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.TEN, Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plus(Duration.ofDays(1))), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        Certificate c = new Certificate();
        c.setUsage(CertificateUsageType.SIGNING);
        c.setCertificate(PemCodec.toPem(List.of(ec)));
        assertThatThrownBy(() -> registry.importCertificate(c)).isInstanceOf(KeyImportException.class)
                .hasMessageContaining("only RSA keys are supported, the certificate has a EC key");
        Certificate rsaCertEcKey = input(PemCodec.privateKeyToPem(pair.getPrivate(), null));
        assertThatThrownBy(() -> registry.importCertificate(rsaCertEcKey)).isInstanceOf(KeyImportException.class)
                .hasMessageContaining("only RSA private keys");
    }

    @Test
    void rejectsAKeyThatDoesNotMatchItsCertificate() {
        Certificate c = input(TestKeys.privateKeyPem(TestKeys.key("someone-else")));
        assertThatThrownBy(() -> registry.importCertificate(c)).isInstanceOf(KeyImportException.class)
                .hasMessageContaining("does not match the certificate");
    }

    @Test
    void rejectsGarbage() {
        Certificate c = new Certificate();
        c.setUsage(CertificateUsageType.SIGNING);
        c.setCertificate("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> registry.importCertificate(c)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Certificate:");
        Certificate noKey = input("just text");
        assertThatThrownBy(() -> registry.importCertificate(noKey)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("expected a PEM private key");
    }

    @Test
    void keyMaterialAndKeySourceNeverPrintTheKey() {
        String id = registry.importCertificate(input(TestKeys.privateKeyPem(key)));
        KeyMaterial material = registry.certificateEntry(id).orElseThrow().material();
        String modulusDigits = ((java.security.interfaces.RSAPrivateCrtKey) key.privateKey().orElseThrow())
                .getPrivateExponent().toString().substring(0, 20);
        assertThat(material.toString()).contains("privateKey=present").doesNotContain(modulusDigits);
        KeySource source = registry.snapshot().keySources().get(id);
        assertThat(source.toString()).isEqualTo("KeySource[inline PEM]").doesNotContain("BEGIN");
        assertThat(registry.describeCertificate(id).toString()).doesNotContain("BEGIN");
    }

    private static String pem(PrivateKey key, char[] password) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (password == null) {
                writer.writeObject(key);
            } else {
                writer.writeObject(key, new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setSecureRandom(new SecureRandom())
                        .build(password));
            }
        }
        return out.toString();
    }

}
