package io.transferas2.model;

/** Certificate status, AWS `CertificateStatusType`: computed from ActiveDate and InactiveDate; PENDING_ROTATION means not active yet. */
public enum CertificateStatusType {
    ACTIVE, PENDING_ROTATION, INACTIVE
}
