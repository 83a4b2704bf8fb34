package io.transferas2.registry;

/**
 * Quotas, with AWS Transfer Family's defaults. Certificates per profile is a hard AWS limit; the others are AWS's
 * adjustable defaults and can be raised for an on-premises installation.
 */
public record RegistryLimits(int certificatesPerProfile, int agreementsPerServer, int connectors, int profiles,
                             int certificates, int servers) {

    public static final int AWS_CERTIFICATES_PER_PROFILE = 10;

    public RegistryLimits {
        if (certificatesPerProfile > AWS_CERTIFICATES_PER_PROFILE) {
            throw new IllegalArgumentException("AWS allows at most 10 certificates per profile");
        }
    }

    public static RegistryLimits aws() {
        return new RegistryLimits(AWS_CERTIFICATES_PER_PROFILE, 100, 100, 1000, 1000, 50);
    }
}
