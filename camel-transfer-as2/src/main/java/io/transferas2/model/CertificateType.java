package io.transferas2.model;

/** Whether a private key was imported with the certificate, AWS `CertificateType`. */
public enum CertificateType {
    CERTIFICATE, CERTIFICATE_WITH_PRIVATE_KEY
}
