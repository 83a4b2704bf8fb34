package io.transferas2.registry;

import java.util.ArrayList;
import java.util.List;

import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.Profile;
import io.transferas2.model.ProfileType;

/**
 * LOCAL profiles whose SIGNING or ENCRYPTION certificates all lack a private key: a registry pasted from
 * {@code describe-*} output has none (AWS never returns keys), and the first send would fail with SIGNING_FAILED or
 * the first encrypted message with a decryption failure. Found at load so that the station says so at once.
 */
public final class MissingPrivateKeys {
    /** One LOCAL profile and usage without a usable key, naming its certificates. */
    public record Finding(String profileId, String as2Id, CertificateUsageType usage, List<String> certificateIds) {
        @Override
        public String toString() {
            return "LOCAL profile " + profileId + " (As2Id " + as2Id + ") has no private key for " + usage
                    + ": certificate(s) " + certificateIds + " carry none; add PrivateKey (file: or placeholder) or"
                    + " a KeyStore to them";
        }
    }

    private MissingPrivateKeys() {
    }

    public static List<Finding> in(TransferRegistry registry) {
        List<Finding> findings = new ArrayList<>();
        String token = null;
        do {
            Page<Profile> page = registry.listProfiles(1000, token, ProfileType.LOCAL);
            for (Profile profile : page.items()) {
                List<CertificateEntry> entries = registry.certificatesOfProfile(profile.getProfileId());
                for (CertificateUsageType usage : List.of(CertificateUsageType.SIGNING,
                        CertificateUsageType.ENCRYPTION)) {
                    List<CertificateEntry> ofUsage = entries.stream().filter(e -> e.usage() == usage).toList();
                    if (!ofUsage.isEmpty() && ofUsage.stream().noneMatch(e -> e.material().hasPrivateKey())) {
                        findings.add(new Finding(profile.getProfileId(), profile.getAs2Id(), usage,
                                ofUsage.stream().map(CertificateEntry::certificateId).toList()));
                    }
                }
            }
            token = page.nextToken();
        } while (token != null);
        return findings;
    }
}
