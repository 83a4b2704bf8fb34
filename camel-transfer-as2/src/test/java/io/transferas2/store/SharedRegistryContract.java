package io.transferas2.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.ProfileType;
import io.transferas2.registry.InvalidRequestException;
import io.transferas2.registry.RegistrySettings;
import io.transferas2.registry.ServiceUnavailableException;
import io.transferas2.registry.SharedRegistry;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.testsupport.Fixtures;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry shared through the store's database, as two nodes see it (two {@link SharedRegistry} on one database):
 * seeding an empty database once, a change on one node reaching the other at its next refresh, a change made on a stale
 * node refused (and accepted after the refresh), keys imported through the API stored encrypted only.
 */
abstract class SharedRegistryContract {
    @TempDir
    Path dir;

    abstract JdbcTransferStore store();

    private final KeyMaterial key = TestKeys.key("shared-registry");

    @BeforeEach
    void emptyRegistry() throws Exception {
        try (var c = store().dataSource().getConnection(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM tas2_registry_resource");
            s.executeUpdate("DELETE FROM tas2_registry_version");
        }
    }

    private SharedRegistry node(String name, Path seed, char[] keyPassword) {
        return SharedRegistry.open(JdbcRegistryStore.of(store()), RegistrySettings.defaults(), seed, keyPassword,
                name);
    }

    private Path seedFile() throws Exception {
        Files.writeString(dir.resolve("partner.crt"), TestKeys.certificatePem(key));
        Path file = dir.resolve("registry.yaml");
        Files.writeString(file, """
                Certificates:
                  - {CertificateId: cert-00000000000000001, Usage: SIGNING, Certificate: "file:partner.crt"}
                Profiles:
                  - {ProfileId: p-00000000000000001, ProfileType: PARTNER, As2Id: PARTNER,
                     CertificateIds: [cert-00000000000000001]}
                Servers:
                  - {ServerId: s-00000000000000001, Protocols: [AS2]}
                """);
        return file;
    }

    @Test
    void theFirstNodeSeedsAnEmptyDatabaseAndTheSecondLoadsIt() throws Exception {
        SharedRegistry a = node("a", seedFile(), null);
        Files.writeString(dir.resolve("registry.yaml"), "Servers: []\n");
        SharedRegistry b = node("b", dir.resolve("registry.yaml"), null);
        assertThat(a.version()).isEqualTo(1);
        assertThat(b.version()).isEqualTo(1);
        assertThat(b.registry().describeProfile("p-00000000000000001").getAs2Id()).isEqualTo("PARTNER");
        assertThat(b.registry().describeServer("s-00000000000000001")).isNotNull();
    }

    @Test
    void aChangeOnOneNodeReachesTheOtherAtItsNextRefresh() throws Exception {
        SharedRegistry a = node("a", seedFile(), null);
        SharedRegistry b = node("b", null, null);
        String id = a.registry().createProfile(Fixtures.profile(ProfileType.LOCAL, "MYCOMPANY", List.of()));
        assertThat(b.registry().listProfiles(null, null, null).items()).hasSize(1);
        assertThat(b.refresh()).isTrue();
        assertThat(b.registry().describeProfile(id).getAs2Id()).isEqualTo("MYCOMPANY");
        assertThat(b.refresh()).isFalse();

        a.registry().deleteProfile(id);
        b.refresh();
        assertThatThrownBy(() -> b.registry().describeProfile(id)).hasMessageContaining(id);
    }

    @Test
    void aChangeOnAStaleNodeIsRefusedUntilItRefreshed() throws Exception {
        SharedRegistry a = node("a", seedFile(), null);
        SharedRegistry b = node("b", null, null);
        a.registry().createProfile(Fixtures.profile(ProfileType.LOCAL, "FROM-A", List.of()));
        TransferRegistry stale = b.registry();
        assertThatThrownBy(() -> stale.createProfile(Fixtures.profile(ProfileType.LOCAL, "FROM-B", List.of())))
                .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("another node");
        // nothing of the refused change stays on b, and nothing reached the database
        b.refresh();
        assertThat(stale.listProfiles(null, null, ProfileType.LOCAL).items()).extracting("as2Id")
                .containsExactly("FROM-A");
        stale.createProfile(Fixtures.profile(ProfileType.LOCAL, "FROM-B", List.of()));
        a.refresh();
        assertThat(a.registry().listProfiles(null, null, ProfileType.LOCAL).items()).extracting("as2Id")
                .containsExactlyInAnyOrder("FROM-A", "FROM-B");
    }

    @Test
    void keysImportedThroughTheApiAreStoredEncryptedOrRefused() throws Exception {
        SharedRegistry withoutPassword = node("a", null, null);
        assertThatThrownBy(() -> withoutPassword.registry().importCertificate(
                TestKeys.importInput(key, CertificateUsageType.SIGNING, true)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("encrypted");

        char[] password = "kek-0123456789".toCharArray();
        SharedRegistry a = node("a", null, password);
        String id = a.registry().importCertificate(TestKeys.importInput(key, CertificateUsageType.SIGNING, true));
        String stored = JdbcRegistryStore.of(store()).read().resources().stream()
                .filter(r -> r.id().equals(id)).findFirst().orElseThrow().json();
        assertThat(stored).contains("ENCRYPTED PRIVATE KEY").doesNotContain("BEGIN PRIVATE KEY")
                .doesNotContain("BEGIN RSA PRIVATE KEY");
        SharedRegistry b = node("b", null, password);
        assertThat(b.registry().certificateEntry(id).orElseThrow().material().privateKey()).isNotNull();
    }
}
