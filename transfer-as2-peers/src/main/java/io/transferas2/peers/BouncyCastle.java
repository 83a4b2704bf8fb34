package io.transferas2.peers;

import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Registers the BouncyCastle JCA provider, which camel-as2's API expects (its component registers it). */
final class BouncyCastle {

    private BouncyCastle() {
    }

    /**
     * as2-lib and BouncyCastle's S/MIME code write temp files; a {@code java.io.tmpdir} that does not exist (as
     * under surefire's per-module tmp dir) makes decompression fail, so create it.
     */
    static void ensureTempDir() {
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("java.io.tmpdir cannot be created", e);
        }
    }

    static void register() {
        ensureTempDir();
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }
}
