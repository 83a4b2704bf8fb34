package io.transferas2.certs;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.transferas2.model.Certificate;
import io.transferas2.model.CertificateStatusType;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.ProfileType;
import io.transferas2.registry.RegistrySettings;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.testsupport.Fixtures;
import io.transferas2.testsupport.MutableClock;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** AWS's rotation rules with overlapping validity windows, on a fixed clock. */
class CertificateStoreRotationTest {
    private static final Instant JAN_2026 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant JUN_2026 = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant JAN_2027 = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant JUN_2027 = Instant.parse("2027-06-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final TransferRegistry registry = new TransferRegistry(RegistrySettings.defaults().clock(clock));
    private final CertificateStore store = new CertificateStore(registry);
    private final KeyMaterial oldKey = TestKeys.key("rotation-old", JAN_2026, JAN_2027);
    private final KeyMaterial newKey = TestKeys.key("rotation-new", JUN_2026, JUN_2027);
    private String oldSigning;
    private String newSigning;
    private String local;
    private String partner;

    @BeforeEach
    void setUp() {
        oldSigning = registry.importCertificate(TestKeys.importInput(oldKey, CertificateUsageType.SIGNING, true));
        newSigning = registry.importCertificate(TestKeys.importInput(newKey, CertificateUsageType.SIGNING, true));
        String oldEncryption = registry.importCertificate(TestKeys.importInput(oldKey, CertificateUsageType.ENCRYPTION,
                true));
        String newEncryption = registry.importCertificate(TestKeys.importInput(newKey, CertificateUsageType.ENCRYPTION,
                true));
        local = registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "ME",
                List.of(oldSigning, newSigning, oldEncryption, newEncryption)));
        String partnerOld = registry.importCertificate(TestKeys.importInput(oldKey, CertificateUsageType.SIGNING,
                false));
        String partnerNew = registry.importCertificate(TestKeys.importInput(newKey, CertificateUsageType.SIGNING,
                false));
        String partnerEncryption = registry.importCertificate(TestKeys.importInput(newKey,
                CertificateUsageType.ENCRYPTION, false));
        partner = registry.createProfile(Fixtures.profile(ProfileType.PARTNER, "THEM",
                List.of(partnerOld, partnerNew, partnerEncryption)));
    }

    private static List<String> subjects(List<KeyMaterial> keys) {
        return keys.stream().map(k -> k.certificate().getSubjectX500Principal().getName()).toList();
    }

    @Test
    void beforeTheOverlapOnlyTheOldCertificateIsUsed() {
        assertThat(store.signingKey(local)).get().extracting(KeyMaterial::certificateId).isEqualTo(oldSigning);
        assertThat(subjects(store.verificationCertificates(partner, clock.instant())))
                .containsExactly("CN=rotation-old");
        assertThat(store.encryptionCertificate(partner)).as("partner encryption cert not valid yet").isEmpty();
    }

    @Test
    void inTheOverlapOutboundUsesTheLatestInactiveDateAndInboundAcceptsBoth() {
        clock.set(Instant.parse("2026-08-01T00:00:00Z"));
        assertThat(store.signingKey(local)).get().extracting(KeyMaterial::certificateId).isEqualTo(newSigning);
        assertThat(subjects(store.verificationCertificates(partner, clock.instant())))
                .containsExactly("CN=rotation-new", "CN=rotation-old");
        assertThat(subjects(store.decryptionKeys(local, clock.instant())))
                .containsExactly("CN=rotation-new", "CN=rotation-old");
        assertThat(store.encryptionCertificate(partner)).isPresent();
    }

    @Test
    void afterTheOldCertificateExpiresOnlyTheNewOneIsUsed() {
        clock.set(Instant.parse("2027-02-01T00:00:00Z"));
        assertThat(store.signingKey(local)).get().extracting(KeyMaterial::certificateId).isEqualTo(newSigning);
        assertThat(subjects(store.verificationCertificates(partner, clock.instant())))
                .containsExactly("CN=rotation-new");
        assertThat(registry.describeCertificate(oldSigning).getStatus()).isEqualTo(CertificateStatusType.INACTIVE);
    }

    @Test
    void aCertificateBeforeItsActiveDateIsPendingRotationAndNotUsed() {
        Certificate later = new Certificate();
        later.setCertificateId(newSigning);
        later.setActiveDate(Instant.parse("2026-09-01T00:00:00Z"));
        registry.updateCertificate(later);
        clock.set(Instant.parse("2026-08-01T00:00:00Z"));
        assertThat(registry.describeCertificate(newSigning).getStatus())
                .isEqualTo(CertificateStatusType.PENDING_ROTATION);
        assertThat(store.signingKey(local)).get().extracting(KeyMaterial::certificateId).isEqualTo(oldSigning);
        clock.set(Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(registry.describeCertificate(newSigning).getStatus()).isEqualTo(CertificateStatusType.ACTIVE);
        assertThat(store.signingKey(local)).get().extracting(KeyMaterial::certificateId).isEqualTo(newSigning);
    }

    @Test
    void anEarlierInactiveDateRetiresACertificateAtOnce() {
        Certificate retire = new Certificate();
        retire.setCertificateId(newSigning);
        retire.setInactiveDate(Instant.parse("2026-07-01T00:00:00Z"));
        registry.updateCertificate(retire);
        clock.set(Instant.parse("2026-08-01T00:00:00Z"));
        assertThat(store.signingKey(local)).get().extracting(KeyMaterial::certificateId).isEqualTo(oldSigning);
    }

    @Test
    void decryptionNeedsAPrivateKeyAndVerificationUsesSigningCertificatesOnly() {
        clock.set(Instant.parse("2026-08-01T00:00:00Z"));
        assertThat(store.decryptionKeys(partner, clock.instant())).as("partner certs have no keys").isEmpty();
        assertThat(store.tlsCertificates(partner)).isEmpty();
        assertThat(store.verificationCertificates(partner, clock.instant())).hasSize(2)
                .allMatch(k -> registry.describeCertificate(k.certificateId()).getUsage()
                        == CertificateUsageType.SIGNING);
    }
}
