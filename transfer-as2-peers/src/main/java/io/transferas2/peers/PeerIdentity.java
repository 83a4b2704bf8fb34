package io.transferas2.peers;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * An AS2 station: its AS2 id, its RSA private key and the certificate that goes with it. The same pair signs,
 * decrypts and (for a server) may serve TLS. {@link #toString()} never shows the key.
 *
 * @param as2Id       the AS2 identifier (AS2-From when sending, AS2-To when receiving)
 * @param privateKey  the RSA private key
 * @param certificate the certificate of {@code privateKey}
 */
public record PeerIdentity(String as2Id, PrivateKey privateKey, X509Certificate certificate) {

    public PeerIdentity {
        Objects.requireNonNull(as2Id, "as2Id");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** A new identity with a fresh RSA-2048 key and a self-signed certificate whose CN is the AS2 id. */
    public static PeerIdentity generate(String as2Id) {
        KeyPair pair = SelfSignedCertificates.rsaKeyPair(2048);
        return new PeerIdentity(as2Id, pair.getPrivate(), SelfSignedCertificates.selfSigned(pair, as2Id));
    }

    /** The public half of this identity, as a partner sees it. */
    public PartnerIdentity asPartner() {
        return new PartnerIdentity(as2Id, certificate);
    }

    @Override
    public String toString() {
        return "PeerIdentity[as2Id=" + as2Id + ", certificate=" + certificate.getSubjectX500Principal().getName()
               + ", privateKey=<hidden>]";
    }
}
