package io.transferas2.peers;

import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Registers the BouncyCastle JCA provider, which camel-as2's API expects (its component registers it). */
final class BouncyCastle {

    private BouncyCastle() {
    }

    static void register() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }
}
