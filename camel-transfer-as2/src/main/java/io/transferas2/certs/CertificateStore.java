package io.transferas2.certs;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.ProfileType;
import io.transferas2.registry.CertificateEntry;
import io.transferas2.registry.TransferRegistry;

/**
 * Chooses the certificates and keys for each AS2 operation, following AWS's rotation rules.
 * <ul>
 * <li>Outbound (sign, encrypt, sign an MDN): among the profile's certificates of the right usage that are usable now,
 * the one with the latest InactiveDate.</li>
 * <li>Inbound (decrypt, verify): every certificate usable at the message time, so rotation windows can overlap; the
 * engine tries them all, newest first.</li>
 * </ul>
 * Reads the registry on every call, so rotations and profile updates apply to the next message.
 */
public final class CertificateStore {
    private static final Comparator<CertificateEntry> NEWEST_FIRST =
            Comparator.comparing(CertificateEntry::inactiveDate).reversed();

    private final TransferRegistry registry;
    private final Clock clock;

    public CertificateStore(TransferRegistry registry) {
        this(registry, registry.settings().clock());
    }

    public CertificateStore(TransferRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Our signing key (messages and MDNs) from a LOCAL profile. */
    public Optional<KeyMaterial> signingKey(String localProfileId) {
        return usable(localProfileId, CertificateUsageType.SIGNING, true, now()).stream().findFirst();
    }

    /** The partner's encryption certificate from a PARTNER profile. */
    public Optional<KeyMaterial> encryptionCertificate(String partnerProfileId) {
        return usable(partnerProfileId, CertificateUsageType.ENCRYPTION, false, now()).stream().findFirst();
    }

    /** Every decryption key of a LOCAL profile usable at {@code at}, newest first. */
    public List<KeyMaterial> decryptionKeys(String localProfileId, Instant at) {
        return usable(localProfileId, CertificateUsageType.ENCRYPTION, true, at);
    }

    /** Every partner signing certificate usable at {@code at}, newest first: for message and MDN verification. */
    public List<KeyMaterial> verificationCertificates(String partnerProfileId, Instant at) {
        return usable(partnerProfileId, CertificateUsageType.SIGNING, false, at);
    }

    /** The partner's TLS certificates usable now, to trust a self-signed HTTPS endpoint. */
    public List<KeyMaterial> tlsCertificates(String partnerProfileId) {
        return usable(partnerProfileId, CertificateUsageType.TLS, false, now());
    }

    public Instant now() {
        return Instant.now(clock);
    }

    /**
     * Why {@code profileId} has no certificate of {@code usage} usable at {@code at}, naming each candidate and the
     * date that rules it out, for example "partner profile p-... has SIGNING certificate cert-..., inactive since
     * 2020-06-23 (NotAfter); no SIGNING certificate of the profile is active now". Empty when one is usable.
     */
    public Optional<String> whyNoneUsable(String profileId, CertificateUsageType usage, boolean needKey, Instant at) {
        if (!usable(profileId, usage, needKey, at).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CertificateTimes.explain(profileKind(profileId) + " " + profileId,
                registry.certificatesOfProfile(profileId), usage, needKey, at));
    }

    /** {@link #whyNoneUsable} for the SIGNING key of a LOCAL profile now (messages and MDNs). */
    public String whyNoSigningKey(String localProfileId) {
        return whyNoneUsable(localProfileId, CertificateUsageType.SIGNING, true, now()).orElse("");
    }

    /** {@link #whyNoneUsable} for the ENCRYPTION certificate of a PARTNER profile now. */
    public String whyNoEncryptionCertificate(String partnerProfileId) {
        return whyNoneUsable(partnerProfileId, CertificateUsageType.ENCRYPTION, false, now()).orElse("");
    }

    /**
     * For error messages: why no certificate of {@code usage} is usable at {@code at} ({@link #whyNoneUsable}), or
     * else which of them were left out ({@link #unusable}); "" when all are usable.
     */
    public String note(String profileId, CertificateUsageType usage, boolean needKey, Instant at) {
        return whyNoneUsable(profileId, usage, needKey, at)
                .or(() -> unusable(profileId, usage, at)).orElse("");
    }

    /** Every certificate of the profile of {@code usage} that is not usable at {@code at}, explained; else empty. */
    public Optional<String> unusable(String profileId, CertificateUsageType usage, Instant at) {
        List<CertificateEntry> out = registry.certificatesOfProfile(profileId).stream()
                .filter(e -> e.usage() == usage && !e.isUsableAt(at)).toList();
        if (out.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CertificateTimes.describeUnusable(profileKind(profileId) + " " + profileId, out, at));
    }

    private String profileKind(String profileId) {
        try {
            ProfileType type = registry.describeProfile(profileId).getProfileType();
            return type == ProfileType.LOCAL ? "local profile" : "partner profile";
        } catch (RuntimeException e) {
            return "profile";
        }
    }

    private List<KeyMaterial> usable(String profileId, CertificateUsageType usage, boolean needKey, Instant at) {
        return registry.certificatesOfProfile(profileId).stream()
                .filter(e -> e.usage() == usage && e.isUsableAt(at))
                .filter(e -> !needKey || e.material().hasPrivateKey())
                .sorted(NEWEST_FIRST)
                .map(CertificateEntry::material)
                .toList();
    }
}
