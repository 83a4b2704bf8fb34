package io.transferas2.certs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.transferas2.model.Certificate;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.ProfileType;
import io.transferas2.registry.RegistrySettings;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.testsupport.Fixtures;
import io.transferas2.testsupport.MutableClock;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that name the certificate and the date that rules it out, the warning for an expired certificate, and
 * combined PEM files in {@code Certificate}.
 */
class CertificateTimeRulesTest {
    private static final Instant JAN_2020 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant JUN_2020 = Instant.parse("2020-06-23T00:00:00Z");
    private static final Instant JAN_2030 = Instant.parse("2030-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final TransferRegistry registry = new TransferRegistry(RegistrySettings.defaults().clock(clock));
    private final CertificateStore store = new CertificateStore(registry);

    @Test
    void anExpiredPartnerCertificateIsNamedWithItsNotAfter() {
        String cert = registry.importCertificate(TestKeys.importInput(TestKeys.key("times-expired", JAN_2020,
                JUN_2020), CertificateUsageType.SIGNING, false));
        String profile = registry.createProfile(Fixtures.profile(ProfileType.PARTNER, "P", List.of(cert)));
        assertThat(store.verificationCertificates(profile, clock.instant())).isEmpty();
        assertThat(store.whyNoneUsable(profile, CertificateUsageType.SIGNING, false, clock.instant())).contains(
                "partner profile " + profile + " has SIGNING certificate " + cert + ", inactive since 2020-06-23"
                        + " (NotAfter); no SIGNING certificate of the profile is active now");
    }

    @Test
    void anInactiveDateBeforeNotAfterIsNamedAsSuch() {
        Certificate input = TestKeys.importInput(TestKeys.key("times-inactive", JAN_2020, JAN_2030),
                CertificateUsageType.ENCRYPTION, true);
        input.setInactiveDate(Instant.parse("2025-12-31T00:00:00Z"));
        String cert = registry.importCertificate(input);
        String profile = registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "L", List.of(cert)));
        assertThat(store.decryptionKeys(profile, clock.instant())).isEmpty();
        assertThat(store.note(profile, CertificateUsageType.ENCRYPTION, true, clock.instant())).isEqualTo(
                "local profile " + profile + " has ENCRYPTION certificate " + cert + ", inactive since 2025-12-31"
                        + " (InactiveDate); no ENCRYPTION certificate of the profile is active now");
    }

    @Test
    void aCertificateNotYetActiveIsNamedWithItsActiveDate() {
        Certificate input = TestKeys.importInput(TestKeys.key("times-pending", JAN_2020, JAN_2030),
                CertificateUsageType.SIGNING, true);
        input.setActiveDate(Instant.parse("2026-04-01T00:00:00Z"));
        String cert = registry.importCertificate(input);
        String profile = registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "L", List.of(cert)));
        assertThat(store.signingKey(profile)).isEmpty();
        assertThat(store.whyNoSigningKey(profile)).isEqualTo("local profile " + profile + " has SIGNING certificate "
                + cert + ", not active until 2026-04-01 (ActiveDate); no SIGNING certificate of the profile is active"
                + " now");
        clock.set(Instant.parse("2026-04-02T00:00:00Z"));
        assertThat(store.signingKey(profile)).isPresent();
        assertThat(store.whyNoSigningKey(profile)).isEmpty();
    }

    @Test
    void aSigningCertificateWithoutItsKeyIsNamed() {
        String cert = registry.importCertificate(TestKeys.importInput(TestKeys.key("times-nokey"),
                CertificateUsageType.SIGNING, false));
        String profile = registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "L", List.of(cert)));
        assertThat(store.whyNoSigningKey(profile)).isEqualTo("local profile " + profile + " has SIGNING certificate "
                + cert + " without a private key; signing and decryption need one");
        String other = registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "L2", List.of()));
        assertThat(store.whyNoSigningKey(other)).isEqualTo("local profile " + other + " has no SIGNING certificate");
    }

    @Test
    void whenOneIsUsableTheNoteNamesTheOthers() {
        String old = registry.importCertificate(TestKeys.importInput(TestKeys.key("times-expired", JAN_2020,
                JUN_2020), CertificateUsageType.SIGNING, false));
        String current = registry.importCertificate(TestKeys.importInput(TestKeys.key("times-current"),
                CertificateUsageType.SIGNING, false));
        String profile = registry.createProfile(Fixtures.profile(ProfileType.PARTNER, "P", List.of(old, current)));
        clock.set(Instant.now());
        assertThat(store.note(profile, CertificateUsageType.SIGNING, false, clock.instant())).isEqualTo(
                "partner profile " + profile + " has SIGNING certificate " + old + ", inactive since 2020-06-23"
                        + " (NotAfter)");
    }

    @Test
    void loadingAnExpiredCertificateLogsAWarningNamingIt() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String cert;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            cert = registry.importCertificate(TestKeys.importInput(TestKeys.key("times-expired", JAN_2020,
                    JUN_2020), CertificateUsageType.SIGNING, false));
            registry.importCertificate(TestKeys.importInput(TestKeys.key("times-valid", JAN_2020, JAN_2030),
                    CertificateUsageType.SIGNING, false));
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("WARN").contains("Certificate " + cert + " (SIGNING, subject \"CN=times-expired\"")
                .contains("is inactive since 2020-06-23 (NotAfter): it is loaded but no message will use it");
        assertThat(log.lines().filter(l -> l.contains("WARN")).count()).isEqualTo(1);
    }

    /** Certificate, chain and key in one PEM: the key is ignored in Certificate and found in PrivateKey. */
    @Test
    void aCombinedPemIsAcceptedByCertificateAndPrivateKey() {
        KeyMaterial leaf = TestKeys.key("times-combined");
        KeyMaterial ca = TestKeys.key("times-combined-ca");
        for (char[] password : new char[][] {null, "secret-pass".toCharArray()}) {
            String combined = PemCodec.toPem(List.of(leaf.certificate(), ca.certificate()))
                    + PemCodec.privateKeyToPem(leaf.privateKey().orElseThrow(), password);
            assertThat(PemCodec.readCertificates("Certificate", combined))
                    .containsExactly(leaf.certificate(), ca.certificate());
            assertThat(PemCodec.readPrivateKey("PrivateKey", combined, password))
                    .isEqualTo(leaf.privateKey().orElseThrow());
            Certificate input = new Certificate();
            input.setUsage(CertificateUsageType.SIGNING);
            input.setCertificate(combined);
            input.setPrivateKey(PemCodec.privateKeyToPem(leaf.privateKey().orElseThrow(), null));
            String id = registry.importCertificate(input);
            Certificate described = registry.describeCertificate(id);
            assertThat(described.getCertificate()).doesNotContain("PRIVATE KEY");
            assertThat(described.getCertificateChain()).contains("BEGIN CERTIFICATE").doesNotContain("PRIVATE KEY");
            assertThat(registry.certificateEntry(id).orElseThrow().material().hasPrivateKey()).isTrue();
        }
        // a key-first file is read too
        String keyFirst = PemCodec.privateKeyToPem(leaf.privateKey().orElseThrow(), null)
                + PemCodec.toPem(List.of(leaf.certificate()));
        assertThat(PemCodec.readCertificates("Certificate", keyFirst)).containsExactly(leaf.certificate());
    }
}
