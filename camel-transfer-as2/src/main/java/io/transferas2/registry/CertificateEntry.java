package io.transferas2.registry;

import java.time.Instant;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.CertificateUsageType;

/**
 * Immutable runtime view of a stored certificate: what certificate selection needs, without copying the resource.
 * A certificate is usable at time t when ActiveDate ≤ t &lt; InactiveDate and NotBefore ≤ t ≤ NotAfter.
 */
public record CertificateEntry(String certificateId, CertificateUsageType usage, Instant activeDate,
                               Instant inactiveDate, KeyMaterial material) {

    public boolean isUsableAt(Instant t) {
        return !t.isBefore(activeDate) && t.isBefore(inactiveDate)
                && !t.isBefore(material.notBefore()) && !t.isAfter(material.notAfter());
    }
}
