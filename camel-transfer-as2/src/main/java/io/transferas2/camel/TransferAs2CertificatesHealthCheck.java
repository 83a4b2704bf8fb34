package io.transferas2.camel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.transferas2.certs.CertificateStore;
import io.transferas2.certs.CertificateTimes;
import io.transferas2.model.Certificate;
import io.transferas2.model.Profile;
import io.transferas2.registry.CertificateEntry;
import io.transferas2.registry.Page;
import io.transferas2.registry.TransferRegistry;

/**
 * The station's certificates: details list those expired (past InactiveDate or NotAfter) and those that expire within
 * {@code certificateExpiryWarning} (30 days by default), like AWS's {@code DaysUntilExpiry} metric. DOWN when a
 * profile has certificates of a usage but none of them is usable now, since every message needing it then fails.
 */
final class TransferAs2CertificatesHealthCheck extends AbstractHealthCheck {
    static final String ID = "transfer-as2-certificates";

    private final TransferAs2Component component;

    TransferAs2CertificatesHealthCheck(TransferAs2Component component) {
        super("camel", ID);
        this.component = component;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        TransferRegistry registry = component.transferRegistry();
        CertificateStore store = component.getCertificateStore();
        Instant now = store.now();
        Duration window = Duration.ofMillis(component.getCertificateExpiryWarning());
        List<String> expired = new ArrayList<>();
        List<String> expiring = new ArrayList<>();
        String token = null;
        do {
            Page<Certificate> page = registry.listCertificates(1000, token);
            for (Certificate c : page.items()) {
                Optional<CertificateEntry> entry = registry.certificateEntry(c.getCertificateId());
                if (entry.isEmpty()) {
                    continue;
                }
                Instant end = CertificateTimes.end(entry.get());
                if (!now.isBefore(end)) {
                    expired.add(c.getCertificateId() + " (" + c.getUsage() + ", "
                            + CertificateTimes.state(entry.get(), now) + ")");
                } else if (!now.plus(window).isBefore(end)) {
                    expiring.add(c.getCertificateId() + " (" + c.getUsage() + ", expires " + end + ")");
                }
            }
            token = page.nextToken();
        } while (token != null);
        List<String> unusable = profilesWithoutUsableCertificate(registry, store, now);
        builder.detail("certificates.expired", String.join("; ", expired));
        builder.detail("certificates.expiring", String.join("; ", expiring));
        builder.detail("certificates.expiryWarning", window.toString());
        if (!unusable.isEmpty()) {
            builder.detail("profiles.withoutUsableCertificate", String.join("; ", unusable));
            builder.message(String.join("; ", unusable)).down();
            return;
        }
        if (!expired.isEmpty() || !expiring.isEmpty()) {
            builder.message(expired.size() + " certificate(s) expired, " + expiring.size() + " expiring within "
                    + window.toDays() + " days");
        }
        builder.up();
    }

    private static List<String> profilesWithoutUsableCertificate(TransferRegistry registry, CertificateStore store,
                                                                 Instant now) {
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            Page<Profile> page = registry.listProfiles(1000, token, null);
            for (Profile p : page.items()) {
                Set<io.transferas2.model.CertificateUsageType> usages = new TreeSet<>();
                registry.certificatesOfProfile(p.getProfileId()).forEach(e -> usages.add(e.usage()));
                for (var usage : usages) {
                    store.whyNoneUsable(p.getProfileId(), usage, false, now).ifPresent(out::add);
                }
            }
            token = page.nextToken();
        } while (token != null);
        return out;
    }
}
