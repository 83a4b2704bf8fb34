package io.transferas2.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.as2.OutboundMessage;
import io.transferas2.as2.ReceivedMdn;
import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.ProfileType;
import io.transferas2.model.SigningAlg;
import io.transferas2.registry.RegistrySettings;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.testsupport.Fixtures;
import io.transferas2.testsupport.MutableClock;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** Certificate time rules as a partner and an operator see them: the MDN and route errors, the health check. */
class CertificateTimesServerTest {
    private static final Instant JAN_2020 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant JUN_2020 = Instant.parse("2020-06-23T00:00:00Z");

    @TempDir
    Path root;

    /** A partner whose only signing certificate expired: authentication-failed, and the error names it. */
    @Test
    void aMessageFromAPartnerWhoseCertificateExpiredNamesIt() throws Exception {
        try (ServerHarness server = new ServerHarness(root)) {
            KeyMaterial expired = TestKeys.key("server-times-expired", JAN_2020, JUN_2020);
            String cert = server.registry.importCertificate(TestKeys.importInput(expired,
                    CertificateUsageType.SIGNING, false));
            String profile = server.registry.createProfile(Fixtures.profile(ProfileType.PARTNER, "OLDPARTNER",
                    List.of(cert)));
            server.registry.createAgreement(server.agreement(profile, "/inbox/old"));
            server.start("");
            RawAs2 raw = new RawAs2(server);
            String id = RawAs2.newMessageId();
            try (OutboundMessage m = raw.build("UNB'".getBytes(StandardCharsets.US_ASCII), "a.edi",
                    SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.DISABLED, expired)) {
                Map<String, String> headers = RawAs2.as2Headers("OLDPARTNER", ServerHarness.LOCAL, id);
                ReceivedMdn mdn = raw.post(m, headers).mdn(server.localKey);
                assertThat(mdn.disposition().modifier()).isEqualTo("authentication-failed");
            }
            ServerHarness.Received r = server.awaitMessage(id);
            assertThat(r.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("VERIFICATION_FAILED");
            assertThat(r.header(TransferAs2Constants.FAILURE_MESSAGE)).contains("partner profile " + profile
                    + " has SIGNING certificate " + cert + ", inactive since 2020-06-23 (NotAfter); no SIGNING"
                    + " certificate of the profile is active now");
        }
    }

    @Test
    void theHealthCheckListsExpiredAndExpiringCertificates() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        TransferRegistry registry = new TransferRegistry(RegistrySettings.defaults().clock(clock));
        String valid = registry.importCertificate(TestKeys.importInput(TestKeys.key("health-valid",
                JAN_2020, Instant.parse("2030-01-01T00:00:00Z")), CertificateUsageType.SIGNING, false));
        String soon = registry.importCertificate(TestKeys.importInput(TestKeys.key("health-soon",
                JAN_2020, Instant.parse("2026-03-20T00:00:00Z")), CertificateUsageType.SIGNING, false));
        String gone = registry.importCertificate(TestKeys.importInput(TestKeys.key("health-gone",
                JAN_2020, JUN_2020), CertificateUsageType.ENCRYPTION, false));
        String partner = registry.createProfile(Fixtures.profile(ProfileType.PARTNER, "P",
                List.of(valid, soon)));
        CamelContext context = new DefaultCamelContext();
        TransferAs2Component component = new TransferAs2Component();
        component.setRegistry(registry);
        context.addComponent("transfer-as2", component);
        context.start();
        try {
            HealthCheck check = HealthCheckRegistry.get(context).getCheck("transfer-as2-certificates")
                    .map(HealthCheck.class::cast).orElseThrow();
            HealthCheck.Result result = check.call();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(String.valueOf(result.getDetails().get("certificates.expired")))
                    .isEqualTo(gone + " (ENCRYPTION, inactive since 2020-06-23 (NotAfter))");
            assertThat(String.valueOf(result.getDetails().get("certificates.expiring")))
                    .isEqualTo(soon + " (SIGNING, expires 2026-03-20T00:00:00Z)");
            assertThat(result.getMessage().orElse("")).contains("1 certificate(s) expired, 1 expiring within 30 days");

            component.setCertificateExpiryWarning(java.time.Duration.ofDays(10).toMillis());
            assertThat(String.valueOf(check.call().getDetails().get("certificates.expiring"))).isEmpty();

            // the partner's only ENCRYPTION certificate expired: every send to it would fail
            registry.updateProfile(profileWith(partner, List.of(valid, soon, gone)));
            result = check.call();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage().orElse("")).contains("partner profile " + partner + " has ENCRYPTION certificate "
                    + gone + ", inactive since 2020-06-23 (NotAfter)");
        } finally {
            context.stop();
        }
    }

    private static io.transferas2.model.Profile profileWith(String id, List<String> certificates) {
        io.transferas2.model.Profile p = new io.transferas2.model.Profile();
        p.setProfileId(id);
        p.setCertificateIds(certificates);
        return p;
    }

}
