package io.transferas2.as2;

import java.security.Provider;
import java.security.Security;

/**
 * The JDK providers used for bulk crypto. BouncyCastle builds and parses the CMS structures, but its pure-Java AES and
 * SHA are 3.5x and 9x slower than the JDK's intrinsics-backed ones on this hardware (see BENCHMARKS.md), so every JCA
 * builder is pointed at these. Falls back to the default provider list on JVMs without them.
 */
final class JdkProviders {
    /** RSA key transport, AES and DESede. */
    static final Provider CIPHER = find("SunJCE");
    /** RSA signatures. */
    static final Provider SIGNATURE = find("SunRsaSign");

    private JdkProviders() {
    }

    private static Provider find(String name) {
        return Security.getProvider(name);
    }
}
