package io.transferas2.model;

/** Certificate usage, AWS `CertificateUsageType`. */
public enum CertificateUsageType {
    SIGNING, ENCRYPTION, TLS
}
