package io.transferas2.peers;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The other station as this side knows it: its AS2 id and its certificate (to encrypt to it and to verify its
 * signatures).
 *
 * @param as2Id       the partner's AS2 identifier
 * @param certificate the partner's certificate
 */
public record PartnerIdentity(String as2Id, X509Certificate certificate) {

    public PartnerIdentity {
        Objects.requireNonNull(as2Id, "as2Id");
        Objects.requireNonNull(certificate, "certificate");
    }
}
