package io.transferas2.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A parsed certificate with its chain and, for local certificates, the private key. {@link #toString()} never prints
 * the key: JDK key classes print their private exponent, so a key must not reach a log through this object.
 */
public final class KeyMaterial {
    private final String certificateId;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;

    public KeyMaterial(String certificateId, X509Certificate certificate, List<X509Certificate> chain,
                       PrivateKey privateKey) {
        this.certificateId = certificateId;
        this.certificate = certificate;
        this.chain = List.copyOf(chain);
        this.privateKey = privateKey;
    }

    /** The same material under another certificate ID (IDs are assigned after parsing). */
    public KeyMaterial withCertificateId(String id) {
        return new KeyMaterial(id, certificate, chain, privateKey);
    }

    public String certificateId() {
        return certificateId;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The issuer chain above the certificate, possibly empty (self-signed). */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The certificate followed by its chain. */
    public List<X509Certificate> fullChain() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(certificate), chain.stream()).toList();
    }

    public Optional<PrivateKey> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    public boolean hasPrivateKey() {
        return privateKey != null;
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + certificateId + ", subject=" + certificate.getSubjectX500Principal().getName()
                + ", privateKey=" + (privateKey != null ? "present" : "absent") + "]";
    }
}
